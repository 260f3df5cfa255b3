/// A mistake in a slice expression, pointing at the offending token.
///
/// `description` shows the expression with a caret line under the token, as compilers do:
///
///     length(input) > 20 and genre = "horror"
///                                  ^ expected a comparison ('==', '!=', ...) or 'and'/'or'
public struct SliceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var expression: String
    /// 1-based column (in characters) of the token where the problem is.
    public var column: Int
    /// Width of the token in characters (at least 1).
    public var length: Int
    public var message: String

    public init(expression: String, column: Int, length: Int = 1, _ message: String) {
        self.expression = expression
        self.column = column
        self.length = max(1, length)
        self.message = message
    }

    public var description: String {
        "column \(column): \(message)\n  \(expression)\n  \(String(repeating: " ", count: column - 1))\(String(repeating: "^", count: length))"
    }
}
