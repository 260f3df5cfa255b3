extension StyledText {
    /// Draws the text wrapped to `rect`'s width, from wrapped line `firstLine` (scrolling),
    /// and returns how many rows it used (at most `rect.height`).
    ///
    /// Only the lines that fit are wrapped (`lines(width:first:count:)`).
    @discardableResult
    public func draw(in rect: Rect, into buffer: inout ScreenBuffer, firstLine: Int = 0) -> Int {
        let lines = lines(width: rect.width, first: max(0, firstLine), count: rect.height)
        for (offset, line) in lines.enumerated() {
            line.drawLine(x: rect.x, y: rect.y + offset, maxWidth: rect.width, into: &buffer)
        }
        return lines.count
    }

    /// Draws the text on one row from column `x`, clipped at `maxWidth` cells, and returns
    /// the columns used (as `ScreenBuffer.write` counts them).
    @discardableResult
    public func drawLine(x: Int, y: Int, maxWidth: Int, into buffer: inout ScreenBuffer) -> Int {
        var column = x
        for run in runs where column < x + maxWidth {
            column += buffer.write(run.text, x: column, y: y, style: run.style, maxWidth: x + maxWidth - column)
        }
        return column - x
    }
}
