import ArgumentParser
import ErrataCore
import Typology

/// `errata tags stats`: how often each category occurs per slice and system, with Wilson
/// intervals, and what the tagged sample says about the whole slice.
struct TagsStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Per slice, system and category: count, proportion of tagged units with a 95% Wilson interval, and the extrapolation to the whole slice.",
        discussion: "A category counts its own tags and those of the categories below it. The table leaves out categories no unit has; JSON and CSV list them all. See docs/tagging.md.")

    @OptionGroup var store: TagStoreOptions
    @OptionGroup var who: AnnotatorOptions
    @OptionGroup var slicing: SliceOptions

    @Option(help: "table, json or csv.")
    var format: ReportFormat = .table

    func run() async throws {
        let (analysis, tagStore) = try store.open()
        let dataset = analysis.dataset
        let tags = try who.tags(try tagStore.tags().map(\.tag), dataset: dataset).tags
        let tallies = Tallies(tags: tags, slices: try slicing.slices(analysis), typology: try tagStore.typology(),
                              row: dataset.row(id:))
        if !tallies.unknownInstances.isEmpty {
            ReportWriter.writeError("errata: \(tallies.unknownInstances.count) tagged instance(s) are not in \(dataset.name) and are left out, e.g. '\(tallies.unknownInstances[0])'\n")
        }
        ReportWriter.write(try Self.render(tallies, format))
    }

    static func render(_ tallies: Tallies, _ format: ReportFormat) throws -> String {
        let header = ["slice", "system", "category", "count", "tagged", "proportion", "ci_low", "ci_high",
                      "slice_size", "estimate", "estimate_low", "estimate_high"]
        switch format {
        case .json:
            return try ReportWriter.json(tallies)
        case .csv:
            return ReportWriter.csv(header: header, rows: tallies.rows.map { row in
                [row.slice, row.system ?? "", row.category, String(row.count), String(row.tagged)]
                    + [row.proportion, row.ciLow, row.ciHigh].map { ReportWriter.number($0, digits: 6) }
                    + [String(row.sliceSize)] + [row.estimate, row.estimateLow, row.estimateHigh].map { ReportWriter.number($0, digits: 2) }
            })
        case .table:
            let shown = tallies.rows.filter { $0.count > 0 }
            if shown.isEmpty { return "no tags in these slices yet (tag with the workbench's t key, or errata tags add)\n" }
            return ReportWriter.table(
                header: ["slice", "system", "category", "n / tagged", "share", "95% CI", "of slice", "in the slice (95% CI)"],
                rows: shown.map { row in
                    [row.slice, row.system ?? "(none)", row.category, "\(row.count) / \(row.tagged)",
                     percent(row.proportion), "[\(percent(row.ciLow)), \(percent(row.ciHigh))]", String(row.sliceSize),
                     row.extrapolation]
                }, rightAligned: [3, 4, 6, 7])
        }
    }

    private static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
}
