/// A parsed slice expression: a condition on instances, or a value per instance.
///
/// Nodes keep the column and width of their source token so that errors found after parsing
/// (an unknown column, a function applied to the wrong kind of column) still point into the
/// expression.
public indirect enum SliceExpression: Sendable, Equatable {
    case name(String, SourceSpan)
    case string(String)
    case number(Double)
    case boolean(Bool)
    case call(String, [SliceExpression], SourceSpan)
    case compare(ComparisonOperator, SliceExpression, SliceExpression, SourceSpan)
    /// `x in ["a", "b"]`, `x not in [...]`, and `"tag" in tags` for list columns.
    case membership(SliceExpression, [SliceExpression], negated: Bool, SourceSpan)
    case contains(SliceExpression, SliceExpression, SourceSpan)
    case matches(SliceExpression, pattern: String, ignoreCase: Bool, SourceSpan)
    case arithmetic(ArithmeticOperator, SliceExpression, SliceExpression, SourceSpan)
    case negative(SliceExpression, SourceSpan)
    case and(SliceExpression, SliceExpression)
    case or(SliceExpression, SliceExpression)
    case not(SliceExpression)

    public enum ComparisonOperator: String, Sendable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    public enum ArithmeticOperator: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/"
    }

    /// Where a node came from: 1-based column and width in characters.
    public struct SourceSpan: Sendable, Equatable {
        public var column: Int
        public var length: Int
    }

    /// Parses `text`; errors point at the offending token.
    public static func parse(_ text: String) throws -> SliceExpression {
        var parser = SliceParser(text)
        return try parser.parseAll()
    }
}

extension SliceExpression: CustomStringConvertible {
    /// Canonical text: parses back to the same expression (modulo spans), so saved slices and
    /// filters built interactively round-trip through the language.
    public var description: String { render(precedence: 0) }

    private func render(precedence: Int) -> String {
        func wrap(_ text: String, _ own: Int) -> String { own < precedence ? "(\(text))" : text }
        switch self {
        case .name(let n, _): return Self.quoteName(n)
        case .string(let s): return Self.quote(s)
        case .number(let x): return formatNumber(x)
        case .boolean(let b): return b ? "true" : "false"
        case .call(let f, let args, _): return "\(f)(\(args.map { $0.render(precedence: 0) }.joined(separator: ", ")))"
        case .compare(let op, let l, let r, _):
            return wrap("\(l.render(precedence: 4)) \(op.rawValue) \(r.render(precedence: 4))", 3)
        case .membership(let l, let items, let negated, _):
            let list = "[" + items.map { $0.render(precedence: 0) }.joined(separator: ", ") + "]"
            return wrap("\(l.render(precedence: 4)) \(negated ? "not in" : "in") \(list)", 3)
        case .contains(let l, let r, _): return wrap("\(l.render(precedence: 4)) contains \(r.render(precedence: 4))", 3)
        case .matches(let l, let pattern, let ignoreCase, _):
            return wrap("\(l.render(precedence: 4)) matches /\(pattern.replacingOccurrences(of: "/", with: "\\/"))/\(ignoreCase ? "i" : "")", 3)
        case .arithmetic(let op, let l, let r, _):
            let own = op == .add || op == .subtract ? 4 : 5
            return wrap("\(l.render(precedence: own)) \(op.rawValue) \(r.render(precedence: own + 1))", own)
        case .negative(let e, _): return "-\(e.render(precedence: 6))"
        case .and(let l, let r): return wrap("\(l.render(precedence: 2)) and \(r.render(precedence: 2))", 2)
        case .or(let l, let r): return wrap("\(l.render(precedence: 1)) or \(r.render(precedence: 1))", 1)
        case .not(let e): return wrap("not \(e.render(precedence: 3))", 3)
        }
    }

    /// The expression as an operand of `not`: in parentheses unless it is atomic.
    public static func parenthesised(_ e: SliceExpression) -> String {
        switch e {
        case .name, .string, .number, .boolean, .call: e.description
        default: "(\(e.description))"
        }
    }

    /// A string literal, escaped.
    public static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t") + "\""
    }

    /// A column name as written in an expression: back-quoted unless it is a plain identifier.
    public static func quoteName(_ n: String) -> String {
        let plain = n.first.map { $0.isLetter || $0 == "_" } ?? false
            && n.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }
            && !SliceParser.keywords.contains(n)
        return plain ? n : "`\(n)`"
    }
}
