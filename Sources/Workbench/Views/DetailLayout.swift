import ErrataCore
import TerminalUI
import Typology

/// The instance view's lines at a width, top to bottom: inputs, label, tags, every system's
/// output (the shown systems first) with its metric value, metadata. The view draws them;
/// `update` asks where the cursor is, so that moving it scrolls the view to it.
///
/// Outputs with spans to show, and the focused one, are drawn as they are with the spans
/// highlighted (`SpanPalette`); the others of a generation task as a word diff against the
/// reference.
struct DetailLayout {
    struct Line {
        var indent: Int
        var text: StyledText
    }

    /// At most this many lines (a very long instance is cut, not laid out whole).
    static let maximumLines = 2_000

    private(set) var lines: [Line] = []
    /// The line of the focused output's cursor (or its heading when the output is empty).
    private(set) var cursorLine = 0

    /// `scores`: the headings' metric values; `update`, which asks only where lines are, goes
    /// without them (a heading is one line either way).
    init(state: AppState, detail: DetailState, width: Int, scores: Bool = true) {
        guard detail.row < state.rows.count, width > 2 else { return }
        let dataset = state.analysis.dataset
        let row = state.rows[detail.row]
        let id = dataset.ids[row]
        let palette = SpanPalette(colors: state.colors)
        for input in dataset.inputs { block(input.name, StyledText(input.displayValue(row)), width) }
        let reference = dataset.label?.displayValue(row)
        if let label = dataset.label { block(label.name, StyledText(label.displayValue(row)), width) }
        // Before the outputs, which can be many: the tags are what is being worked on.
        if let tags = state.tagging.tagsByInstance[id], !tags.isEmpty {
            block("tags (t edits yours)", StyledText(tagLines(tags), style: Theme.key), width)
        }
        let focused = detail.focusedSystem(state)
        for name in detailSystems(state) {
            guard let system = dataset.system(named: name) else { continue }
            let isFocused = name == focused
            let marks = shownSpans(state, detail, instance: id, system: name).map { (span: $0.span!, level: SpanLevel($0.severity, typology: state.tagging.typology)) }
            var heading = (isFocused ? "▸ " : "") + name + (scores ? metricValues(state, system: name, row: row) : "")
            if !marks.isEmpty { heading += " · \(marks.count) span\(marks.count == 1 ? "" : "s")" }
            if isFocused { cursorLine = lines.count }
            guard system.hasOutput(row) else {
                block(heading, StyledText("(no output)", style: Theme.dim), width, headingStyle: isFocused ? Theme.selected : Theme.header)
                continue
            }
            let output = system.output[row]
            let text: StyledText
            if isFocused || !marks.isEmpty {
                let cursor = isFocused ? OutputCursor(output).clamped(detail.cursor) : nil
                text = palette.text(output, marks: marks, selection: isFocused ? detail.selection : nil,
                                    cursor: output.isEmpty ? nil : cursor)
            } else if dataset.task == .generation, let reference {
                text = diffText(WordDiff.diff(output: output, reference: reference))
            } else {
                text = StyledText(output)
            }
            let first = lines.count + 1
            block(heading, text, width, headingStyle: isFocused ? Theme.selected : Theme.header)
            if isFocused, first < lines.count, let at = lines[first...].firstIndex(where: { $0.text.runs.contains { $0.style == palette.cursor } }) {
                cursorLine = at
            }
        }
        if !dataset.metadata.isEmpty {
            block("metadata", StyledText(dataset.metadata.map { "\($0.name): \($0.displayValue(row))" }.joined(separator: " · "), style: Theme.info), width)
        }
    }

    /// A heading line and `text` wrapped below it, indented by two.
    private mutating func block(_ heading: String, _ text: StyledText, _ width: Int, headingStyle: Style = Theme.header) {
        guard lines.count < Self.maximumLines else { return }
        lines.append(Line(indent: 0, text: StyledText(heading, style: headingStyle)))
        for line in text.lines(width: width - 2, first: 0, count: Self.maximumLines - lines.count) {
            lines.append(Line(indent: 2, text: line))
        }
    }

    /// The first line to show in `height` rows: `top`, never past the end, and unless the
    /// view was scrolled away from the cursor, moved as little as needed to show it.
    func top(from top: Int, height: Int, followingCursor: Bool = true) -> Int {
        var top = min(top, max(0, lines.count - height))
        guard followingCursor else { return max(0, top) }
        if cursorLine < top { top = cursorLine }
        if cursorLine >= top + height { top = cursorLine - height + 1 }
        return max(0, top)
    }
}

/// Every system of the dataset, the ones shown in the table first, in their order.
func detailSystems(_ state: AppState) -> [String] {
    let all = state.analysis.dataset.systems.map(\.name)
    let shown = state.systems.filter(all.contains)
    return shown + all.filter { !shown.contains($0) }
}

/// The spans the view draws in an output: the store's and the experts' tags with a span, of
/// every annotator or of the one chosen (`o`).
func shownSpans(_ state: AppState, _ detail: DetailState, instance: String, system: String) -> [Tag] {
    state.tagging.spanTags(instance: instance, system: system).filter { detail.annotator == nil || $0.annotator == detail.annotator }
}

/// ` · chrf 68.32` for the metric shown, and ` · mqm 2.0` beside it where the dataset has
/// the MQM metric; one row's value, so that opening an instance never scores a whole system.
private func metricValues(_ state: AppState, system: String, row: Int) -> String {
    let metrics = [state.metric] + (state.metric != "mqm" && state.analysis.metricNames.contains("mqm") ? ["mqm"] : [])
    return metrics.compactMap { metric in
        instanceScore(state.analysis, metric: metric, system: system, row: row).map { " · \(metric) \(formatMetric($0))" }
    }.joined()
}

/// A text metric's sentence score computed for the one row; other metrics from the
/// analysis's per-instance scores (counts, cheap for every row).
private func instanceScore(_ analysis: Analysis, metric name: String, system: String, row: Int) -> Double? {
    let dataset = analysis.dataset
    guard let outputs = dataset.system(named: system), outputs.hasOutput(row), let metric = try? analysis.metric(named: name) else { return nil }
    let value: Double?
    if let text = metric as? any TextPairMetric {
        guard case .text(let references)? = dataset.label?.storage else { return nil }
        value = text.sentenceScore(hypothesis: outputs.output[row], references: [references[row]])
    } else {
        value = (try? analysis.instanceScores(metric: name, system: system))?[row]
    }
    return value.flatMap { $0.isNaN ? nil : $0 }
}

/// Words in order: unchanged plain, inserted underlined green, deleted (reference only) dim
/// red.
private func diffText(_ parts: [WordDiff.Part]) -> StyledText {
    var text = StyledText()
    for (index, part) in parts.enumerated() {
        if index > 0 { text.append(" ") }
        switch part {
        case .same(let word): text.append(word)
        case .inserted(let word): text.append(word, style: Theme.inserted)
        case .deleted(let word): text.append("[-" + word + "]", style: Theme.deleted)
        }
    }
    return text
}

extension DetailState {
    /// The focused output's system: the one chosen, else the first shown.
    func focusedSystem(_ state: AppState) -> String? {
        system ?? detailSystems(state).first
    }
}
