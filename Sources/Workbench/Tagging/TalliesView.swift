import ErrataCore
import Foundation
import TerminalUI
import Typology

/// One line of the tallies overlay: a slice and system's heading, or a category's row.
enum TalliesLine: Equatable {
    case heading(String)
    case row(Tallies.Row)
}

/// `T`: the tallies of the current filter and of each sidebar grouping within it, from every
/// annotator's tags (see `Tallies` for what is counted), computed by a job; the overlay opens
/// when they are in.
func computeTallies(_ state: inout AppState) -> [Effect] {
    let request = TalliesRequest(filter: state.filter, groupings: state.groupings, tags: state.tagging.tags.map(\.tag),
                                 typology: state.tagging.typology)
    return state.start(.tallies(request), label: "counting tags per slice…")
}

/// The overlay's lines: per slice and system a heading, then the categories it has tags of.
func talliesLines(_ tallies: Tallies?) -> [TalliesLine] {
    var lines: [TalliesLine] = []
    var current: (String, String?)?
    for row in tallies?.rows ?? [] where row.count > 0 {
        if current == nil || current! != (row.slice, row.system) {
            current = (row.slice, row.system)
            lines.append(.heading("\(row.slice) · \(row.system ?? "no system") · \(row.tagged) tagged of \(row.sliceSize)"))
        }
        lines.append(.row(row))
    }
    return lines
}

/// Counts, proportions with their Wilson intervals, and the counts they extrapolate to in
/// the whole slice; categories no tag names are left out.
struct TalliesView: View {
    let tallies: TalliesState

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
    let inner = overlayBox(&buffer, rect, title: "Tallies · 95% Wilson intervals · j/k scroll · Esc closes")
    guard inner.height > 1 else { return }
    let lines = talliesLines(tallies.tallies)
    guard !lines.isEmpty else {
        buffer.write("no tags here yet: t tags the instance under the cursor", x: inner.x, y: inner.y, style: Theme.dim, maxWidth: inner.width)
        return
    }
    var table = ColumnLayout(width: inner.width - 2)
    let category = table.add(flexible: 12, maximum: 36, priority: 1)
    let count = table.add(fixed: 4)
    let share = table.add(fixed: 6)
    // The count in the slice before the share's interval: on a narrow screen the interval,
    // which the estimate's bounds repeat at scale, is what goes.
    let estimate = table.add(flexible: 18, maximum: 22)
    let interval = table.add(fixed: 13)
    table.resolve()
    func put(_ text: String, _ column: Int, _ y: Int, _ style: Style = Style(), right: Bool = false) {
        guard let (x, width) = table.frame(column) else { return }
        buffer.write(DisplayWidth.pad(text, to: width, alignRight: right), x: inner.x + 2 + x, y: y, style: style, maxWidth: width)
    }
    put("category", category, inner.y, Theme.header)
    put("n", count, inner.y, Theme.header, right: true)
    put("share", share, inner.y, Theme.header, right: true)
    put("95% CI", interval, inner.y, Theme.header)
    put("in the slice", estimate, inner.y, Theme.header)
    let footer = !tallies.tallies.unknownInstances.isEmpty ? 1 : 0
    for (offset, line) in lines.dropFirst(tallies.top).prefix(max(0, inner.height - 1 - footer)).enumerated() {
        let y = inner.y + 1 + offset
        switch line {
        case .heading(let text):
            buffer.write(text, x: inner.x, y: y, style: Theme.groupHeader, maxWidth: inner.width)
        case .row(let row):
            put(row.category, category, y)
            put(String(row.count), count, y, right: true)
            put(percent(row.proportion), share, y, right: true)
            put("[\(percent(row.ciLow))–\(percent(row.ciHigh))]", interval, y, Theme.dim)
            // The estimate only with its interval: when both do not fit, neither is drawn.
            let extrapolation = row.extrapolation
            put(DisplayWidth.of(extrapolation) <= (table.frame(estimate)?.width ?? 0) ? extrapolation : "", estimate, y)
        }
    }
    if !tallies.tallies.unknownInstances.isEmpty {
        let unknown = tallies.tallies.unknownInstances
        buffer.write("\(unknown.count) tagged instances are not in this dataset (\(unknown.prefix(3).joined(separator: ", "))…)",
                     x: inner.x, y: inner.y + inner.height - 1, style: Theme.error, maxWidth: inner.width)
    }
}
}

private func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }

