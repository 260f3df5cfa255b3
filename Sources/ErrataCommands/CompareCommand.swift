import ArgumentParser
import ErrataCore

struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare systems with the first one, per slice, with paired significance tests.",
        discussion: """
        Accuracy and exact match are tested with McNemar's exact test, other metrics with \
        paired approximate randomization (exact up to 16 instances); the interval of the \
        difference is the paired bootstrap's. With several slices or systems, p-values are \
        Holm-adjusted; 'better' names the winner when the adjusted p-value is below 0.05.
        """)

    @OptionGroup var data: DatasetOptions
    @OptionGroup var slicing: SliceOptions
    @OptionGroup var report: ReportOptions

    @Option(help: "Systems to compare, comma-separated; the first is the baseline (default: the first two).")
    var systems: String?

    func run() async throws {
        let analysis = try data.load()
        let names = systemList(systems) ?? Array(analysis.dataset.systems.prefix(2).map(\.name))
        let comparison = try analysis.comparison(slices: try slicing.slices(analysis), systems: names,
                                                 metric: report.metric, bootstrap: report.bootstrap)
        ReportWriter.write(try Self.render(comparison, report.format))
    }

    /// A p-value at the sampled test's floor 1/(R+1) is Holm-adjusted to at least m/(R+1) over
    /// m comparisons; when that reaches 0.05, no such difference can be called significant
    /// however large, and the table says how many samples would let it.
    static func floorNote(_ c: Comparison) -> String {
        let tested = c.rows.count(where: { $0.pValue != nil })
        guard c.rows.contains(where: \.pIsUpperBound), Double(tested) / Double(c.resamples + 1) >= 0.05 else { return "" }
        return "note: with \(tested) comparisons and \(c.resamples) samples the smallest Holm-adjusted p is "
            + "\(ReportWriter.pValue(Double(tested) / Double(c.resamples + 1))), not below 0.05: use --resamples \(20 * tested) or more\n"
    }

    static func render(_ c: Comparison, _ format: ReportFormat) throws -> String {
        switch format {
        case .json:
            return try ReportWriter.json(c)
        case .csv:
            return ReportWriter.csv(
                header: ["slice", "system", "baseline", "count", "value", "baseline_value", "delta", "delta_low", "delta_high", "p_value", "p_adjusted", "p_is_upper_bound", "test", "better"],
                rows: c.rows.map {
                    [$0.slice, $0.system, $0.baseline, String($0.count), ReportWriter.number($0.value, digits: 6),
                     ReportWriter.number($0.baselineValue, digits: 6), ReportWriter.number($0.delta, digits: 6),
                     ReportWriter.number($0.deltaLow, digits: 6), ReportWriter.number($0.deltaHigh, digits: 6),
                     $0.pValue.map { String($0) } ?? "", $0.pAdjusted.map { String($0) } ?? "", String($0.pIsUpperBound), $0.test.rawValue, $0.better ?? ""]
                })
        case .table:
            let holm = c.correction == "holm"
            let table = ReportWriter.table(
                header: ["slice", "n", c.rows.first?.baseline ?? "baseline", "system", "value", "delta", "95% CI of delta", "p", holm ? "p (Holm)" : "", "better"],
                rows: c.rows.map {
                    [$0.slice, String($0.count), ReportWriter.cell($0.baselineValue), $0.system, ReportWriter.cell($0.value),
                     ReportWriter.cell($0.delta, signed: true), ReportWriter.interval($0.deltaLow, $0.deltaHigh),
                     ReportWriter.pValue($0.pValue, isUpperBound: $0.pIsUpperBound),
                     holm ? ReportWriter.pValue($0.pAdjusted, isUpperBound: $0.pIsUpperBound) : "", $0.better ?? "-"]
                }, rightAligned: [1, 2, 4, 5, 7, 8])
            let direction = "\(c.higherIsBetter ? "higher" : "lower") is better"
            return table + ReportWriter.footnotes(c.rows.map(\.deltaReason)) + floorNote(c)
                + "metric: \(c.metric) (\(direction)); p from \(c.testsDescription)\(holm ? ", Holm-adjusted over \(c.rows.count) comparisons" : "")\n"
        }
    }
}
