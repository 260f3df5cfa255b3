import ArgumentParser
import ErrataCore

struct HistogramCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "histogram",
        abstract: "Counts per value or bin of a column (or expression), with each system's metric per bin.",
        discussion: "Without --column, every metadata column and the derived features (length, script, ...) are shown.")

    @OptionGroup var data: DatasetOptions

    @Option(help: ArgumentHelp("A column or expression, e.g. movie or 'length(input)' (repeatable).", valueName: "expression"))
    var column: [String] = []

    @OptionGroup var filter: FilterOption

    @Option(help: "Systems whose metric is shown per bin, comma-separated (default: all).")
    var systems: String?

    @Option(help: "The metric (default: the dataset's).")
    var metric: String?

    @Option(help: "table, json or csv.")
    var format: ReportFormat = .table

    func run() async throws {
        let analysis = try data.load()
        let within = try filter.rows(analysis)
        let names = systemList(systems) ?? analysis.dataset.systems.map(\.name)
        let columns = column.isEmpty ? analysis.defaultHistogramColumns : column
        let histograms = try columns.map { try analysis.histogram(of: $0, within: within, metric: metric, systems: names) }
        switch format {
        case .json:
            ReportWriter.write(try ReportWriter.json(histograms))
        case .csv:
            ReportWriter.write(ReportWriter.csv(
                header: ["column", "bin", "low", "high", "count"] + names,
                rows: histograms.flatMap { h in h.bins.map { b in
                    [h.column, b.label, b.low.map { formatNumber($0) } ?? "", b.high.map { formatNumber($0) } ?? "", String(b.count)]
                        + names.map { ReportWriter.number(b.values[$0] ?? nil, digits: 6) }
                } }))
        case .table:
            for h in histograms {
                let top = h.bins.map(\.count).max() ?? 1
                ReportWriter.write("\(h.column) (\(h.type))\n" + ReportWriter.table(
                    header: ["bin", "count", ""] + names.map { "\(h.metric ?? "")(\($0))" },
                    rows: h.bins.map { b in
                        [b.label, String(b.count), String(repeating: "█", count: max(b.count > 0 ? 1 : 0, b.count * 24 / max(top, 1)))]
                            + names.map { ReportWriter.cell(b.values[$0] ?? nil) }
                    }, rightAligned: Set([1] + names.indices.map { $0 + 3 })) + "\n")
            }
        }
    }
}

extension Analysis {
    /// Metadata columns that histogram well, then derived features of the inputs and outputs.
    var defaultHistogramColumns: [String] {
        var columns: [String] = []
        for c in dataset.metadata where c.type != .text {
            if case .categorical(let cat) = c.storage, cat.levels.count > 40 { continue }
            columns.append(SliceExpression.quoteName(c.name))
        }
        if let input = dataset.inputs.first { columns += ["length(\(input.name))", "script(\(input.name))"] }
        if let label = dataset.label, label.type == .text { columns.append("length(\(label.name))") }
        return columns
    }
}
