/// Checks JSON syntax over bytes, so that every error has a line and column.
///
/// Used where a JSON value is kept as text (arrays and objects in JSON Lines cells) and to
/// locate the syntax error of a JSON file Foundation refused (manifests, saved slices,
/// typologies), whose own message on Linux gives at best a byte offset. A loop over an
/// explicit stack, not recursion, so that nesting costs no call stack; nesting is bounded by
/// `maximumNesting`.
struct JSONSyntax {
    static let maximumNesting = 128

    struct Failure: Error, Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// JSON Lines: a value must end on the line it starts on.
    var withinLine = false

    /// The first syntax error of a whole document (one value, then only white space), if any.
    static func firstError(in bytes: UnsafeBufferPointer<UInt8>) -> Failure? {
        var cursor = ByteCursor(bytes)
        let syntax = JSONSyntax()
        do throws(Failure) {
            syntax.skipSpace(&cursor)
            try syntax.skipValue(&cursor)
            syntax.skipSpace(&cursor)
            if !cursor.atEnd { throw syntax.fail(cursor, "unexpected \(syntax.describe(cursor)) after the end of the document") }
            return nil
        } catch {
            return error
        }
    }

    /// Passes over the value at the cursor, or throws where its syntax breaks.
    func skipValue(_ cursor: inout ByteCursor) throws(Failure) {
        enum Expect { case valueOrClose, value, keyOrClose, key, commaOrClose }
        let start = cursor
        var open: [UInt8] = []
        var expect = Expect.value
        repeat {
            skipSpace(&cursor)
            guard !cursor.atEnd, !(withinLine && cursor.current == 0x0A) else {
                if open.isEmpty { throw fail(cursor, "expected a value, found \(describe(cursor))") }
                throw fail(start, "unterminated \(open[0] == UInt8(ascii: "[") ? "array" : "object")"
                           + (withinLine ? ": it must close on the same line" : ": no closing '\(open[0] == UInt8(ascii: "[") ? "]" : "}")' before the end"))
            }
            let byte = cursor.current
            switch expect {
            case .valueOrClose where byte == UInt8(ascii: "]"), .keyOrClose where byte == UInt8(ascii: "}"),
                 .commaOrClose where byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}"):
                let isArray = open.last == UInt8(ascii: "[")
                guard byte == (isArray ? UInt8(ascii: "]") : UInt8(ascii: "}")) else {
                    throw fail(cursor, "\(describe(cursor)) does not close the \(isArray ? "array" : "object") open here")
                }
                open.removeLast()
                cursor.advance()
                expect = .commaOrClose
            case .commaOrClose:
                guard byte == UInt8(ascii: ",") else {
                    throw fail(cursor, "expected ',' or '\(open.last == UInt8(ascii: "[") ? "]" : "}")', found \(describe(cursor))")
                }
                cursor.advance()
                expect = open.last == UInt8(ascii: "[") ? .value : .key
            case .key, .keyOrClose:
                guard byte == UInt8(ascii: "\"") else { throw fail(cursor, "expected a key in quotes, found \(describe(cursor))") }
                try skipString(&cursor)
                skipSpace(&cursor)
                guard !cursor.atEnd, cursor.current == UInt8(ascii: ":") else {
                    throw fail(cursor, "expected ':' after the key, found \(describe(cursor))")
                }
                cursor.advance()
                expect = .value
            case .value, .valueOrClose:
                switch byte {
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    guard open.count < Self.maximumNesting else {
                        throw fail(cursor, "arrays and objects nested more than \(Self.maximumNesting) levels deep")
                    }
                    open.append(byte)
                    cursor.advance()
                    expect = byte == UInt8(ascii: "[") ? .valueOrClose : .keyOrClose
                    continue
                case UInt8(ascii: "\""): try skipString(&cursor)
                case UInt8(ascii: "t"): try skipLiteral("true", &cursor)
                case UInt8(ascii: "f"): try skipLiteral("false", &cursor)
                case UInt8(ascii: "n"): try skipLiteral("null", &cursor)
                case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"): try skipNumber(&cursor)
                default:
                    throw fail(cursor, "expected a value (string, number, true, false, null, array or object), found \(describe(cursor))")
                }
                expect = .commaOrClose
            }
        } while !open.isEmpty
    }

    func skipSpace(_ cursor: inout ByteCursor) {
        while !cursor.atEnd, cursor.current == 0x20 || cursor.current == 0x09 || cursor.current == 0x0D
                || (!withinLine && cursor.current == 0x0A) {
            cursor.advance()
        }
    }

    private func skipString(_ cursor: inout ByteCursor) throws(Failure) {
        let start = cursor
        cursor.advance()
        while true {
            guard !cursor.atEnd, cursor.current != 0x0A else {
                throw fail(start, "unterminated string: no closing '\"' on this line")
            }
            let byte = cursor.current
            if byte == UInt8(ascii: "\"") {
                cursor.advance()
                return
            }
            if byte < 0x20 { throw fail(cursor, "control character in a string: write it as an escape such as \\t") }
            if byte == UInt8(ascii: "\\") {
                let escape = cursor
                cursor.advance()
                guard !cursor.atEnd else { throw fail(escape, "unterminated escape") }
                if cursor.current == UInt8(ascii: "u") {
                    for _ in 0 ..< 4 {
                        cursor.advance()
                        guard !cursor.atEnd, cursor.current.isHexDigit else { throw fail(escape, "\\u needs four hexadecimal digits") }
                    }
                } else if !Array("\"\\/bfnrt".utf8).contains(cursor.current) {
                    throw fail(escape, "invalid escape: use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u")
                }
            }
            cursor.advance()
        }
    }

    private func skipLiteral(_ literal: StaticString, _ cursor: inout ByteCursor) throws(Failure) {
        let start = cursor
        for byte in UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount) {
            guard !cursor.atEnd, cursor.current == byte else { throw fail(start, "invalid literal: expected '\(literal)'") }
            cursor.advance()
        }
    }

    private func skipNumber(_ cursor: inout ByteCursor) throws(Failure) {
        let start = cursor
        func digits(_ cursor: inout ByteCursor) -> Int {
            var n = 0
            while !cursor.atEnd, cursor.current >= 0x30, cursor.current <= 0x39 { cursor.advance(); n += 1 }
            return n
        }
        if cursor.current == UInt8(ascii: "-") { cursor.advance() }
        guard digits(&cursor) > 0 else { throw fail(start, "invalid number: no digits") }
        if !cursor.atEnd, cursor.current == UInt8(ascii: ".") {
            cursor.advance()
            guard digits(&cursor) > 0 else { throw fail(start, "invalid number: no digits after '.'") }
        }
        if !cursor.atEnd, cursor.current | 0x20 == UInt8(ascii: "e") {
            cursor.advance()
            if !cursor.atEnd, cursor.current == UInt8(ascii: "+") || cursor.current == UInt8(ascii: "-") { cursor.advance() }
            guard digits(&cursor) > 0 else { throw fail(start, "invalid number: no digits in the exponent") }
        }
    }

    func fail(_ cursor: ByteCursor, _ message: String) -> Failure {
        Failure(line: cursor.line, column: cursor.column, message: message)
    }

    func describe(_ cursor: ByteCursor) -> String {
        if cursor.atEnd { return "the end of the file" }
        if cursor.current == 0x0A { return "the end of the line" }
        return cursor.current < 0x80 ? "'\(Character(Unicode.Scalar(cursor.current)))'" : "a non-ASCII character"
    }
}

private extension UInt8 {
    var isHexDigit: Bool { (0x30 ... 0x39).contains(self) || (0x41 ... 0x46).contains(self) || (0x61 ... 0x66).contains(self) }
}
