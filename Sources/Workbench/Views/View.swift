import ErrataCore
import Foundation
import TerminalUI

/// A part of the screen drawn from its own state: each overlay is a value built from what it
/// shows, drawn into the rectangle the layout gives it.
protocol View {
    func draw(in rect: Rect, into buffer: inout ScreenBuffer)
}

/// A cleared box with a title; returns the area inside it (one column of padding).
func overlayBox(_ buffer: inout ScreenBuffer, _ rect: Rect, title: String) -> Rect {
    buffer.fill(rect)
    buffer.drawBox(rect, style: Theme.focusedBorder, title: title)
    return Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
}

/// Keys and what they do, in one column when they fit `rect`'s height, else two.
func drawKeyLines(_ lines: [(keys: String, help: String)], in rect: Rect, _ buffer: inout ScreenBuffer) {
    let rows = max(1, rect.height)
    let columns = lines.count <= rows ? 1 : 2
    let columnWidth = rect.width / columns
    let keyWidth = min(columnWidth / 3, lines.map { DisplayWidth.of($0.keys) }.max() ?? 10)
    for (i, line) in lines.enumerated() where i < rows * columns {
        let x = rect.x + (i / rows) * columnWidth, y = rect.y + i % rows
        buffer.write(line.keys, x: x, y: y, style: Theme.key, maxWidth: keyWidth)
        buffer.write(DisplayWidth.truncate(line.help, to: columnWidth - keyWidth - 2), x: x + keyWidth + 1, y: y)
    }
}
