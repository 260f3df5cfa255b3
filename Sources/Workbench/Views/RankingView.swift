import ErrataCore
import Foundation
import TerminalUI

/// The compare view's ranking page: every system in the metric's order, with its rank range
/// and significance cluster, a rule between clusters as the WMT findings draw them, the
/// difference from the baseline and a bar.
struct RankingView: View {
    let state: AppState
    let compare: CompareState

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        let inner = overlayBox(&buffer, rect, title: "Ranking · \(state.metric) · baseline \(state.systems.first ?? "—") · Tab per slice · j/k scroll · Esc closes")
        guard let ranking = compare.ranking else {
            buffer.write(state.job(.rank)?.label ?? "computing…", x: inner.x, y: inner.y, style: Theme.info, maxWidth: inner.width)
            return
        }
        let systemWidth = min(24, max(6, ranking.entries.map { DisplayWidth.of($0.system) + 2 }.max() ?? 6))
        var table = ColumnLayout(width: inner.width)
        let cluster = table.add(fixed: 7)
        let rank = table.add(fixed: 5)
        let system = table.add(fixed: systemWidth)
        let value = table.add(fixed: 7)
        let delta = table.add(fixed: 8)
        let p = table.add(fixed: 8)
        let interval = table.add(fixed: 17)
        let bar = table.add(flexible: 6, maximum: 40)
        table.resolve()
        func put(_ text: String, _ column: Int, _ y: Int, _ style: Style = Style(), right: Bool = false) {
            table.write(text, column: column, x: inner.x, y: y, style: style, alignRight: right, into: &buffer)
        }
        put("cluster", cluster, inner.y, Theme.header, right: true)
        put("rank", rank, inner.y, Theme.header, right: true)
        put("system", system, inner.y, Theme.header)
        put(String(ranking.metric.prefix(7)), value, inner.y, Theme.header, right: true)
        put("delta", delta, inner.y, Theme.header, right: true)
        put("p (Holm)", p, inner.y, Theme.header, right: true)
        put("95% CI", interval, inner.y, Theme.header)
        let values = ranking.entries.compactMap(\.value)
        let maxValue = values.max() ?? 1
        var y = inner.y + 1
        var lastCluster: Int?
        for entry in ranking.entries.dropFirst(compare.top) {
            if let last = lastCluster, entry.cluster != last {
                guard y < inner.y + inner.height - 2 else { break }
                buffer.write(String(repeating: "─", count: inner.width), x: inner.x, y: y, style: Theme.dim)
                y += 1
            }
            guard y < inner.y + inner.height - 1 else { break }
            lastCluster = entry.cluster
            let isBaseline = entry.system == ranking.baseline
            let style = entry.better == nil ? Style() : (entry.better == entry.system ? Theme.better : Theme.worse)
            let mark = entry.better == nil ? "" : (entry.better == entry.system ? " ▲" : " ▼")
            put(entry.cluster.map(String.init) ?? "—", cluster, y, right: true)
            put(entry.rankRange ?? "—", rank, y, right: true)
            put(entry.system + mark, system, y, isBaseline ? Theme.header : style)
            put(formatMetric(entry.value), value, y, right: true)
            put(isBaseline ? "base" : entry.delta.map { ($0 > 0 ? "+" : "") + formatMetric($0) } ?? "—", delta, y, style, right: true)
            put(entry.pAdjusted.map { $0 < 0.0001 ? String(format: "%.0e", $0) : String(format: "%.4f", $0) } ?? "—", p, y, right: true)
            put(entry.ciLow.map { "[\(formatMetric($0)), \(formatMetric(entry.ciHigh))]" } ?? "—", interval, y)
            // Lower-is-better metrics draw the same bars: the order, not the length, says who wins.
            if let frame = table.frame(bar) { drawBar(entry.value, max: maxValue, x: inner.x + frame.x, y: y, width: frame.width, style: Theme.bar, &buffer) }
            y += 1
        }
        let direction = ranking.higherIsBetter ? "higher" : "lower"
        buffer.write("\(ranking.clusterCount) clusters · \(direction) is better · n=\(ranking.count) · a cluster ends where its top system wins at Holm-adjusted p < \(ranking.alpha) (\(ranking.pairs.count) pairs) · ▲/▼ vs the baseline",
                     x: inner.x, y: inner.y + inner.height - 1, style: Theme.dim, maxWidth: inner.width)
    }
}
