import BitCollections
import Foundation

/// A dataset with its metrics: the engine behind every command and view.
///
/// Per-instance sufficient statistics and sentence scores are computed once per metric and
/// system, on first use, in parallel over rows, and cached; every slice, group, interval and
/// test afterwards only sums rows. Safe to share between threads.
public final class Analysis: InstanceScores, @unchecked Sendable {
    public let dataset: Dataset
    private let lock = NSLock()
    private var statisticsCache: [String: StatisticsMatrix] = [:]
    private var scoreCache: [String: [Double]] = [:]

    /// Rows with a gold class, for a classification dataset with some labels missing (nil
    /// when every row has one, or the label is not a class).
    private let labelled: BitSet?

    public init(dataset: Dataset) {
        self.dataset = dataset
        if case .categorical(let gold)? = dataset.label?.storage, gold.codes.contains(-1) {
            labelled = BitSet(gold.codes.indices.filter { gold.codes[$0] >= 0 })
        } else {
            labelled = nil
        }
    }

    private let features = FeatureCache()
    private var tagsSnapshot = InstanceTags()

    /// The annotations the slice language sees (`tagged()`, `tags()`); whoever opens the
    /// dataset's tag store sets them, and sets them again after each change.
    public var tags: InstanceTags {
        get { lock.withLock { tagsSnapshot } }
        set { lock.withLock { tagsSnapshot = newValue } }
    }

    public var evaluator: SliceEvaluator { evaluator(tags: tags) }

    /// An evaluator that sees `tags` rather than the analysis' own: the workbench keeps its
    /// tags as a value in its state and hands them to each job, so no shared object changes
    /// under a computation.
    public func evaluator(tags: InstanceTags) -> SliceEvaluator {
        SliceEvaluator(dataset: dataset, scores: self, tags: tags, features: features)
    }

    public var metricNames: [String] { MetricCatalog.names(for: dataset) }
    public var instanceMetricNames: [String] { metricNames }

    /// The metric called `name` (the dataset's default when nil).
    public func metric(named name: String?) throws -> any CorpusMetric {
        let name = name ?? dataset.defaultMetric
        guard metricNames.contains(name) else { throw UnknownMetric(name: name, available: metricNames) }
        if MetricCatalog.classification.contains(name), dataset.classes.isEmpty {
            throw AnalysisError("\(name) needs a classification dataset with a label column")
        }
        switch name {
        case "accuracy": return Accuracy()
        case "macro_f1": return MacroF1(classCount: dataset.classes.count)
        case "micro_f1": return MicroF1(classCount: dataset.classes.count)
        default: return MetricCatalog.textMetric(name) ?? MeanMetric(name: name, higherIsBetter: !dataset.lowerIsBetter.contains(name))
        }
    }

    /// Whether larger values of `metric` are better (the views sort best first by it).
    public func higherIsBetter(metric name: String?) -> Bool {
        (try? metric(named: name).higherIsBetter) ?? true
    }

    /// Each instance's statistics of `metric` for `system` (zero rows where it has no output).
    public func statistics(metric name: String?, system: String) throws -> StatisticsMatrix {
        let metric = try metric(named: name)
        let key = "\(metric.name)\u{0}\(system)"
        if let cached = lock.withLock({ statisticsCache[key] }) { return cached }
        let matrix = try computeStatistics(metric, system: try requireSystem(system))
        lock.withLock { statisticsCache[key] = matrix }
        return matrix
    }

    /// Each instance's own score (sentence-level for text metrics; NaN where no output).
    public func instanceScores(metric name: String, system: String) throws -> [Double] {
        let metric = try metric(named: name)
        let key = "\(metric.name)\u{0}\(system)"
        if let cached = lock.withLock({ scoreCache[key] }) { return cached }
        let outputs = try requireSystem(system)
        var scores: [Double]
        if let text = metric as? any TextPairMetric, case .text(let references)? = dataset.label?.storage {
            scores = [Double](repeating: .nan, count: dataset.count)
            scores.withUnsafeMutableBufferPointer { buffer in
                let out = UncheckedSendable(buffer)
                parallelChunks(dataset.count) { range in
                    for row in range where outputs.hasOutput(row) {
                        out.value[row] = text.sentenceScore(hypothesis: outputs.output[row], references: [references[row]])
                    }
                }
            }
        } else {
            // A class-count metric has no per-instance value of its own: show correctness.
            let perRow: any CorpusMetric = metric is any ClassCountMetric ? Accuracy() : metric
            let matrix = try statistics(metric: perRow.name, system: system)
            scores = (0 ..< dataset.count).map { row in
                outputs.hasOutput(row) ? perRow.score(matrix.row(row)) : .nan
            }
        }
        lock.withLock { scoreCache[key] = scores }
        return scores
    }

    /// Rows of `slice` for which every system in `systems` has an output: comparisons and
    /// intervals use the same instances for all.
    /// Rows without a gold class are left out too (`labelled`): they have nothing to score against.
    public func rows(_ slice: BitSet, systems: [String]) throws -> [Int] {
        var rows = slice
        if let labelled { rows.formIntersection(labelled) }
        for name in systems {
            if let present = try requireSystem(name).present { rows.formIntersection(present) }
        }
        return Array(rows)
    }

    func requireSystem(_ name: String) throws -> SystemOutputs {
        guard let system = dataset.system(named: name) else {
            let names = dataset.systems.map(\.name)
            let suggestion = closest(name, among: names).map { "; did you mean '\($0)'?" } ?? ""
            throw AnalysisError("unknown system '\(name)'\(suggestion) (systems: \(names.isEmpty ? "none" : names.joined(separator: ", ")))")
        }
        return system
    }

    private func computeStatistics(_ metric: any CorpusMetric, system: SystemOutputs) throws -> StatisticsMatrix {
        let n = dataset.count
        var matrix = StatisticsMatrix(rows: n, width: metric.statisticsCount)
        switch metric {
        case is Accuracy, is any ClassCountMetric:
            guard let predicted = system.predictedClass, case .categorical(let gold)? = dataset.label?.storage else {
                throw AnalysisError("\(metric.name) needs a classification dataset with a label column")
            }
            let perClass = !(metric is Accuracy)
            for row in 0 ..< n where system.hasOutput(row) {
                let g = Int(gold.codes[row]), p = Int(predicted[row])
                // No gold label or no prediction: the instance does not count (and `rows`
                // leaves it out of every count), rather than index a class that is not there.
                if g < 0 || p < 0 { continue }
                matrix.withMutableRow(row) { stats in
                    if perClass {
                        ClassCounts.statistics(gold: g, predicted: p, into: stats)
                    } else {
                        Accuracy.statistics(gold: g, predicted: p, into: stats)
                    }
                }
            }
        case let text as any TextPairMetric:
            guard let label = dataset.label else { throw AnalysisError("\(metric.name) needs a reference column") }
            // The reference column as it is stored; a non-text label is rendered once here.
            let references: TextColumn
            if case .text(let stored) = label.storage {
                references = stored
            } else {
                references = TextColumn((0 ..< n).map { label.displayValue($0) })
            }
            let width = metric.statisticsCount
            var values = [Double](repeating: 0, count: n * width)
            values.withUnsafeMutableBufferPointer { buffer in
                let all = UncheckedSendable(buffer)
                parallelChunks(n) { range in
                    for row in range where system.hasOutput(row) {
                        text.statistics(
                            hypothesis: system.output[row], references: [references[row]],
                            into: UnsafeMutableBufferPointer(rebasing: all.value[row * width ..< (row + 1) * width]))
                    }
                }
            }
            matrix = StatisticsMatrix(width: width, values: values)
        default:
            let values = try meanValues(metric.name, system: system)
            for row in 0 ..< n where system.hasOutput(row) && !values[row].isNaN {
                matrix.withMutableRow(row) { stats in
                    stats[0] = values[row]
                    stats[1] = 1
                }
            }
        }
        return matrix
    }

    private func meanValues(_ name: String, system: SystemOutputs) throws -> [Double] {
        if name == "confidence", let confidence = system.confidence { return confidence }
        for column in system.columns + dataset.metadata where column.name == name {
            if case .numeric(let values) = column.storage { return values }
        }
        throw AnalysisError("'\(name)' is not a numeric column of system '\(system.name)'")
    }
}

/// A request the dataset cannot answer (unknown system, metric without a label, ...).
public struct AnalysisError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
