import ErrataCore

/// The characters of one output as the cursor moves over them: Unicode scalars, the unit
/// of spans (`TextSpan`), so that an offset on screen is the offset stored and exported.
///
/// Only the first `limit` characters are reachable, so that a key press never walks a
/// megabyte cell: outputs that errors are marked in are sentences and paragraphs.
struct OutputCursor {
    static let limit = 100_000

    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars.prefix(Self.limit))
    }

    var count: Int { scalars.count }
    /// The last offset the cursor may be on (0 for an empty output).
    var last: Int { max(0, count - 1) }

    func clamped(_ offset: Int) -> Int { max(0, min(offset, last)) }

    private func isWord(_ offset: Int) -> Bool {
        let scalar = scalars[offset]
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
    }

    /// The last character of the word at or after the character right of `offset`: from a
    /// word's first character, its last; from its last, the next word's last.
    func wordEnd(after offset: Int) -> Int {
        var i = offset + 1
        while i < count, !isWord(i) { i += 1 }
        while i + 1 < count, isWord(i + 1) { i += 1 }
        return clamped(i)
    }

    /// The first character of the word at or before the character left of `offset`.
    func wordStart(before offset: Int) -> Int {
        var i = offset - 1
        while i > 0, !isWord(i) { i -= 1 }
        while i > 0, isWord(i - 1) { i -= 1 }
        return clamped(i)
    }

    /// `span` cut to the reachable characters.
    func clipped(_ span: TextSpan) -> TextSpan {
        TextSpan(start: min(span.start, count), end: min(span.end, count))
    }

    /// The text of `span`, for messages and the palette.
    func text(of span: TextSpan) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[min(span.start, count) ..< min(span.end, count)])
        return String(view)
    }
}
