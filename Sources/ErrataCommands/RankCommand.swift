import ArgumentParser
import ErrataCore

/// `errata rank`: every system ranked by a metric, with significance clusters.
struct RankCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank all systems by a metric, with significance clusters and rank ranges as WMT reports them.",
        discussion: """
        Systems are scored on the instances all of them have an output for and ordered in the \
        metric's direction (ascending for TER). Every pair is tested (McNemar's exact test for \
        accuracy and exact match, paired approximate randomization otherwise, with at least 40 \
        samples per pair) and the p-values are Holm-adjusted over all pairs. A cluster starts at \
        the best system not yet placed and takes the following systems up to the first it beats \
        at adjusted p < 0.05; a rank range runs from 1 + the systems significantly better to \
        the number of systems minus those significantly worse.
        """)

    @OptionGroup var data: DatasetOptions
    @OptionGroup var filter: FilterOption
    @OptionGroup var report: ReportOptions

    @Option(help: "Systems to rank, comma-separated (default: all).")
    var systems: String?

    @Option(help: "The system each delta is taken against (default: the first ranked system given).")
    var baseline: String?

    func run() async throws {
        let analysis = try data.load()
        let slice = NamedSlice(name: filter.expression ?? NamedSlice.allName, rows: try filter.rows(analysis))
        let ranking = try analysis.ranking(slice: slice, systems: systemList(systems), baseline: baseline,
                                           metric: report.metric, bootstrap: report.bootstrap)
        ReportWriter.write(try Self.render(ranking, report.format))
    }

    static func render(_ r: Ranking, _ format: ReportFormat) throws -> String {
        switch format {
        case .json:
            return try ReportWriter.json(r)
        case .csv:
            return ReportWriter.csv(
                header: ["position", "cluster", "rank_low", "rank_high", "system", "value", "ci_low", "ci_high", "delta", "p_adjusted", "better"],
                rows: r.entries.map {
                    [$0.position.map(String.init) ?? "", $0.cluster.map(String.init) ?? "", $0.rankLow.map(String.init) ?? "",
                     $0.rankHigh.map(String.init) ?? "", $0.system, ReportWriter.number($0.value, digits: 6),
                     ReportWriter.number($0.ciLow, digits: 6), ReportWriter.number($0.ciHigh, digits: 6),
                     ReportWriter.number($0.delta, digits: 6), $0.pAdjusted.map { String($0) } ?? "", $0.better ?? ""]
                })
        case .table:
            let table = ReportWriter.table(
                header: ["cluster", "rank", "system", r.metric, "95% CI", "delta vs \(r.baseline)", "p (Holm)"],
                rows: r.entries.map {
                    [$0.cluster.map(String.init) ?? ReportWriter.undefined, $0.rankRange ?? ReportWriter.undefined,
                     $0.system + ($0.better == nil ? "" : $0.better == $0.system ? " ▲" : " ▼"), ReportWriter.cell($0.value),
                     ReportWriter.interval($0.ciLow, $0.ciHigh), $0.system == r.baseline ? "baseline" : ReportWriter.cell($0.delta, signed: true),
                     ReportWriter.pValue($0.pAdjusted)]
                }, rightAligned: [0, 1, 3, 5, 6])
            let direction = "\(r.higherIsBetter ? "higher" : "lower") is better"
            let clusters = r.clusterCount == 1 ? "1 cluster" : "\(r.clusterCount) clusters"
            let tests = r.correction == "holm" ? "\(r.pairs.count) pairwise tests, Holm-adjusted" : "\(r.pairs.count) pairwise test\(r.pairs.count == 1 ? "" : "s")"
            return table + "\(clusters); \(r.metric) (\(direction)) on \(r.count) instances of \(r.slice); "
                + "\(tests), α = \(r.alpha); ▲/▼ better/worse than \(r.baseline)\n"
        }
    }
}
