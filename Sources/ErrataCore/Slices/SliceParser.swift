/// Recursive-descent parser of the slice language (grammar in docs/slices.md).
///
///     or         := and ("or" and)*
///     and        := unary ("and" unary)*
///     unary      := "not" unary | comparison
///     comparison := sum (("==" | "!=" | "<" | "<=" | ">" | ">=") sum
///                       | "not"? "in" list | literal "in" name | "contains" sum
///                       | "matches" /regex/flags)?
///     sum        := product (("+" | "-") product)*
///     product    := factor (("*" | "/") factor)*
///     factor     := "-" factor | literal | name | name "(" args ")" | "(" or ")"
struct SliceParser {
    static let keywords: Set<String> = ["and", "or", "not", "in", "contains", "matches", "true", "false"]

    private let text: String
    private var tokens: [SliceLexer.Token] = []
    private var position = 0
    /// Parentheses, `not`, `-` and calls open around the current token: each is a level of
    /// recursion here, bounded by `SliceExpression.maximumDepth` before it can exhaust the stack.
    private var nesting = 0

    /// A parsed expression and the depth of its tree (a leaf is 1), kept so that a long chain
    /// (`a and b and c ...`, which builds a tree as deep as it is long) is bounded too.
    private typealias Node = (expression: SliceExpression, depth: Int)

    init(_ text: String) {
        self.text = text
    }

    mutating func parseAll() throws -> SliceExpression {
        tokens = try SliceLexer.tokenize(text)
        if tokens.count == 1 { throw error(at: tokens[0], "empty expression: write a condition such as genre == \"horror\"") }
        let expression = try parseOr()
        guard case .end = current.kind else {
            throw error(at: current, "unexpected \(describe(current)): expected 'and', 'or' or the end of the expression")
        }
        return expression.expression
    }

    /// A node over `children`, refused (at `token`) when it would be deeper than the limit.
    private func node(_ expression: SliceExpression, _ children: [Node], at token: SliceLexer.Token) throws -> Node {
        let depth = 1 + (children.map(\.depth).max() ?? 0)
        if depth > SliceExpression.maximumDepth { throw tooDeep(at: token) }
        return (expression, depth)
    }

    /// Enters a level of nesting at `token` (a parenthesis, `not`, `-`, a call).
    private mutating func enter(_ token: SliceLexer.Token) throws {
        nesting += 1
        if nesting > SliceExpression.maximumDepth { throw tooDeep(at: token) }
    }

    private func tooDeep(at token: SliceLexer.Token) -> SliceError {
        error(at: token, SliceExpression.tooDeepMessage)
    }

    private var current: SliceLexer.Token { tokens[position] }

    private func error(at token: SliceLexer.Token, _ message: String) -> SliceError {
        SliceError(expression: text, column: token.column, length: token.length, message)
    }

    private func describe(_ token: SliceLexer.Token) -> String {
        switch token.kind {
        case .identifier(let n): "'\(n)'"
        case .string(let s): "string \(SliceExpression.quote(s))"
        case .number(let x): "number \(formatNumber(x))"
        case .regex: "regular expression"
        case .symbol(let s): "'\(s)'"
        case .end: "end of the expression"
        }
    }

    private func isKeyword(_ word: String) -> Bool { current.kind == .identifier(word) }

    private mutating func parseOr() throws -> Node {
        var left = try parseAnd()
        while isKeyword("or") {
            let token = current
            position += 1
            let right = try parseAnd()
            left = try node(.or(left.expression, right.expression), [left, right], at: token)
        }
        return left
    }

    private mutating func parseAnd() throws -> Node {
        var left = try parseUnary()
        while isKeyword("and") {
            let token = current
            position += 1
            let right = try parseUnary()
            left = try node(.and(left.expression, right.expression), [left, right], at: token)
        }
        return left
    }

    private mutating func parseUnary() throws -> Node {
        if isKeyword("not") {
            let token = current
            try enter(token)
            position += 1
            let operand = try parseUnary()
            nesting -= 1
            return try node(.not(operand.expression), [operand], at: token)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws -> Node {
        let left = try parseSum()
        let token = current
        let span = SliceExpression.SourceSpan(column: token.column, length: token.length)
        switch token.kind {
        case .symbol(let s):
            if let op = SliceExpression.ComparisonOperator(rawValue: s) {
                position += 1
                let right = try parseSum()
                return try node(.compare(op, left.expression, right.expression, span), [left, right], at: token)
            }
        case .identifier("in"):
            position += 1
            // `"horror" in tags`: membership in a list-valued column.
            if current.kind != .symbol("[") && current.kind != .symbol("(") {
                let list = try parseSum()
                return try node(.contains(list.expression, left.expression, span), [list, left], at: token)
            }
            return try node(.membership(left.expression, try parseList(), negated: false, span), [left], at: token)
        case .identifier("not"):
            if position + 1 < tokens.count, tokens[position + 1].kind == .identifier("in") {
                position += 2
                return try node(.membership(left.expression, try parseList(), negated: true, span), [left], at: token)
            }
        case .identifier("contains"):
            position += 1
            let right = try parseSum()
            return try node(.contains(left.expression, right.expression, span), [left, right], at: token)
        case .identifier("matches"):
            position += 1
            guard case .regex(let pattern, let ignoreCase) = current.kind else {
                throw error(at: current, "expected a regular expression such as /horr?or/i after 'matches'")
            }
            position += 1
            return try node(.matches(left.expression, pattern: pattern, ignoreCase: ignoreCase, span), [left], at: token)
        default:
            break
        }
        return left
    }

    private mutating func parseList() throws -> [SliceExpression] {
        guard current.kind == .symbol("[") || current.kind == .symbol("(") else {
            throw error(at: current, "expected a list such as [\"a\", \"b\"] after 'in'")
        }
        let close = current.kind == .symbol("[") ? "]" : ")"
        position += 1
        var items: [SliceExpression] = []
        while true {
            switch current.kind {
            case .string(let s): items.append(.string(s))
            case .number(let x): items.append(.number(x))
            case .identifier("true"): items.append(.boolean(true))
            case .identifier("false"): items.append(.boolean(false))
            case .symbol("-"):
                position += 1
                guard case .number(let x) = current.kind else { throw error(at: current, "expected a number after '-'") }
                items.append(.number(-x))
            default:
                throw error(at: current, "expected a string or number in the list, found \(describe(current))")
            }
            position += 1
            if current.kind == .symbol(",") { position += 1; continue }
            guard current.kind == .symbol(close) else { throw error(at: current, "expected ',' or '\(close)' in the list") }
            position += 1
            return items
        }
    }

    private mutating func parseSum() throws -> Node {
        var left = try parseProduct()
        while case .symbol(let s) = current.kind, s == "+" || s == "-" {
            let token = current
            let span = SliceExpression.SourceSpan(column: current.column, length: 1)
            position += 1
            let right = try parseProduct()
            left = try node(.arithmetic(s == "+" ? .add : .subtract, left.expression, right.expression, span), [left, right], at: token)
        }
        return left
    }

    private mutating func parseProduct() throws -> Node {
        var left = try parseFactor()
        while case .symbol(let s) = current.kind, s == "*" || s == "/" {
            let token = current
            let span = SliceExpression.SourceSpan(column: current.column, length: 1)
            position += 1
            let right = try parseFactor()
            left = try node(.arithmetic(s == "*" ? .multiply : .divide, left.expression, right.expression, span), [left, right], at: token)
        }
        return left
    }

    private mutating func parseFactor() throws -> Node {
        let token = current
        let span = SliceExpression.SourceSpan(column: token.column, length: token.length)
        switch token.kind {
        case .string(let s):
            position += 1
            return (.string(s), 1)
        case .number(let x):
            position += 1
            return (.number(x), 1)
        case .symbol("-"):
            try enter(token)
            position += 1
            let operand = try parseFactor()
            nesting -= 1
            return try node(.negative(operand.expression, span), [operand], at: token)
        case .symbol("("):
            try enter(token)
            position += 1
            let inner = try parseOr()
            guard current.kind == .symbol(")") else { throw error(at: current, "expected ')' to close the '(' at column \(token.column)") }
            position += 1
            nesting -= 1
            return inner
        case .identifier("true"):
            position += 1
            return (.boolean(true), 1)
        case .identifier("false"):
            position += 1
            return (.boolean(false), 1)
        case .identifier(let name) where !Self.keywords.contains(name):
            position += 1
            guard current.kind == .symbol("(") else { return (.name(name, span), 1) }
            try enter(token)
            position += 1
            var args: [Node] = []
            if current.kind != .symbol(")") {
                while true {
                    args.append(try parseOr())
                    if current.kind == .symbol(",") { position += 1; continue }
                    break
                }
            }
            guard current.kind == .symbol(")") else {
                throw error(at: current, "expected ',' or ')' in the arguments of \(name)()")
            }
            position += 1
            nesting -= 1
            return try node(.call(name, args.map(\.expression), span), args, at: token)
        default:
            throw error(at: token, "expected a value (a column, a string, a number or a function call), found \(describe(token))")
        }
    }
}
