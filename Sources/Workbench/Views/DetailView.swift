import ErrataCore
import Foundation
import TerminalUI
import Typology

/// One instance in full: inputs, label, tags, every system's output with its metric value
/// and annotated spans, per-instance metadata (see `DetailLayout`), scrolled to keep the
/// cursor in view; below them the key to the span colours and a status line for the cursor.
struct DetailView: View {
    let state: AppState
    let detail: DetailState

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        guard detail.row < state.rows.count else { return }
        let dataset = state.analysis.dataset
        let inner = overlayBox(&buffer, rect, title: "Instance \(dataset.ids[state.rows[detail.row]]) · \(detail.row + 1) of \(state.rows.count) · j/k instance · Tab output · v mark · t tag · o annotators · ? keys")
        guard inner.height > 0, inner.width > 0 else { return }
        let footer = inner.height >= 6 ? 2 : 0
        let body = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - footer)
        let layout = DetailLayout(state: state, detail: detail, width: body.width)
        let top = layout.top(from: detail.top, height: body.height, followingCursor: !detail.scrolled)
        for (offset, line) in layout.lines.dropFirst(top).prefix(body.height).enumerated() {
            line.text.drawLine(x: body.x + line.indent, y: body.y + offset, maxWidth: body.width - line.indent, into: &buffer)
        }
        guard footer > 0 else { return }
        var legend = StyledText("spans: \(detail.annotator ?? "all") (o) ", style: Theme.dim)
        legend.append(SpanPalette(colors: state.colors).legend)
        legend.drawLine(x: inner.x, y: body.maxY, maxWidth: inner.width, into: &buffer)
        buffer.write(detailStatus(state, detail), x: inner.x, y: body.maxY + 1, style: Theme.key, maxWidth: inner.width)
    }
}

/// The status line of the instance view: the span being marked, else the spans under the
/// cursor with their annotator, category and severity, else where the cursor is.
func detailStatus(_ state: AppState, _ detail: DetailState) -> String {
    let dataset = state.analysis.dataset
    guard detail.row < state.rows.count, let name = detail.focusedSystem(state), let system = dataset.system(named: name) else { return "" }
    let row = state.rows[detail.row]
    let output = OutputCursor(system.hasOutput(row) ? system.output[row] : "")
    guard output.count > 0 else { return "\(name): no output to mark spans in" }
    let cursor = output.clamped(detail.cursor)
    if let selection = detail.selection.map(output.clipped) {
        return "marking \(spanLabel(selection)) of \(name): “\(output.text(of: selection))” · t tags it · Esc stops"
    }
    let under = shownSpans(state, detail, instance: dataset.ids[row], system: name).filter { $0.span!.start <= cursor && cursor < $0.span!.end }
    guard !under.isEmpty else {
        return "\(name) · character \(cursor + 1) of \(output.count) · v marks a span · t tags the output"
    }
    return under.map { tag in
        "\(tag.annotator): \(tag.categories.map(\.description).joined(separator: ", "))" + (tag.severity.map { " (\($0))" } ?? "")
            + " \(spanLabel(tag.span!))"
    }.joined(separator: " · ")
}
