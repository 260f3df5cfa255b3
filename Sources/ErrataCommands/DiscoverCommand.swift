import ArgumentParser
import ErrataCore
import Foundation

struct DiscoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "Find the slices where a system (or its difference with another) fails most, with significance tests.",
        discussion: "SliceLine over the dataset's features; each slice is tested against the rest. See docs/slices.md.")

    @OptionGroup var data: DatasetOptions

    @Option(help: "The system whose errors are searched.")
    var system: String

    @Option(help: "Find where --system does worse than this system.")
    var versus: String?

    @Option(help: "The metric whose per-instance error is searched (default: the dataset's).")
    var metric: String?

    @Option(help: ArgumentHelp("Text metrics: an instance is an error when its sentence score is below this (above for TER); otherwise the error is 1 - score / 100.", valueName: "score"))
    var below: Double?

    @Option(name: .customLong("error-column"), help: ArgumentHelp("A lower-is-better numeric column (an MQM score) taken as the error.", valueName: "column"))
    var errorColumn: String?

    @Option(help: "Weight of the error against the size in SliceLine's score, in (0, 1].")
    var alpha = 0.95

    @Option(help: "How many slices to return.")
    var k = 10

    @Option(name: .customLong("max-l"), help: "The most predicates a slice combines.")
    var maxL = 3

    @Option(name: .customLong("min-support"), help: "The fewest instances a slice may have.")
    var minSupport = 30

    @Option(help: ArgumentHelp("Columns or expressions to search, comma-separated (default: every metadata column, length and tokens of the texts, tags, words).", valueName: "col,col,..."))
    var features: String?

    @Option(help: "How many frequent input words become features (0 for none).")
    var words = 20

    @Option(help: "Equal-frequency bins of numbers.")
    var bins = 5

    @Flag(help: "Search on a random half and test the slices found on the other half.")
    var holdout = false

    @Option(help: "Seed of the random halves.")
    var seed: UInt64 = 12345

    @Flag(name: .customLong("by-score"), help: "Keep SliceLine's order instead of putting significant slices first.")
    var byScore = false

    @Option(help: "table, json or csv.")
    var format: ReportFormat = .table

    func run() async throws {
        let analysis = try data.load()
        let parameters = SliceLineParameters(alpha: alpha, k: k, maxLevel: maxL, minSupport: minSupport)
        if let problem = parameters.problem { throw ValidationError(problem) }
        if below != nil, errorColumn != nil { throw ValidationError("--below and --error-column exclude each other") }
        let measure: ErrorMeasure = errorColumn.map { .column($0) } ?? below.map { .below(metric: metric, threshold: $0) } ?? .metric(metric)
        let request = DiscoveryRequest(
            system: system, versus: versus, measure: measure, parameters: parameters,
            features: FeatureOptions(features: features.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } },
                                     words: words, bins: bins, minSupport: minSupport),
            holdout: holdout, seed: seed, significantFirst: !byScore)
        let bar = StderrProgressBar()
        var show: (@Sendable (SearchProgress) -> Void)?
        if bar.isActive { show = { @Sendable progress in bar.show(progress) } }
        let report = try analysis.discover(request, progress: show)
        bar.finish()
        ReportWriter.write(try Self.render(report, format))
    }

    static func render(_ report: DiscoveryReport, _ format: ReportFormat) throws -> String {
        switch format {
        case .json:
            return try ReportWriter.json(report)
        case .csv:
            let header = ["slice", "expression", "size", "error", "rest_error", "delta", "ci_low", "ci_high", "p_value", "p_adjusted", "score", "significant"]
            return ReportWriter.csv(header: header, rows: report.rows.map(csvRow))
        case .table:
            let header = ["slice", "n", "error", "rest", "delta", "95% CI of delta", "p", "p (Holm)", "score", ""]
            let table = report.rows.isEmpty ? "no slice scores above 0: none is worse than the whole by more than its size costs (try a higher --alpha)\n"
                : ReportWriter.table(header: header, rows: report.rows.map(tableRow), rightAligned: [1, 2, 3, 4, 6, 7, 8], maxWidth: 60)
            return table
                + "\(report.instances) instances, error \(ReportWriter.number(report.error)); \(report.test), \(report.correction)\n"
        }
    }

    private static func csvRow(_ row: DiscoveryRow) -> [String] {
        let numbers = [row.error, row.restError, row.delta, row.ciLow, row.ciHigh].map { ReportWriter.number($0, digits: 6) }
        let p = [row.pValue, row.pAdjusted].map { $0.map { String($0) } ?? "" }
        return [row.slice, row.expression, String(row.size)] + numbers + p + [String(row.score), String(row.significant)]
    }

    /// Undefined values as "—".
    private static func tableRow(_ row: DiscoveryRow) -> [String] {
        [row.slice, String(row.size), ReportWriter.cell(row.error), ReportWriter.cell(row.restError),
         ReportWriter.cell(row.delta, signed: true), ReportWriter.interval(row.ciLow, row.ciHigh),
         ReportWriter.pValue(row.pValue), ReportWriter.pValue(row.pAdjusted),
         ReportWriter.cell(row.score), row.significant ? "" : "not significant"]
    }
}

/// A one-line progress bar on standard error while the search runs, when standard error
/// is a terminal; redrawn at most ten times a second.
final class StderrProgressBar: @unchecked Sendable {
    let isActive = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var last = Date.distantPast
    private var drawn = false

    func show(_ progress: SearchProgress) {
        lock.withLock {
            guard Date().timeIntervalSince(last) > 0.1 || progress.done == progress.total else { return }
            last = Date()
            let width = 30, filled = progress.total > 0 ? width * progress.done / progress.total : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            ReportWriter.writeError("\rdiscover: level \(progress.level)/\(progress.maxLevel) \(bar) \(progress.done)/\(progress.total) slices\u{1B}[K")
            drawn = true
        }
    }

    func finish() {
        lock.withLock { if drawn { ReportWriter.writeError("\r\u{1B}[K") } }
    }
}
