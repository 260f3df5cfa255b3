import ArgumentParser
import BitCollections
import ErrataCore
import Foundation

/// `errata-bench rank`: the time to rank every system of a dataset with significance clusters
/// (`errata rank`, the compare view's ranking page), with the per-instance statistics already
/// computed (the workbench has them cached by then): every pair of systems tested.
struct RankBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rank", abstract: "Ranking all systems with clusters.")

    @Option(help: "A dataset folder with errata.json (e.g. Datasets/wmt17-en-de).")
    var dataset: String

    @Option(help: "The metric (default: the dataset's).")
    var metric: String?

    @Option(name: .customLong("repeat"), help: "Timed runs (after one warm-up).") var repeats: Int = 3

    func run() throws {
        let analysis = Analysis(dataset: try DatasetLoader.load(dataset))
        let slice = NamedSlice(name: NamedSlice.allName, rows: BitSet.all(analysis.dataset.count))
        let (timing, ranking) = try Stopwatch.measure(repeats: repeats, warmups: 1) {
            try analysis.ranking(slice: slice, metric: metric)
        }
        print("""
            \(analysis.dataset.name): \(ranking.entries.count) systems, \(ranking.count) instances, \(ranking.metric), \
            \(ranking.pairs.count) pairs × \(ranking.samples) samples, \(ranking.clusterCount) clusters
            ranking: median \(String(format: "%.0f", timing.medianMs)) ms, min \(String(format: "%.0f", timing.minMs)) ms over \(timing.runs) runs
            """)
    }
}
