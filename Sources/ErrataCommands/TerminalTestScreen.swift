import TerminalUI

/// The screen `errata terminal` draws: what the terminal can show, and the last input.
///
/// Pure drawing into a `ScreenBuffer`, so it is snapshot-tested like any view; the command
/// only feeds it events. Each line exercises one thing the workbench relies on: colour
/// ramps (and their degraded forms), wide and combining text staying aligned, box lines,
/// attributes, key/mouse/resize decoding.
struct TerminalTestScreen {
    var capabilities: TerminalCapabilities
    /// The `TERM` the terminal was opened with.
    var terminalName: String
    var lastEvent: InputEvent?
    var eventCount = 0

    /// Draws into the part of a row right of its label.
    private typealias Value = (inout ScreenBuffer, Rect) -> Void

    mutating func record(_ event: InputEvent) {
        lastEvent = event
        eventCount += 1
    }

    func render(into buffer: inout ScreenBuffer) {
        let frame = Rect(width: buffer.width, height: buffer.height)
        buffer.drawBox(frame, style: Style(foreground: .brightBlue), title: "errata terminal")
        let lines: [(label: String, value: Value)?] = [
            ("Capabilities", text(capabilitiesText)),
            ("Terminal", text("TERM=\(terminalName), \(buffer.width)x\(buffer.height) cells")),
            ("Basic", ramp(0 ..< 16)),
            ("Cube", ramp(stride(from: 16, through: 231, by: 6))),
            ("Greys", ramp(232 ..< 256)),
            ("Attributes", attributes),
            ("Wide", text("漢字テスト 한국어|  (the bar is in column 17)")),
            ("Combining", text("e\u{301} n\u{303} a\u{308}\u{332}|  (the bar is in column 6)")),
            nil,
            ("Last event", text(lastEventText, style: Style(foreground: .brightYellow))),
            ("Quit", text("press q")),
        ]
        let inside = frame.inset(by: EdgeInsets(top: 1, left: 2, bottom: 1, right: 2))
        for (offset, line) in lines.enumerated() where offset < inside.height {
            guard let line else { continue }
            let row = Rect(x: inside.x, y: inside.y + offset, width: inside.width, height: 1)
            let columns = row.columns(.fixed(TerminalTestScreen.labelWidth), .fill)
            buffer.write(line.label, x: row.x, y: row.y, style: Style(attributes: .bold), maxWidth: columns[0].width)
            line.value(&buffer, columns[1])
        }
    }

    private static let labelWidth = 13

    private var capabilitiesText: String {
        let colors = capabilities.colors == 0 ? "no colour" : "\(capabilities.colors) colours"
        return [colors, capabilities.unicode ? "Unicode" : "ASCII only", capabilities.mouse ? "mouse" : "no mouse"]
            .joined(separator: ", ")
    }

    private var lastEventText: String {
        guard let lastEvent else { return "none yet: press keys, click, scroll or resize" }
        return "\(lastEvent) (\(eventCount) event\(eventCount == 1 ? "" : "s"))"
    }

    private func text(_ value: String, style: Style = Style()) -> Value {
        { buffer, area in buffer.write(value, x: area.x, y: area.y, style: style, maxWidth: area.width) }
    }

    private func attributes(_ buffer: inout ScreenBuffer, _ area: Rect) {
        var x = area.x
        for (name, attribute) in TextAttributes.named where x < area.maxX {
            x += buffer.write(name, x: x, y: area.y, style: Style(attributes: attribute), maxWidth: area.maxX - x) + 1
        }
    }

    /// A swatch of background per colour: two cells each, or one when the row is narrow.
    private func ramp(_ indices: some Sequence<Int>) -> Value {
        let colors = Array(indices)
        return { buffer, area in
            let swatch = colors.count * 2 <= area.width ? 2 : 1
            for (offset, index) in colors.enumerated() {
                let cell = Rect(x: area.x + offset * swatch, y: area.y, width: swatch, height: 1)
                buffer.fill(cell.intersection(area), style: Style(background: .indexed(UInt8(index))))
            }
        }
    }
}
