/// Splits a slice expression into tokens, remembering each token's column for errors.
struct SliceLexer {
    enum Kind: Equatable {
        case identifier(String)
        case string(String)
        case number(Double)
        case regex(pattern: String, ignoreCase: Bool)
        case symbol(String)  // == != < <= > >= ( ) [ ] , + - * /
        case end
    }

    struct Token: Equatable {
        var kind: Kind
        var column: Int
        var length: Int
    }

    static func tokenize(_ text: String) throws -> [Token] {
        let chars = Array(text)
        var tokens: [Token] = []
        var i = 0
        func fail(_ at: Int, _ length: Int, _ message: String) -> SliceError {
            SliceError(expression: text, column: at + 1, length: length, message)
        }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            let start = i
            if c == "\"" || c == "'" {
                var value = ""
                i += 1
                while i < chars.count, chars[i] != c {
                    if chars[i] == "\\", i + 1 < chars.count {
                        i += 1
                        switch chars[i] {
                        case "n": value.append("\n")
                        case "t": value.append("\t")
                        default: value.append(chars[i])
                        }
                    } else {
                        value.append(chars[i])
                    }
                    i += 1
                }
                guard i < chars.count else { throw fail(start, 1, "unterminated string: add a closing \(c)") }
                i += 1
                tokens.append(Token(kind: .string(value), column: start + 1, length: i - start))
            } else if c == "`" {
                i += 1
                while i < chars.count, chars[i] != "`" { i += 1 }
                guard i < chars.count else { throw fail(start, 1, "unterminated `quoted name`") }
                i += 1
                tokens.append(Token(kind: .identifier(String(chars[start + 1 ..< i - 1])), column: start + 1, length: i - start))
            } else if c == "/" && tokens.last?.kind == .identifier("matches") {
                var pattern = ""
                i += 1
                while i < chars.count, chars[i] != "/" {
                    if chars[i] == "\\", i + 1 < chars.count, chars[i + 1] == "/" {
                        pattern.append("/")
                        i += 2
                        continue
                    }
                    pattern.append(chars[i])
                    i += 1
                }
                guard i < chars.count else { throw fail(start, 1, "unterminated regular expression: add a closing /") }
                i += 1
                var ignoreCase = false
                while i < chars.count, chars[i].isLetter {
                    guard chars[i] == "i" else { throw fail(i, 1, "unknown regular expression flag '\(chars[i])': only 'i' (ignore case)") }
                    ignoreCase = true
                    i += 1
                }
                tokens.append(Token(kind: .regex(pattern: pattern, ignoreCase: ignoreCase), column: start + 1, length: i - start))
            } else if c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                while i < chars.count, chars[i].isNumber || chars[i] == "." { i += 1 }
                if i < chars.count, chars[i] == "e" || chars[i] == "E" {
                    i += 1
                    if i < chars.count, chars[i] == "-" || chars[i] == "+" { i += 1 }
                    while i < chars.count, chars[i].isNumber { i += 1 }
                }
                let literal = String(chars[start ..< i])
                guard let value = Double(literal) else { throw fail(start, i - start, "invalid number '\(literal)'") }
                tokens.append(Token(kind: .number(value), column: start + 1, length: i - start))
            } else if c.isLetter || c == "_" {
                // A hyphen between letters or digits stays in the name (system names such as
                // `C-3MA`, `online-B`): subtraction needs spaces, `a - b`.
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "."
                    || chars[i] == "-" && i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1].isNumber) {
                    i += 1
                }
                // `chrf++` is a metric name.
                while i < chars.count, chars[i] == "+", String(chars[start ..< i]).hasPrefix("chrf") { i += 1 }
                tokens.append(Token(kind: .identifier(String(chars[start ..< i])), column: start + 1, length: i - start))
            } else {
                let two = i + 1 < chars.count ? String(chars[i ... i + 1]) : ""
                if ["==", "!=", "<=", ">="].contains(two) {
                    i += 2
                    tokens.append(Token(kind: .symbol(two), column: start + 1, length: 2))
                } else if "<>()[],+-*/".contains(c) {
                    i += 1
                    tokens.append(Token(kind: .symbol(String(c)), column: start + 1, length: 1))
                } else if c == "=" {
                    throw fail(start, 1, "use '==' to compare")
                } else if c == "&" || c == "|" || c == "!" {
                    throw fail(start, 1, "use 'and', 'or' and 'not'")
                } else {
                    throw fail(start, 1, "unexpected character '\(c)'")
                }
            }
        }
        tokens.append(Token(kind: .end, column: chars.count + 1, length: 1))
        return tokens
    }
}
