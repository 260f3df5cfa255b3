import ArgumentParser
import ErrataCore

struct SummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Per slice and system: instance count and metric with a 95% bootstrap interval.")

    @OptionGroup var data: DatasetOptions
    @OptionGroup var slicing: SliceOptions
    @OptionGroup var report: ReportOptions

    @Option(help: "Systems to show, comma-separated (default: all).")
    var systems: String?

    func run() async throws {
        let analysis = try data.load()
        let summary = try analysis.summary(slices: try slicing.slices(analysis), systems: systemList(systems),
                                           metric: report.metric, bootstrap: report.bootstrap)
        ReportWriter.write(try Self.render(summary, report.format))
    }

    static func render(_ summary: Summary, _ format: ReportFormat) throws -> String {
        let metric = summary.metric ?? "value"
        switch format {
        case .json:
            return try ReportWriter.json(summary)
        case .csv:
            return ReportWriter.csv(header: ["slice", "system", "count", "value", "ci_low", "ci_high"], rows: summary.rows.map {
                [$0.slice, $0.system ?? "", String($0.count), ReportWriter.number($0.value, digits: 6),
                 ReportWriter.number($0.ciLow, digits: 6), ReportWriter.number($0.ciHigh, digits: 6)]
            })
        case .table:
            if summary.metric == nil {
                return ReportWriter.table(header: ["slice", "count"], rows: summary.rows.map { [$0.slice, String($0.count)] }, rightAligned: [1])
                    + "(no system outputs in this dataset: counts only)\n"
            }
            return ReportWriter.table(
                header: ["slice", "system", "n", metric, "95% CI"],
                rows: summary.rows.map {
                    [$0.slice, $0.system ?? "", String($0.count), ReportWriter.cell($0.value), ReportWriter.interval($0.ciLow, $0.ciHigh)]
                }, rightAligned: [2, 3]) + ReportWriter.footnotes(summary.rows.map(\.ciReason))
        }
    }
}
