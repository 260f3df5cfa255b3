import ArgumentParser
import ErrataCore

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check that a dataset loads: roles, types, ids; print what was found.",
        discussion: "Exits 0 when the data loads, 1 with file:line:column messages when it does not.")

    @OptionGroup var data: DatasetOptions

    @Option(help: "table or json.")
    var format: ReportFormat = .table

    struct Report: Encodable {
        struct ColumnInfo: Encodable { var name, role, type: String }
        var dataset: String
        var source: String
        var task: String
        var instances: Int
        var systems: [String]
        var classes: [String]
        var columns: [ColumnInfo]
        var metrics: [String]
        var skipped: Int
        var missing: MissingValues
        var warnings: [String]
        var memory_bytes: Int
        /// The system whose outputs are the reference (`--reference-system`), or nil.
        var reference_system: String?
        /// Expert annotations the file brings (MQM): ratings, raters, errors marked.
        var expert_ratings: Int
        var expert_raters: [String]
        var expert_errors: Int
    }

    func run() async throws {
        let analysis = try data.load()
        let d = analysis.dataset
        var columns = d.inputs.map { Report.ColumnInfo(name: $0.name, role: "input", type: $0.type.rawValue) }
        if let label = d.label { columns.append(.init(name: label.name, role: "label", type: label.type.rawValue)) }
        columns += d.metadata.map { .init(name: $0.name, role: "metadata", type: $0.type.rawValue) }
        for s in d.systems { columns += s.columns.map { .init(name: $0.name, role: "per-system (\(s.name))", type: $0.type.rawValue) } }
        let report = Report(dataset: d.name, source: d.source, task: d.task.rawValue, instances: d.count,
                            systems: d.systems.map(\.name), classes: d.classes, columns: columns,
                            metrics: analysis.metricNames, skipped: d.skipped.count, missing: d.missing, warnings: d.warnings,
                            memory_bytes: d.memoryFootprint, reference_system: d.referenceSystem,
                            expert_ratings: d.expertRatings.ratings.count, expert_raters: d.expertRatings.raters,
                            expert_errors: d.expertRatings.ratings.reduce(0) { $0 + $1.errors.count })
        if format == .json {
            ReportWriter.write(try ReportWriter.json(report))
            return
        }
        var text = "\(d.name): \(d.count) instances, \(d.task.rawValue), loaded from \(d.source)\n"
        text += "systems: \(d.systems.isEmpty ? "none" : d.systems.map(\.name).joined(separator: ", "))\n"
        if !d.classes.isEmpty { text += "classes: \(d.classes.joined(separator: ", "))\n" }
        if let reference = d.referenceSystem { text += "reference: the outputs of system '\(reference)'\n" }
        if !d.expertRatings.isEmpty {
            text += "expert ratings: \(report.expert_ratings) by \(report.expert_raters.count) raters (\(report.expert_raters.joined(separator: ", "))), \(report.expert_errors) errors\n"
        }
        text += "metrics: \(analysis.metricNames.joined(separator: ", ")) (default \(d.defaultMetric))\n"
        text += ReportWriter.table(header: ["column", "role", "type"], rows: columns.map { [$0.name, $0.role, $0.type] })
        if d.skipped.count > 0 { text += "skipped lines: \(d.skipped.count)\n" }
        for note in d.missing.notes { text += "missing: \(note)\n" }
        for warning in d.warnings { text += "warning: \(warning)\n" }
        ReportWriter.write(text)
    }
}
