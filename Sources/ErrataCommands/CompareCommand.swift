import ArgumentParser
import ErrataCore

struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare systems with the first one, per slice, with paired significance tests.",
        discussion: """
        Accuracy is tested with McNemar's exact test, other metrics with paired bootstrap \
        resampling (Koehn 2004). With several slices or systems, p-values are Holm-adjusted; \
        'better' names the winner when the adjusted p-value is below 0.05.
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

    static func render(_ c: Comparison, _ format: ReportFormat) throws -> String {
        switch format {
        case .json:
            return try ReportWriter.json(c)
        case .csv:
            return ReportWriter.csv(
                header: ["slice", "system", "baseline", "count", "value", "baseline_value", "delta", "delta_low", "delta_high", "p_value", "p_adjusted", "test", "better"],
                rows: c.rows.map {
                    [$0.slice, $0.system, $0.baseline, String($0.count), ReportWriter.number($0.value, digits: 6),
                     ReportWriter.number($0.baselineValue, digits: 6), ReportWriter.number($0.delta, digits: 6),
                     ReportWriter.number($0.deltaLow, digits: 6), ReportWriter.number($0.deltaHigh, digits: 6),
                     $0.pValue.map { String($0) } ?? "", $0.pAdjusted.map { String($0) } ?? "", $0.test, $0.better ?? ""]
                })
        case .table:
            let table = ReportWriter.table(
                header: ["slice", "n", c.rows.first?.baseline ?? "baseline", "system", "value", "delta", "95% CI of delta", "p", c.correction == "holm" ? "p (Holm)" : "", "better"],
                rows: c.rows.map {
                    [$0.slice, String($0.count), ReportWriter.number($0.baselineValue), $0.system, ReportWriter.number($0.value),
                     ReportWriter.number($0.delta).replacingOccurrences(of: "^(?=[0-9])", with: "+", options: .regularExpression),
                     $0.deltaLow == nil ? "" : "[\(ReportWriter.number($0.deltaLow)), \(ReportWriter.number($0.deltaHigh))]",
                     ReportWriter.pValue($0.pValue), c.correction == "holm" ? ReportWriter.pValue($0.pAdjusted) : "",
                     $0.better ?? "-"]
                }, rightAligned: [1, 2, 4, 5, 7, 8])
            let test = c.rows.first?.test == "mcnemar-exact" ? "McNemar's exact test" : "paired bootstrap (\(c.resamples) resamples)"
            return table + "metric: \(c.metric) (\(c.higherIsBetter ? "higher" : "lower") is better); p from \(test)\(c.correction == "holm" ? ", Holm-adjusted over \(c.rows.count) comparisons" : "")\n"
        }
    }
}
