extension ScreenBuffer {
    /// Fills the part of `rect` inside the buffer with `character` in `style`.
    ///
    /// A wide character fills every other column; a column left over at the right edge of
    /// the rectangle becomes a space. Control characters are drawn as "�" (as in `write`),
    /// and a character that takes no column is replaced by a space.
    public mutating func fill(_ rect: Rect, style: Style = Style(), character: Character = " ") {
        let area = rect.intersection(Rect(width: width, height: height))
        guard !area.isEmpty else { return }
        let cell: Cell
        switch Glyph(character) {
        case .visible(let text, let glyphWidth): cell = Cell(text: text, width: glyphWidth, style: style)
        case .mark, .invisible: cell = .blank(style)
        }
        for row in area.y ..< area.maxY {
            var column = area.x
            while column < area.maxX {
                if column + cell.width > area.maxX {
                    put(.blank(style), x: column, y: row)
                    column += 1
                } else {
                    put(cell, x: column, y: row)
                    column += cell.width
                }
            }
        }
    }

    /// Draws the outline of `rect` with the buffer's `symbols`, and `title` on the top edge.
    ///
    /// The title starts after one line cell (`┌─ Title ──┐`) and is clipped to leave the corners
    /// and one line cell on each side. The inside is left as it is, so a view can draw its
    /// contents before or after the frame. Rectangles under 2 x 2 cells draw nothing:
    /// there is no outline to show.
    public mutating func drawBox(_ rect: Rect, style: Style, title: String?) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = String(symbols.horizontal), vertical = String(symbols.vertical)
        let inner = rect.width - 2
        let line = String(repeating: horizontal, count: inner)
        write(String(symbols.topLeft) + line + String(symbols.topRight), x: rect.x, y: rect.y, style: style)
        write(String(symbols.bottomLeft) + line + String(symbols.bottomRight), x: rect.x, y: rect.maxY - 1, style: style)
        for row in rect.y + 1 ..< rect.maxY - 1 {
            write(vertical, x: rect.x, y: row, style: style)
            write(vertical, x: rect.maxX - 1, y: row, style: style)
        }
        if let title, !title.isEmpty, inner >= 4 {
            write(" " + title + " ", x: rect.x + 2, y: rect.y, style: style, maxWidth: inner - 2)
        }
    }
}
