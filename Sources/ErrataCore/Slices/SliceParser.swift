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
        return expression
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

    private mutating func parseOr() throws -> SliceExpression {
        var left = try parseAnd()
        while isKeyword("or") {
            position += 1
            left = .or(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws -> SliceExpression {
        var left = try parseUnary()
        while isKeyword("and") {
            position += 1
            left = .and(left, try parseUnary())
        }
        return left
    }

    private mutating func parseUnary() throws -> SliceExpression {
        if isKeyword("not") {
            position += 1
            return .not(try parseUnary())
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws -> SliceExpression {
        let left = try parseSum()
        let token = current
        let span = SliceExpression.SourceSpan(column: token.column, length: token.length)
        switch token.kind {
        case .symbol(let s):
            if let op = SliceExpression.ComparisonOperator(rawValue: s) {
                position += 1
                return .compare(op, left, try parseSum(), span)
            }
        case .identifier("in"):
            position += 1
            // `"horror" in tags`: membership in a list-valued column.
            if current.kind != .symbol("[") && current.kind != .symbol("(") {
                return .contains(try parseSum(), left, span)
            }
            return .membership(left, try parseList(), negated: false, span)
        case .identifier("not"):
            if position + 1 < tokens.count, tokens[position + 1].kind == .identifier("in") {
                position += 2
                return .membership(left, try parseList(), negated: true, span)
            }
        case .identifier("contains"):
            position += 1
            return .contains(left, try parseSum(), span)
        case .identifier("matches"):
            position += 1
            guard case .regex(let pattern, let ignoreCase) = current.kind else {
                throw error(at: current, "expected a regular expression such as /horr?or/i after 'matches'")
            }
            position += 1
            return .matches(left, pattern: pattern, ignoreCase: ignoreCase, span)
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

    private mutating func parseSum() throws -> SliceExpression {
        var left = try parseProduct()
        while case .symbol(let s) = current.kind, s == "+" || s == "-" {
            let span = SliceExpression.SourceSpan(column: current.column, length: 1)
            position += 1
            left = .arithmetic(s == "+" ? .add : .subtract, left, try parseProduct(), span)
        }
        return left
    }

    private mutating func parseProduct() throws -> SliceExpression {
        var left = try parseFactor()
        while case .symbol(let s) = current.kind, s == "*" || s == "/" {
            let span = SliceExpression.SourceSpan(column: current.column, length: 1)
            position += 1
            left = .arithmetic(s == "*" ? .multiply : .divide, left, try parseFactor(), span)
        }
        return left
    }

    private mutating func parseFactor() throws -> SliceExpression {
        let token = current
        let span = SliceExpression.SourceSpan(column: token.column, length: token.length)
        switch token.kind {
        case .string(let s):
            position += 1
            return .string(s)
        case .number(let x):
            position += 1
            return .number(x)
        case .symbol("-"):
            position += 1
            return .negative(try parseFactor(), span)
        case .symbol("("):
            position += 1
            let inner = try parseOr()
            guard current.kind == .symbol(")") else { throw error(at: current, "expected ')' to close the '(' at column \(token.column)") }
            position += 1
            return inner
        case .identifier("true"):
            position += 1
            return .boolean(true)
        case .identifier("false"):
            position += 1
            return .boolean(false)
        case .identifier(let name) where !Self.keywords.contains(name):
            position += 1
            guard current.kind == .symbol("(") else { return .name(name, span) }
            position += 1
            var args: [SliceExpression] = []
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
            return .call(name, args, span)
        default:
            throw error(at: token, "expected a value (a column, a string, a number or a function call), found \(describe(token))")
        }
    }
}
