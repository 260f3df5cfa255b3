import ErrataCore
import Foundation
import TerminalUI

/// A cleared box with a title; returns the area inside it (one column of padding).
func overlayBox(_ buffer: inout ScreenBuffer, _ rect: Rect, title: String) -> Rect {
    buffer.fill(rect)
    buffer.drawBox(rect, style: Theme.focusedBorder, title: title)
    return Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
}

/// The help overlay, drawn from the keymap: every command with its keys.
func drawHelp(_ layout: Layout, _ buffer: inout ScreenBuffer, keymap: Keymap) {
    let inner = overlayBox(&buffer, layout.body, title: "Help · any key closes")
    drawKeyLines(keymap.helpLines, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: max(1, inner.height - 3)), &buffer)
    let commandsLine = (LineCommand.all.map(\.usage) + [":N (row)"]).joined(separator: "  ")
    let example = "e.g. :slice length(input) > 20 and genre == \"horror\"  (language: docs/slices.md)"
    buffer.write(DisplayWidth.truncate(commandsLine, to: inner.width), x: inner.x, y: inner.y + inner.height - 2, style: Theme.key)
    buffer.write(DisplayWidth.truncate(example, to: inner.width), x: inner.x, y: inner.y + inner.height - 1, style: Theme.dim)
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

/// One instance in full: inputs, label, outputs (a word diff against the reference for
/// generation), per-instance metrics and metadata. ↑/↓ step through instances.
func drawDetail(_ state: AppState, row index: Int, _ buffer: inout ScreenBuffer) {
    guard index < state.rows.count else { return }
    let row = state.rows[index]
    let dataset = state.analysis.dataset
    let body = Layout(width: buffer.width, height: buffer.height).body
    let inner = overlayBox(&buffer, body, title: "Instance \(dataset.ids[row]) · \(index + 1) of \(state.rows.count) · j/k next/previous · Esc closes")
    var y = inner.y
    func line(_ label: String, _ text: String, style: Style = Style()) {
        guard y < inner.y + inner.height else { return }
        buffer.write(label, x: inner.x, y: y, style: Theme.header, maxWidth: inner.width)
        y += 1
        y += StyledText(text, style: style).draw(in: Rect(x: inner.x + 2, y: y, width: inner.width - 2, height: inner.y + inner.height - y), into: &buffer)
    }
    for input in dataset.inputs { line(input.name, input.displayValue(row)) }
    let reference = dataset.label?.displayValue(row)
    if let label = dataset.label { line(label.name, label.displayValue(row)) }
    // Before the outputs, which can fill the overlay: the tags are what is being worked on.
    if let tags = state.tagging.tagsByInstance[dataset.ids[row]], !tags.isEmpty {
        line("tags (t edits yours)", tagLines(tags), style: Theme.key)
    }
    for system in dataset.systems where state.systems.contains(system.name) || dataset.systems.count <= 4 {
        let score = (try? state.analysis.instanceScores(metric: state.metric, system: system.name))?[row]
        let heading = system.name + (score.map { $0.isNaN ? "" : " · \(state.metric) \(formatMetric($0))" } ?? "")
        guard system.hasOutput(row) else { line(heading, "(no output)", style: Theme.dim); continue }
        if dataset.task == .generation, let reference {
            guard y < inner.y + inner.height else { break }
            buffer.write(heading, x: inner.x, y: y, style: Theme.header, maxWidth: inner.width)
            y += 1
            y = drawDiff(WordDiff.diff(output: system.output[row], reference: reference), in: Rect(x: inner.x + 2, y: y, width: inner.width - 2, height: inner.y + inner.height - y), &buffer)
        } else {
            line(heading, system.output[row])
        }
    }
    if !dataset.metadata.isEmpty {
        line("metadata", dataset.metadata.map { "\($0.name): \($0.displayValue(row))" }.joined(separator: " · "), style: Theme.info)
    }
}

/// Words in order: unchanged plain, inserted underlined green, deleted (reference only) dim
/// red; wrapped to `rect` and returns the row after the last one used.
private func drawDiff(_ parts: [WordDiff.Part], in rect: Rect, _ buffer: inout ScreenBuffer) -> Int {
    var text = StyledText()
    for (index, part) in parts.enumerated() {
        if index > 0 { text.append(" ") }
        switch part {
        case .same(let word): text.append(word)
        case .inserted(let word): text.append(word, style: Theme.inserted)
        case .deleted(let word): text.append("[-" + word + "]", style: Theme.deleted)
        }
    }
    return rect.y + text.draw(in: rect, into: &buffer)
}

/// Slices × systems against the baseline: values, delta with its interval, Holm-adjusted p,
/// significance marks, and a bar per system drawn with block characters. Columns that do not
/// fit are dropped from the right (the bars first).
func drawCompare(_ state: AppState, _ buffer: inout ScreenBuffer) {
    let body = Layout(width: buffer.width, height: buffer.height).body
    let inner = overlayBox(&buffer, body, title: "Compare · \(state.metric) · baseline \(state.systems.first ?? "") · j/k scroll · Esc closes")
    guard let comparison = state.comparison else {
        buffer.write(state.job(.compare)?.label ?? "computing…", x: inner.x, y: inner.y, style: Theme.info, maxWidth: inner.width)
        return
    }
    let systemWidth = min(18, max(6, state.systems.map { DisplayWidth.of($0) }.max() ?? 6))
    var table = ColumnLayout(width: inner.width)
    let slice = table.add(flexible: 12, maximum: 34)
    let count = table.add(fixed: 6)
    let system = table.add(fixed: systemWidth)
    let value = table.add(fixed: 7)
    let delta = table.add(fixed: 8)
    let p = table.add(fixed: 8)
    let interval = table.add(fixed: 19)
    let bar = table.add(flexible: 6, maximum: 40)
    table.resolve()
    func put(_ text: String, _ column: Int, _ y: Int, _ style: Style = Style(), right: Bool = false) {
        guard let (x, width) = table.frame(column) else { return }
        buffer.write(DisplayWidth.pad(text, to: width, alignRight: right), x: inner.x + x, y: y, style: style, maxWidth: width)
    }
    put("slice", slice, inner.y, Theme.header)
    put("n", count, inner.y, Theme.header, right: true)
    put("system", system, inner.y, Theme.header)
    put("value", value, inner.y, Theme.header, right: true)
    put("delta", delta, inner.y, Theme.header, right: true)
    put("p (Holm)", p, inner.y, Theme.header, right: true)
    put("95% CI of delta", interval, inner.y, Theme.header)
    let maxValue = comparison.rows.flatMap { [$0.value, $0.baselineValue] }.compactMap { $0 }.max() ?? 1
    var y = inner.y + 1
    var lastSlice = ""
    var sliceIndex = -1
    for row in comparison.rows {
        if row.slice != lastSlice { sliceIndex += 1 }
        if sliceIndex < state.compareTop { lastSlice = row.slice; continue }
        if row.slice != lastSlice {
            guard y < inner.y + inner.height - 2 else { break }
            lastSlice = row.slice
            put(row.slice, slice, y)
            put(String(row.count), count, y, right: true)
            put(row.baseline, system, y, Theme.dim)
            put(formatMetric(row.baselineValue), value, y, Theme.dim, right: true)
            if let frame = table.frame(bar) { drawBar(row.baselineValue, max: maxValue, x: inner.x + frame.x, y: y, width: frame.width, style: Theme.dim, &buffer) }
            y += 1
        }
        guard y < inner.y + inner.height - 1 else { break }
        let style = row.better == nil ? Style() : (row.better == row.system ? Theme.better : Theme.worse)
        let mark = row.better == nil ? "" : (row.better == row.system ? " ▲" : " ▼")
        put(row.system + mark, system, y, style)
        put(formatMetric(row.value), value, y, right: true)
        put(row.delta.map { ($0 > 0 ? "+" : "") + formatMetric($0) } ?? "—", delta, y, style, right: true)
        put(row.pAdjusted.map { (row.pIsUpperBound ? "<" : "") + ($0 < 0.0001 ? String(format: "%.0e", $0) : String(format: "%.4f", $0)) } ?? "—", p, y, right: true)
        put(row.deltaLow.map { "[\(formatMetric($0)), \(formatMetric(row.deltaHigh))]" } ?? "—", interval, y)
        if let frame = table.frame(bar) { drawBar(row.value, max: maxValue, x: inner.x + frame.x, y: y, width: frame.width, style: Theme.bar, &buffer) }
        y += 1
    }
    buffer.write("▲ better / ▼ worse than the baseline at Holm-adjusted p < 0.05 (\(comparison.testsDescription))", x: inner.x, y: inner.y + inner.height - 1, style: Theme.dim, maxWidth: inner.width)
}

private func drawBar(_ value: Double?, max: Double, x: Int, y: Int, width: Int, style: Style, _ buffer: inout ScreenBuffer) {
    guard let value, max > 0, value > 0 else { return }
    let eighths = Int((value / max * Double(width * 8)).rounded())
    let blocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    buffer.write(String(repeating: "█", count: eighths / 8) + blocks[eighths % 8], x: x, y: y, style: style, maxWidth: width)
}
