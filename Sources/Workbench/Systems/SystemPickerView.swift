import TerminalUI

/// The systems overlay: a checkbox per system, the chosen numbered in the order the table
/// shows them (the first is the baseline), the keys from the picker's key table below.
struct SystemPickerView: View {
    let picker: SystemPicker

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        let inner = overlayBox(&buffer, rect, title: "Systems · \(picker.chosen.count) of \(picker.items.count) shown · the first is the baseline")
        let listHeight = max(1, inner.height - 4)
        let order = picker.choice
        for line in 0 ..< listHeight {
            let index = picker.top + line
            guard index < picker.items.count else { break }
            let system = picker.items[index]
            let position = order.firstIndex(of: system).map { String($0 + 1) } ?? ""
            let text = (picker.chosen.contains(system) ? "[x] " : "[ ] ") + DisplayWidth.pad(position, to: 3, alignRight: true) + "  " + system
                + (order.first == system ? "  (baseline)" : "")
            let style = index == picker.cursor ? Theme.selected : picker.chosen.contains(system) ? Style(attributes: [.bold]) : Theme.dim
            buffer.write(DisplayWidth.pad(text, to: inner.width), x: inner.x, y: inner.y + line, style: style, maxWidth: inner.width)
        }
        if let error = picker.error {
            buffer.write(error, x: inner.x, y: inner.y + inner.height - 3, style: Theme.error, maxWidth: inner.width)
        }
        drawKeyHints(PickerKeymap.picker.helpLines, in: Rect(x: inner.x, y: inner.y + inner.height - 2, width: inner.width, height: 2), &buffer)
    }
}
