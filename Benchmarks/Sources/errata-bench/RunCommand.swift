import ArgumentParser
import BitCollections
import ErrataCore
import Foundation

/// `errata-bench run`: measures errata's engine on one file and prints the figures as JSON.
///
/// Everything runs in one process, in order: load (the warm-up load also gives the memory
/// figures), slices, the grouped metric and, for generation files, corpus chrF and BLEU.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Measure load, memory, slices and metrics on one file; print JSON.")

    enum Kind: String, ExpressibleByArgument {
        case classification, generation
    }

    @Option(help: "The CSV, TSV or JSON Lines file to measure.") var file: String
    @Option(help: "classification (class predictions) or generation (hypotheses and references).") var kind: Kind = .classification
    @Option(name: .customLong("repeat"), help: "Timed runs per workload.") var repeats: Int = 5
    @Option(help: "Untimed warm-up runs before the timed ones (the first load is always one).") var warmup: Int = 1

    func validate() throws {
        guard repeats > 0 else { throw ValidationError("--repeat must be positive") }
        guard warmup >= 0 else { throw ValidationError("--warmup must not be negative") }
    }

    func run() throws {
        let roles = kind == .generation ? Self.generationRoles : ColumnRoles()
        let before = ProcessMemory.now()
        let dataset = try DatasetLoader.load(file, overrides: roles)
        let afterLoad = ProcessMemory.now()
        let load = try Stopwatch.time(repeats: repeats) { _ = try DatasetLoader.load(file, overrides: roles) }
        let (read, _) = try Stopwatch.measure(repeats: repeats, warmups: warmup) { try DatasetLoader.readTable(file) }

        let analysis = Analysis(dataset: dataset)
        let slices = kind == .classification ? Workloads.classificationSlices : Workloads.generationSlices
        var sliceReports: [RunReport.Slice] = []
        for (name, expression) in slices {
            let (timing, rows) = try Stopwatch.measure(repeats: repeats, warmups: warmup) { try analysis.evaluator.rows(where: expression) }
            let (first, _) = try Stopwatch.measure(repeats: repeats, warmups: 0) { try Analysis(dataset: dataset).evaluator.rows(where: expression) }
            sliceReports.append(RunReport.Slice(name: name, expression: expression, count: rows.count, timing: timing, firstTiming: first))
        }

        let report = RunReport(
            file: file, kind: kind.rawValue, rows: dataset.count, threads: ProcessInfo.processInfo.activeProcessorCount,
            load: load, read: read,
            memory: RunReport.Memory(
                rssBeforeMB: before?.rssMB ?? .nan, rssAfterLoadMB: afterLoad?.rssMB ?? .nan,
                peakAfterLoadMB: afterLoad?.peakMB ?? .nan, datasetMB: Double(dataset.memoryFootprint) / 1_048_576),
            slices: sliceReports,
            grouped: kind == .classification ? try groupedAccuracy(dataset) : nil,
            corpus: kind == .generation ? try ["chrf", "bleu"].map { try corpusScore($0, dataset) } : [])
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }

    /// The roles a user gives for the generation files (`--id id --label reference --output
    /// a=hyp_a ...`): `hyp_` is not a prefix errata guesses.
    static var generationRoles: ColumnRoles {
        var roles = ColumnRoles()
        roles.id = "id"
        roles.label = "reference"
        roles.outputs = GenerationRows.columns.filter { $0.hasPrefix("hyp_") }.map { (String($0.dropFirst(4)), $0) }
        return roles
    }

    /// Accuracy of one system per genre: once with the per-instance statistics cached, once
    /// from a fresh `Analysis` (statistics included).
    private func groupedAccuracy(_ dataset: Dataset) throws -> RunReport.Grouped {
        let perGroup = Self.accuracyPerGroup
        let warm = Analysis(dataset: dataset)
        _ = try warm.statistics(metric: "accuracy", system: Workloads.system)
        let (cached, groups) = try Stopwatch.measure(repeats: repeats, warmups: warmup) { try perGroup(warm) }
        let (fromScratch, _) = try Stopwatch.measure(repeats: repeats, warmups: warmup) { try perGroup(Analysis(dataset: dataset)) }
        return RunReport.Grouped(metric: "accuracy", system: Workloads.system, by: Workloads.groupColumn, groups: groups,
                                 cached: cached, fromScratch: fromScratch)
    }

    /// Accuracy of `Workloads.system` per level of `Workloads.groupColumn`.
    static func accuracyPerGroup(_ analysis: Analysis) throws -> [String: Double] {
        let statistics = try analysis.statistics(metric: "accuracy", system: Workloads.system)
        let metric = Accuracy()
        var values: [String: Double] = [:]
        for group in try analysis.groups(by: Workloads.groupColumn, within: BitSet.all(analysis.dataset.count)) {
            let level = String(group.name.dropFirst("\(Workloads.groupColumn) = ".count))
            values[level] = metric.score(statistics.sum(rows: group.rows))
        }
        return values
    }

    /// A corpus score of one system over every instance, from scratch: a fresh `Analysis`
    /// computes the per-instance statistics, then they are summed and scored.
    private func corpusScore(_ name: String, _ dataset: Dataset) throws -> RunReport.Corpus {
        let all = 0 ..< dataset.count
        let (timing, value) = try Stopwatch.measure(repeats: repeats, warmups: warmup) { () throws -> Double in
            let analysis = Analysis(dataset: dataset)
            let metric = try analysis.metric(named: name)
            return metric.score(try analysis.statistics(metric: name, system: Workloads.system).sum(rows: all))
        }
        return RunReport.Corpus(metric: name, system: Workloads.system, value: value, timing: timing)
    }
}
