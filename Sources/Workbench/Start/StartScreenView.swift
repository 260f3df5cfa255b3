import Foundation
import TerminalUI

extension StartScreen {
    /// The bundled datasets, two lines each (name, task, counts, size; then what it shows
    /// off), the recent files one line each, and the keys on the last line.
    public func render(into buffer: inout ScreenBuffer, keymap: StartKeymap = .start) {
        buffer.fill(Rect(x: 0, y: 0, width: buffer.width, height: buffer.height))
        guard buffer.width >= 20, buffer.height >= 6 else {
            buffer.write("errata: enlarge the terminal, or q to quit", x: 0, y: 0, style: Theme.error, maxWidth: buffer.width)
            return
        }
        buffer.fill(Rect(x: 0, y: 0, width: buffer.width, height: 1), style: Theme.title)
        buffer.write(" errata · open a dataset", x: 0, y: 0, style: Theme.title, maxWidth: buffer.width)
        let box = Rect(x: 0, y: 1, width: buffer.width, height: buffer.height - 3)
        buffer.drawBox(box, style: Theme.focusedBorder, title: "Bundled datasets")
        let inner = Rect(x: 2, y: 2, width: box.width - 4, height: box.height - 2)
        var lines: [(text: String, style: Style, entry: Int?)] = []
        let nameWidth = min(28, max(8, entries.map { DisplayWidth.of($0.name) }.max() ?? 8))
        for (i, entry) in bundled.enumerated() {
            lines.append((DisplayWidth.pad(entry.name, to: nameWidth) + "  " + Self.facts(entry), Style(attributes: [.bold]), i))
            lines.append(("  " + (entry.problem.map { "does not load: \($0)" } ?? entry.description ?? ""), entry.problem == nil ? Theme.dim : Theme.error, i))
        }
        if !recent.isEmpty {
            lines.append(("", Style(), nil))
            lines.append(("Recent", Theme.header, nil))
            for (k, entry) in recent.enumerated() {
                lines.append((DisplayWidth.pad(entry.name, to: nameWidth) + "  " + entry.path, Style(), bundled.count + k))
            }
        }
        // The cursor's lines stay on screen: scroll by whole lines.
        let cursorLine = lines.lastIndex { $0.entry == cursor } ?? 0
        let top = max(0, cursorLine - inner.height + 1)
        for (row, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            let selected = line.entry == cursor
            let style = selected ? Theme.selected : line.style
            if selected { buffer.fill(Rect(x: inner.x - 1, y: inner.y + row, width: inner.width + 2, height: 1), style: style) }
            buffer.write(line.text, x: inner.x, y: inner.y + row, style: style, maxWidth: inner.width)
        }
        let status = message ?? "\(bundled.count) bundled, \(recent.count) recent · inside the workbench, :open PATH opens any file"
        buffer.write(" " + status, x: 0, y: buffer.height - 2, style: message == nil ? Theme.info : Theme.error, maxWidth: buffer.width)
        // The first key of each command: the line has room for one.
        let hints = StartCommand.allCases.compactMap { command in keymap.labels(for: command).first.map { ($0, command.help) } }
        drawKeyHints(hints, in: Rect(x: 1, y: buffer.height - 1, width: buffer.width - 1, height: 1), &buffer)
    }

    /// `generation · 3,004 instances · 16 systems · 9.8 MB`, with `…` while counting.
    static func facts(_ entry: DatasetEntry) -> String {
        var parts: [String] = []
        if let task = entry.task { parts.append(task) }
        parts.append(entry.instances.map { "\(grouped($0)) instances" } ?? (entry.problem == nil ? "… instances" : "— instances"))
        parts.append(entry.systems.map { "\($0) system\($0 == 1 ? "" : "s")" } ?? (entry.problem == nil ? "… systems" : "— systems"))
        if let bytes = entry.bytes { parts.append(size(bytes)) }
        return parts.joined(separator: " · ")
    }

    private static func grouped(_ n: Int) -> String {
        let digits = String(n)
        return digits.enumerated().map { i, c in (i > 0 && (digits.count - i) % 3 == 0 ? "," : "") + String(c) }.joined()
    }

    private static func size(_ bytes: Int64) -> String {
        let units = ["B", "KB", "MB", "GB"]
        var value = Double(bytes), unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f", value) + " " + units[unit]
    }
}
