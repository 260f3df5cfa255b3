import ErrataCore
import Foundation
import TerminalUI

/// `:metaeval`: how well the automatic metrics agree with the human score (MQM) on the
/// table's filter and each sidebar grouping, at system and segment level, the same figures
/// as `errata metaeval`.
public struct MetaEvaluationState: Sendable, Equatable {
    public var request: MetaEvaluationRequest
    /// Nil while the job runs.
    public var result: MetaEvaluation?
    /// The first row shown (the table scrolls).
    public var top = 0
}

/// What a meta-evaluation job computes: every value it needs, so `update` stays pure.
public struct MetaEvaluationRequest: Sendable, Equatable {
    public var filter: String?
    public var groupings: [String]
    public var tags: InstanceTags
    public var human: String
    public var metrics: [String]
}

/// `:metaeval [METRIC,...]`: starts the job, or says why it cannot run here.
func startMetaEvaluation(_ state: inout AppState, _ argument: String) -> [Effect] {
    let dataset = state.analysis.dataset
    let names = state.analysis.metricNames
    guard let human = MetaEvaluationRequest.humanScore(in: dataset, metricNames: names) else {
        state.message = .init(text: "metaeval needs a human score such as MQM's mqm: this dataset has none", isError: true)
        return []
    }
    let metrics = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    let chosen = metrics.isEmpty ? ["chrf", "bleu", "ter"].filter(names.contains) : metrics
    if let unknown = chosen.first(where: { !names.contains($0) || $0 == human }) {
        state.message = .init(text: "'\(unknown)' is not an automatic metric here (metrics: \(names.filter { $0 != human }.joined(separator: ", ")))", isError: true)
        return []
    }
    let request = MetaEvaluationRequest(filter: state.filter, groupings: state.groupings, tags: state.sliceAnnotations, human: human, metrics: chosen)
    state.overlay = .metaEvaluation(MetaEvaluationState(request: request))
    return state.start(.metaEvaluate(request), label: "correlating \(chosen.joined(separator: ", ")) with \(human)…")
}

extension MetaEvaluationRequest {
    /// The human score to correlate with: MQM where the dataset has it.
    static func humanScore(in dataset: Dataset, metricNames: [String]) -> String? {
        metricNames.contains("mqm") && dataset.lowerIsBetter.contains("mqm") ? "mqm" : nil
    }
}

/// The table: a line per slice, metric and level, undefined values as "—", the method in the
/// last line.
struct MetaEvaluationView: View {
    let state: MetaEvaluationState
    let job: String?

    static let columns = ["slice", "metric", "level", "n", "pearson", "kendall", "by item"]

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        let inner = overlayBox(&buffer, rect, title: "Metrics against \(state.request.human) · j/k scroll · Esc back")
        guard let result = state.result else {
            buffer.write(job ?? "computing…", x: inner.x, y: inner.y, style: Theme.info, maxWidth: inner.width)
            return
        }
        let cells = result.rows.map { row in
            [row.slice, row.metric, row.level.rawValue, String(row.count), Self.figure(row.pearson), Self.figure(row.kendall), Self.figure(row.kendallByItem)]
        }
        let numbers = 4 ... 6
        var widths = Self.columns.indices.map { c in max(DisplayWidth.of(Self.columns[c]), cells.map { DisplayWidth.of($0[c]) }.max() ?? 0) }
        // The slice column takes what the others leave.
        widths[0] = max(8, min(widths[0], inner.width - widths.dropFirst().reduce(0, +) - 2 * (widths.count - 1)))
        func line(_ values: [String], y: Int, style: Style) {
            var x = inner.x
            for (c, value) in values.enumerated() where x < inner.maxX {
                let text = c == 3 || numbers.contains(c) ? DisplayWidth.pad(value, to: widths[c], alignRight: true) : DisplayWidth.pad(DisplayWidth.truncate(value, to: widths[c]), to: widths[c])
                buffer.write(text, x: x, y: y, style: style, maxWidth: inner.maxX - x)
                x += widths[c] + 2
            }
        }
        line(Self.columns, y: inner.y, style: Theme.header)
        let visible = max(0, inner.height - 3)
        for (offset, values) in cells.dropFirst(state.top).prefix(visible).enumerated() {
            line(values, y: inner.y + 1 + offset, style: Style())
        }
        let note = "over \(result.systems.count) systems; scores oriented so agreement is positive; system: Pearson, tau-b of system scores; "
            + "segment: over (segment, system) pairs, and by item: tau-b across systems within a segment, averaged"
        StyledText(note, style: Theme.dim).draw(in: Rect(x: inner.x, y: inner.maxY - 2, width: inner.width, height: 2), into: &buffer)
    }

    static func figure(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "—" }
}
