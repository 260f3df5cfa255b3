import ArgumentParser
import ErrataCore

struct MetaevalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metaeval",
        abstract: "How well automatic metrics agree with a human score (MQM), per system and per segment, per slice.",
        discussion: """
        System level: Pearson and Kendall's tau-b over the systems' scores. Segment level: \
        Pearson and Kendall's tau-b over all (segment, system) pairs, and tau-b across systems \
        within each segment averaged over segments (kendall_by_item). Scores are oriented so \
        that larger is better before correlating, so agreement with the human score is \
        positive whatever the metrics' directions. The reference system is left out. \
        Undefined correlations (fewer than two points, no variation) print as —.
        """)

    @OptionGroup var data: DatasetOptions
    @OptionGroup var slicing: SliceOptions

    @Option(help: "The human score (default: mqm).")
    var human = "mqm"

    @Option(help: ArgumentHelp("Automatic metrics, comma-separated.", valueName: "metrics"))
    var metrics = "chrf,bleu,ter"

    @Option(help: "Systems, comma-separated (default: all but the reference system).")
    var systems: String?

    @Option(help: "table, json or csv.")
    var format: ReportFormat = .table

    func run() async throws {
        let analysis = try data.load()
        let result = try analysis.metaEvaluation(slices: try slicing.slices(analysis), human: human,
                                                 metrics: systemList(metrics) ?? [], systems: systemList(systems))
        ReportWriter.write(try Self.render(result, format))
    }

    static func render(_ m: MetaEvaluation, _ format: ReportFormat) throws -> String {
        let header = ["slice", "metric", "level", "n", "pearson", "kendall", "kendall_by_item", "items"]
        switch format {
        case .json:
            return try ReportWriter.json(m)
        case .csv:
            return ReportWriter.csv(header: header, rows: m.rows.map {
                [$0.slice, $0.metric, $0.level.rawValue, String($0.count), ReportWriter.number($0.pearson, digits: 6),
                 ReportWriter.number($0.kendall, digits: 6), ReportWriter.number($0.kendallByItem, digits: 6),
                 $0.items.map(String.init) ?? ""]
            })
        case .table:
            return ReportWriter.table(header: header, rows: m.rows.map {
                [$0.slice, $0.metric, $0.level.rawValue, String($0.count), ReportWriter.cell($0.pearson),
                 ReportWriter.cell($0.kendall), ReportWriter.cell($0.kendallByItem), $0.items.map(String.init) ?? ""]
            }, rightAligned: [3, 4, 5, 6, 7])
                + "human: \(m.human) over \(m.systems.count) systems; scores oriented so that agreement is positive\n"
        }
    }
}
