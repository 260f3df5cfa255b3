import ArgumentParser
import ErrataCore

struct SliceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slice",
        abstract: "List the instances matching a slice expression; optionally save it by name.",
        discussion: "The slice language is described in docs/slices.md.")

    @OptionGroup var data: DatasetOptions

    @OptionGroup var filter: FilterOption

    @Option(help: ArgumentHelp("Save the expression as a named slice in the project folder.", valueName: "name"))
    var save: String?

    @Option(help: "Folder of the saved slice.")
    var folder = ""

    @Option(help: "The per-instance metric shown (default: the dataset's).")
    var metric: String?

    @Option(help: "Systems whose outputs and scores are shown, comma-separated (default: all).")
    var systems: String?

    @Option(help: "Show at most this many instances (the count covers all).")
    var limit: Int?

    @Option(help: "table, json or csv.")
    var format: ReportFormat = .table

    func run() async throws {
        let analysis = try data.load()
        let rows = try filter.rows(analysis)
        if let save {
            guard let filter = filter.expression else { throw ValidationError("--save needs --where") }
            var store = try SavedSlices.load(for: analysis.dataset)
            try store.save(.init(name: save, folder: folder, filter: filter))
            try store.write(for: analysis.dataset)
            ReportWriter.writeError("errata: saved slice '\(save)' (\(rows.count) instances) in \(SavedSlices.path(for: analysis.dataset))\n")
        }
        let names = systemList(systems)
        let listing = try analysis.listing(rows: rows, filter: filter.expression, metric: metric,
                                           limit: limit ?? (format == .table ? 50 : nil), systems: names)
        ReportWriter.write(try Self.render(listing, analysis.dataset, systems: names ?? analysis.dataset.systems.map(\.name), format))
    }

    static func render(_ listing: InstanceListing, _ dataset: Dataset, systems: [String], _ format: ReportFormat) throws -> String {
        if format == .json { return try ReportWriter.json(listing) }
        let inputNames = dataset.inputs.map(\.name)
        let metric = listing.metric ?? ""
        var header = ["id"] + inputNames
        if let label = dataset.label { header.append(label.name) }
        header += systems + (listing.metric == nil ? [] : systems.map { "\(metric)(\($0))" })
        if format == .csv { header += dataset.metadata.map(\.name) }
        let rows = listing.instances.map { instance -> [String] in
            var row = [instance.id] + inputNames.map { instance.inputs[$0] ?? "" }
            if dataset.label != nil { row.append(instance.label ?? "") }
            row += systems.map { instance.outputs[$0] ?? "" }
            if listing.metric != nil { row += systems.map { ReportWriter.number(instance.scores[$0] ?? nil, digits: 4) } }
            if format == .csv { row += dataset.metadata.map { instance.metadata[$0.name] ?? "" } }
            return row.map { format == .table ? $0.replacingOccurrences(of: "\n", with: " ") : $0 }
        }
        if format == .csv { return ReportWriter.csv(header: header, rows: rows) }
        let numeric = Set(header.indices.suffix(listing.metric == nil ? 0 : systems.count))
        let shown = listing.instances.count < listing.count ? " (showing \(listing.instances.count); use --limit or --format json for more)" : ""
        return ReportWriter.table(header: header, rows: rows, rightAligned: numeric, maxWidth: 40)
            + "\(listing.count) instance\(listing.count == 1 ? "" : "s") of \(dataset.count)\(shown)\n"
    }
}

struct SlicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slices", abstract: "List the saved slices with their sizes.")

    @OptionGroup var data: DatasetOptions

    @Option(help: "table, json or csv.")
    var format: ReportFormat = .table

    func run() async throws {
        let analysis = try data.load()
        let store = try SavedSlices.load(for: analysis.dataset)
        let counts = try store.slices.map { try SavedSlices.rows(of: $0, in: analysis).count }
        switch format {
        case .json:
            struct Row: Encodable { var name, folder, filter: String; var count: Int }
            ReportWriter.write(try ReportWriter.json(zip(store.slices, counts).map { Row(name: $0.name, folder: $0.folder, filter: $0.filter, count: $1) }))
        case .csv, .table:
            let rows = zip(store.slices, counts).map { [$0.folder, $0.name, String($1), $0.filter] }
            ReportWriter.write(format == .csv ? ReportWriter.csv(header: ["folder", "name", "count", "filter"], rows: rows)
                : ReportWriter.table(header: ["folder", "name", "count", "filter"], rows: rows, rightAligned: [2], maxWidth: 60))
        }
    }
}
