import TerminalUI

/// Keys and their help side by side (`j next  k previous  Enter open`), wrapped over the
/// lines of `rect`; what does not fit is left out. The overlays with keys of their own (the
/// systems picker, the start screen) draw their key table's lines with it.
func drawKeyHints(_ items: [(keys: String, help: String)], in rect: Rect, _ buffer: inout ScreenBuffer) {
    var x = rect.x, y = rect.y
    for (keys, help) in items where !keys.isEmpty {
        let width = DisplayWidth.of(keys) + DisplayWidth.of(help) + 3
        if x + width > rect.x + rect.width {
            guard y + 1 < rect.y + rect.height, x > rect.x else { break }
            x = rect.x
            y += 1
        }
        x += buffer.write(keys, x: x, y: y, style: Theme.key)
        x += buffer.write(" " + help + "  ", x: x, y: y, style: Theme.dim)
    }
}
