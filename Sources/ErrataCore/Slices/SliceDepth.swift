/// The bound on how deeply a slice expression may nest.
///
/// The parser, the evaluator and the printer all recurse over the tree, so a deep enough
/// expression (15,000 parentheses, 20,000 `not`s, a chain of 100,000 `and`s) would exhaust the
/// stack and kill the process; the workbench evaluates on threads with smaller stacks than the
/// main one. Hand-written conditions nest a few levels; 200 leaves room for generated ones.
extension SliceExpression {
    public static let maximumDepth = 200

    static let tooDeepMessage = "the expression nests more than \(maximumDepth) levels deep (parentheses, 'not', '-', calls and each chained operator count): split it or simplify it"

    /// The depth of the tree (a leaf is 1), computed without recursion so that any tree,
    /// however it was built, can be measured before it is evaluated.
    public var depth: Int {
        var deepest = 0
        var pending: [(SliceExpression, Int)] = [(self, 1)]
        while let (node, level) = pending.popLast() {
            deepest = max(deepest, level)
            for child in node.children { pending.append((child, level + 1)) }
        }
        return deepest
    }

    private var children: [SliceExpression] {
        switch self {
        case .name, .string, .number, .boolean: []
        case .call(_, let args, _): args
        case .compare(_, let l, let r, _), .contains(let l, let r, _), .arithmetic(_, let l, let r, _), .and(let l, let r), .or(let l, let r): [l, r]
        case .membership(let l, let items, _, _): [l] + items
        case .matches(let l, _, _, _), .negative(let l, _), .not(let l): [l]
        }
    }
}
