import ErrataCore
import TerminalUI

/// The instance table: a header line, then one line per instance of the current slice.
///
/// The id, tags and input columns stay at the left; the rest (label, outputs, scores,
/// difference) scroll sideways from `tableColumnLeft`, and the title says which are shown.
func drawTable(_ state: AppState, _ rect: Rect, _ buffer: inout ScreenBuffer) {
    let focused = state.focus == .table
    let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
    let frozen = TableColumn.frozen(for: state), scrollable = TableColumn.scrollable(for: state)
    let left = min(state.tableColumnLeft, max(0, scrollable.count - 1))
    let columns = frozen + scrollable.dropFirst(left)
    let labelName = state.analysis.dataset.label?.name ?? "label"
    let layout = columnLayout(columns, state: state, width: max(0, inner.width), labelName: labelName)
    let shown = columns.indices.dropFirst(frozen.count).count { layout.frame($0) != nil }
    var title = state.filter.map { "Instances · \($0)" } ?? "Instances"
    if shown < scrollable.count, !scrollable.isEmpty {
        title += " · columns \(left + 1)–\(left + max(1, shown)) of \(scrollable.count)"
    }
    buffer.drawBox(rect, style: focused ? Theme.focusedBorder : Theme.border, title: title)
    guard inner.width > 4, inner.height > 1 else { return }
    for (k, column) in columns.enumerated() {
        var title = column.title(metric: state.metric, labelName: labelName)
        if state.sort?.column == column { title += state.sort!.descending ? " ↓" : " ↑" }
        layout.write(title, column: k, x: inner.x, y: inner.y, style: Theme.header, alignRight: column.isNumeric, into: &buffer)
    }
    if state.rows.isEmpty {
        buffer.write("no instances match", x: inner.x, y: inner.y + 1, style: Theme.dim, maxWidth: inner.width)
        return
    }
    let scores = columns.map { column in cachedScores(column, state: state) }
    for line in 0 ..< inner.height - 1 {
        let index = state.tableTop + line
        guard index < state.rows.count else { break }
        let row = state.rows[index]
        let y = inner.y + 1 + line
        let isCursor = index == state.tableCursor
        let isMatch = state.search != nil && state.matches.contains(index)
        var style = Style()
        if isMatch { style.attributes.insert(.underline) }
        if isCursor { style = focused ? Theme.selected : Style(attributes: [.bold]) }
        if isCursor { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style) }
        for (k, column) in columns.enumerated() where layout.frame(k) != nil {
            let text = cellText(column, row: row, state: state, scores: scores[k])
            layout.write(text, column: k, x: inner.x, y: y, style: style, alignRight: column.isNumeric, into: &buffer)
        }
    }
}

/// Numbers and ids at their natural width; labels and outputs up to theirs (at most 40);
/// the input takes the rest. Natural widths are measured on the rows on screen.
private func columnLayout(_ columns: [TableColumn], state: AppState, width: Int, labelName: String) -> ColumnLayout {
    let visible = state.rows[min(state.tableTop, state.rows.count) ..< min(state.rows.count, state.tableTop + state.tablePageSize)]
    func natural(_ column: TableColumn) -> Int {
        let title = DisplayWidth.of(column.title(metric: state.metric, labelName: labelName)) + 2
        return visible.reduce(title) { max($0, DisplayWidth.of(cellText(column, row: $1, state: state, scores: nil))) }
    }
    var layout = ColumnLayout(width: width)
    for column in columns {
        switch column {
        case .score, .difference:
            _ = layout.add(fixed: min(18, max(8, DisplayWidth.of(column.title(metric: state.metric, labelName: labelName)))))
        case .id:
            _ = layout.add(fixed: min(18, natural(column)))
        case .tags:
            let n = natural(column)
            _ = layout.add(flexible: min(n, 6), maximum: min(n, 20))
        case .input:
            _ = layout.add(flexible: 12, maximum: max(12, natural(column)), priority: 1)
        case .label, .output:
            let n = natural(column)
            _ = layout.add(flexible: min(n, 10), maximum: min(n, 40))
        }
    }
    layout.resolve()
    return layout
}

/// Per-row numbers of a numeric column, read from the cached per-instance scores only for
/// the rows drawn (never a pass over the whole dataset per frame).
private func cachedScores(_ column: TableColumn, state: AppState) -> ((Int) -> Double)? {
    let analysis = state.analysis, metric = state.metric
    switch column {
    case .score(let system):
        guard let values = try? analysis.instanceScores(metric: metric, system: system) else { return nil }
        return { values[$0] }
    case .difference(let a, let b):
        guard let x = try? analysis.instanceScores(metric: metric, system: a),
              let y = try? analysis.instanceScores(metric: metric, system: b) else { return nil }
        return { y[$0] - x[$0] }
    default:
        return nil
    }
}

/// One cell's text, on one line (newlines and tabs shown as spaces).
private func cellText(_ column: TableColumn, row: Int, state: AppState, scores: ((Int) -> Double)?) -> String {
    let dataset = state.analysis.dataset
    let text: String
    switch column {
    case .id: text = dataset.ids[row]
    case .tags: text = tagSummary(state.tagging.tagsByInstance[dataset.ids[row]] ?? [])
    case .input(let name): text = dataset.column(named: name)?.displayValue(row) ?? ""
    case .label: text = dataset.label?.displayValue(row) ?? ""
    case .output(let system):
        guard let outputs = dataset.system(named: system) else { return "" }
        text = outputs.hasOutput(row) ? outputs.output[row] : "—"
    case .score, .difference:
        guard let value = scores?(row), !value.isNaN else { return "" }
        if case .difference = column { return (value > 0 ? "+" : "") + formatMetric(value) }
        return formatMetric(value)
    }
    // A cell shows a line's worth at most: a 50 MB cell costs no more per frame than a short one.
    return String(text.prefix(1_000).map { $0 == "\n" || $0 == "\t" || $0 == "\r" ? " " : $0 })
}

/// The sort order of `rows` by `sort`: text columns by code points, numbers with missing last.
public func sortedRows(_ rows: [Int], by sort: AppState.Sort, analysis: Analysis, metric: String) -> [Int] {
    let dataset = analysis.dataset
    func numbers(_ values: [Double]) -> [Int] {
        rows.sorted { a, b in
            let x = values[a], y = values[b]
            if x.isNaN != y.isNaN { return !x.isNaN }
            if x == y { return a < b }
            return sort.descending ? x > y : x < y
        }
    }
    func strings(_ value: (Int) -> String) -> [Int] {
        let keys = Dictionary(uniqueKeysWithValues: rows.map { ($0, value($0)) })
        return rows.sorted { a, b in
            let x = keys[a]!, y = keys[b]!
            if x == y { return a < b }
            return sort.descending ? x > y : x < y
        }
    }
    switch sort.column {
    case .tags: return rows  // not sortable (`isSortable`)
    case .id: return strings { dataset.ids[$0] }
    case .input(let name): return strings { dataset.column(named: name)?.displayValue($0) ?? "" }
    case .label: return strings { dataset.label?.displayValue($0) ?? "" }
    case .output(let system): return strings { dataset.system(named: system)?.output[$0] ?? "" }
    case .score(let system):
        guard let values = try? analysis.instanceScores(metric: metric, system: system) else { return rows }
        return numbers(values)
    case .difference(let a, let b):
        guard let x = try? analysis.instanceScores(metric: metric, system: a),
              let y = try? analysis.instanceScores(metric: metric, system: b) else { return rows }
        return numbers(zip(y, x).map { $0 - $1 })
    }
}
