extension ScreenBuffer {
    /// Writes `text` on row `y` from column `x` and returns how many columns it took.
    ///
    /// The text is clipped at the buffer's edges and at `maxWidth` columns from `x`; the
    /// return value counts columns from `x` to the end of what was placed (columns left of
    /// the buffer included), so consecutive writes can chain `x += write(...)`. Rules, so a
    /// frame never misaligns whatever the data holds:
    /// - Wide characters are never split: one that does not fit the clip is drawn as a space
    ///   (in `style`) and ends the write; one straddling the left edge leaves a space at 0.
    /// - A combining mark joins the previous grapheme of this write (Swift already groups a
    ///   base and its marks; this covers marks split from their base by clipping); a mark
    ///   at the very start is drawn on a dotted circle "◌", as Unicode recommends.
    /// - Control characters (C0, DEL, C1, including tab and newline) are drawn as U+FFFD
    ///   "�", one cell each: a stray control byte in a value stays visible instead of
    ///   silently shifting the text after it. Views that want line breaks split lines first.
    /// - Zero-width graphemes with no base (a lone joiner, a byte-order mark) are skipped.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = Style(), maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var column = x
        var previous: Int?
        var hasPrevious = false
        for character in text {
            let text: String, glyphWidth: Int
            switch Glyph(character) {
            case .invisible:
                continue
            case .mark(let mark):
                if hasPrevious {
                    if let previous { join(mark, x: previous, y: y) }
                    continue
                }
                text = String(Glyph.dottedCircle) + String(mark)
                glyphWidth = 1
            case .visible(let visible, let visibleWidth):
                text = visible
                glyphWidth = visibleWidth
            }
            hasPrevious = true
            previous = nil
            if column + glyphWidth > limit {
                if column < limit, column >= 0 {
                    put(.blank(style), x: column, y: y)
                    column += 1
                }
                break
            }
            if column < 0 {
                if column + glyphWidth > 0 { put(.blank(style), x: 0, y: y) }
                column += glyphWidth
                continue
            }
            put(Cell(text: text, width: glyphWidth, style: style), x: column, y: y)
            previous = column
            column += glyphWidth
        }
        return max(0, column - x)
    }
}
