import Foundation
import ErrataCore
import TerminalUI

/// Draws the whole screen for `state` into `buffer` (sized to the terminal).
public func render(_ state: AppState, into buffer: inout ScreenBuffer, keymap: Keymap = .standard) {
    buffer.fill(Rect(x: 0, y: 0, width: buffer.width, height: buffer.height))
    let layout = Layout(width: buffer.width, height: buffer.height)
    if layout.tooSmall {
        drawTooSmall(&buffer)
        return
    }
    drawTitle(state, layout.title, &buffer)
    if layout.sidebar.width > 0 { drawSidebar(state, layout.sidebar, &buffer) }
    drawTable(state, layout.table, &buffer)
    drawStatus(state, layout.status, &buffer)
    drawHints(state, layout.hints, &buffer, keymap: keymap)
    overlayView(state, keymap: keymap)?.draw(in: layout.body, into: &buffer)
    if let palette = state.tagging.palette { drawPalette(state, palette, &buffer) }
}

private func drawTooSmall(_ buffer: inout ScreenBuffer) {
    let lines = ["errata needs at least \(Layout.minimumWidth)×\(Layout.minimumHeight)", "this terminal is \(buffer.width)×\(buffer.height)", "enlarge it, or q to quit"]
    for (i, line) in lines.enumerated() where i < buffer.height {
        let x = max(0, (buffer.width - DisplayWidth.of(line)) / 2)
        buffer.write(line, x: x, y: max(0, buffer.height / 2 - 1) + i, style: i == 0 ? Theme.error : Theme.info, maxWidth: buffer.width)
    }
}

private func drawTitle(_ state: AppState, _ rect: Rect, _ buffer: inout ScreenBuffer) {
    buffer.fill(rect, style: Theme.title)
    let dataset = state.analysis.dataset
    let left = " errata · \(dataset.name) · \(dataset.count) instances · \(dataset.task.rawValue)"
    let right = "metric: \(state.metric) · systems: \(state.systems.isEmpty ? "none" : state.systems.joined(separator: ", ")) "
    buffer.write(left, x: 0, y: rect.y, style: Theme.title, maxWidth: rect.width)
    let rightWidth = DisplayWidth.of(right)
    if DisplayWidth.of(left) + rightWidth + 2 <= rect.width {
        buffer.write(right, x: rect.width - rightWidth, y: rect.y, style: Theme.title)
    }
}

private func drawSidebar(_ state: AppState, _ rect: Rect, _ buffer: inout ScreenBuffer) {
    let focused = state.focus == .sidebar
    buffer.drawBox(rect, style: focused ? Theme.focusedBorder : Theme.border, title: "Slices")
    let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
    // Each grouping is a histogram: its bars are counts relative to its largest value.
    var groupMaximum = [Int](repeating: 0, count: state.sidebar.count)
    var blockStart = 0
    for i in 0 ... state.sidebar.count where i == state.sidebar.count || state.sidebar[i].kind != .group {
        let peak = state.sidebar[blockStart ..< i].map(\.count).max() ?? 0
        for j in blockStart ..< i { groupMaximum[j] = peak }
        blockStart = i + 1
    }
    // Bars only where labels still have room.
    let barWidth = inner.width >= 30 ? 4 : 0
    for line in 0 ..< inner.height {
        let index = state.sidebarTop + line
        guard index < state.sidebar.count else { break }
        let entry = state.sidebar[index]
        let y = inner.y + line
        let isCursor = index == state.sidebarCursor
        let isActive = entry.kind != .header && entry.filter == state.filter
        var style = entry.kind == .header ? Theme.groupHeader : Style()
        if isActive { style.attributes.insert(.bold) }
        if isCursor && focused { style = Theme.selected }
        if isCursor && focused { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style) }
        let marker = isActive ? "▸" : " "
        let indent = entry.kind == .group ? "  " : ""
        if entry.kind == .header {
            buffer.write(entry.label, x: inner.x, y: y, style: style, maxWidth: inner.width)
            continue
        }
        let numbers = "\(entry.count)" + (state.systems.isEmpty ? "" : " " + formatMetric(entry.value))
        let numbersWidth = DisplayWidth.of(numbers)
        let labelWidth = max(1, inner.width - numbersWidth - barWidth - (barWidth > 0 ? 2 : 1))
        buffer.write(marker + indent + entry.label, x: inner.x, y: y, style: style, maxWidth: labelWidth)
        buffer.write(numbers, x: inner.x + inner.width - barWidth - (barWidth > 0 ? 1 : 0) - numbersWidth, y: y, style: style)
        if entry.kind == .group, groupMaximum[index] > 0, barWidth > 0 {
            let filled = max(1, Int((Double(entry.count) / Double(groupMaximum[index]) * Double(barWidth)).rounded()))
            buffer.write(String(repeating: "█", count: max(0, min(barWidth, filled))), x: inner.x + inner.width - barWidth, y: y,
                         style: isCursor && focused ? style : Theme.bar)
        }
    }
}

/// A metric value with four significant decimals on either scale (0.8123, 57.72); "—" when
/// undefined (an empty slice), never 0.
func formatMetric(_ value: Double?) -> String {
    guard let value, !value.isNaN else { return "—" }
    return abs(value) < 10 ? String(format: "%.3f", value) : String(format: "%.2f", value)
}

private func drawStatus(_ state: AppState, _ rect: Rect, _ buffer: inout ScreenBuffer) {
    if let message = state.message {
        buffer.write(" " + message.text, x: 0, y: rect.y, style: message.isError ? Theme.error : Theme.info, maxWidth: rect.width)
        return
    }
    var parts: [String] = []
    if state.rows.isEmpty {
        parts.append("no instances")
    } else {
        parts.append("row \(state.tableCursor + 1) of \(state.rows.count)")
    }
    if let filter = state.filter { parts.append("filter: \(filter)") }
    if let sort = state.sort {
        let labelName = state.analysis.dataset.label?.name ?? "label"
        parts.append("sorted by \(sort.column.title(metric: state.metric, labelName: labelName)) \(sort.descending ? "↓" : "↑")")
    }
    if let queue = state.tagging.queue, let progress = state.tagging.progress { parts.append("\(queue.name): \(progress)") }
    if state.tagging.saving > 0 { parts.append("saving…") }
    if !state.jobs.isEmpty {
        let jobs = state.jobs.map { job in job.label + (job.progress.map { String(format: " %.0f%%", $0 * 100) } ?? "") }
        parts.append(jobs.joined(separator: ", ") + " (Esc cancels)")
    }
    buffer.write(" " + parts.joined(separator: " · "), x: 0, y: rect.y, style: Theme.info, maxWidth: rect.width)
}

private func drawHints(_ state: AppState, _ rect: Rect, _ buffer: inout ScreenBuffer, keymap: Keymap) {
    if let input = state.input {
        let prompt = buffer.write(input.kind == .command ? ":" : "/", x: 0, y: rect.y, maxWidth: rect.width)
        input.field.draw(x: prompt, y: rect.y, width: rect.width - prompt, into: &buffer, cursorStyle: Theme.selected)
        return
    }
    var x = 1
    for command in Keymap.hinted {
        guard let key = keymap.labels(for: command).first else { continue }
        let width = DisplayWidth.of(key) + 1 + DisplayWidth.of(command.hint) + 2
        if x + width > rect.width { break }
        x += buffer.write(key, x: x, y: rect.y, style: Theme.key)
        x += buffer.write(" " + command.hint + "  ", x: x, y: rect.y, style: Theme.dim)
    }
}

/// The view of the overlay on screen, if any.
private func overlayView(_ state: AppState, keymap: Keymap) -> (any View)? {
    switch state.overlay {
    case .help(let context, _)?: HelpView(context: context, keymap: keymap)
    case .detail(let detail)?: DetailView(state: state, detail: detail)
    case .compare(let compare)?: CompareView(state: state, compare: compare)
    case .systems(let picker)?: SystemPickerView(picker: picker)
    case .tallies(let tallies)?: TalliesView(tallies: tallies)
    case .metaEvaluation(let view)?: MetaEvaluationView(state: view, job: state.job(.metaEvaluate)?.label)
    case .explain(let explain)?: HeatView(explain: explain, colors: state.colors)
    case .attention(let attention)?: AttentionView(attention: attention, colors: state.colors)
    case .whatIf(let whatIf)?: WhatIfView(whatIf: whatIf, classes: state.explainable[whatIf.system]?.classes ?? [])
    case nil: nil
    }
}
