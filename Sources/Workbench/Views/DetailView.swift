import ErrataCore
import Foundation
import TerminalUI

/// One instance in full: inputs, label, outputs (a word diff against the reference for
/// generation), per-instance metrics and metadata. ↑/↓ step through instances.
struct DetailView: View {
    let state: AppState
    let detail: DetailState

    /// Draws the instance into a scratch buffer tall enough for the lines scrolled past, then
    /// copies the visible part: the drawing code stays a simple top-to-bottom pass.
    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        guard detail.row < state.rows.count else { return }
        let dataset = state.analysis.dataset
        let row = state.rows[detail.row]
        let inner = overlayBox(&buffer, rect, title: "Instance \(dataset.ids[row]) · \(detail.row + 1) of \(state.rows.count) · j/k next/previous · a explain · e what-if · ? keys")
        let top = min(detail.top, 2_000)
        var scratch = ScreenBuffer(width: inner.width, height: inner.height + top)
        drawLines(row: row, into: &scratch)
        for y in 0 ..< inner.height {
            for x in 0 ..< inner.width { buffer[inner.x + x, inner.y + y] = scratch[x, y + top] }
        }
    }

    private func drawLines(row: Int, into buffer: inout ScreenBuffer) {
    let dataset = state.analysis.dataset
    let inner = Rect(x: 0, y: 0, width: buffer.width, height: buffer.height)
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

