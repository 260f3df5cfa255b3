extension TextField {
    /// The first grapheme shown in `width` cells: the horizontal scroll, derived from the
    /// cursor so that drawing needs no state of its own.
    ///
    /// Up to half the width of text after the cursor stays in view: the line scrolls under a
    /// cursor that keeps its column, and at the end of the text the cursor is at the right
    /// edge. Short lines are shown from their start.
    ///
    /// - Complexity: O(width), whatever the length of the line.
    public func firstVisible(width: Int) -> Int {
        let anchor = min(graphemes.count, cursor + max(1, width / 2))
        // At the end of the text the cursor is a block after it, one cell.
        var room = width - (anchor == graphemes.count ? 1 : 0)
        var start = anchor
        while start > 0 {
            let cells = DisplayWidth.of(graphemes[start - 1])
            guard cells <= room else { break }
            room -= cells
            start -= 1
        }
        return min(start, cursor)
    }

    /// Draws the visible part of the line in `width` cells from `x`, the grapheme under the
    /// cursor (or a space after the end) in `cursorStyle`, and returns the columns used.
    ///
    /// - Complexity: O(width): a 30,000-character line draws as fast as a short one.
    @discardableResult
    public func draw(x: Int, y: Int, width: Int, into buffer: inout ScreenBuffer,
                     style: Style = Style(), cursorStyle: Style) -> Int {
        var column = x, index = firstVisible(width: width)
        while index < graphemes.count, column < x + width {
            column += buffer.write(String(graphemes[index]), x: column, y: y,
                                   style: index == cursor ? cursorStyle : style, maxWidth: x + width - column)
            index += 1
        }
        if cursor == graphemes.count, column < x + width {
            column += buffer.write(" ", x: column, y: y, style: cursorStyle)
        }
        return column - x
    }
}
