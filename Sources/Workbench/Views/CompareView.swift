import ErrataCore
import Foundation
import TerminalUI

/// Slices × systems against the baseline: values, delta with its interval, Holm-adjusted p,
/// significance marks, and a bar per system drawn with block characters. Columns that do not
/// fit are dropped from the right (the bars first).
struct CompareView: View {
    let state: AppState
    let compare: CompareState

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
    if compare.page == .ranking { return RankingView(state: state, compare: compare).draw(in: rect, into: &buffer) }
    let inner = overlayBox(&buffer, rect, title: "Compare · \(state.metric) · baseline \(state.systems.first ?? "") · Tab ranking · j/k scroll · Esc closes")
    guard let comparison = compare.comparison else {
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
        table.write(text, column: column, x: inner.x, y: y, style: style, alignRight: right, into: &buffer)
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
        if sliceIndex < compare.top { lastSlice = row.slice; continue }
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
}

func drawBar(_ value: Double?, max: Double, x: Int, y: Int, width: Int, style: Style, _ buffer: inout ScreenBuffer) {
    guard let value, max > 0, value > 0 else { return }
    let eighths = Int((value / max * Double(width * 8)).rounded())
    let blocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    buffer.write(String(repeating: "█", count: eighths / 8) + blocks[eighths % 8], x: x, y: y, style: style, maxWidth: width)
}
