import ArgumentParser
import BitCollections
import ErrataCore
import Foundation

/// `errata-bench once`: load one file and compute accuracy of system `a` per genre, once, then
/// print the groups as JSON. A whole process, timed from outside by `rounds.py` beside the same
/// work in pandas, polars and DuckDB (`compare.py --once`), so start-up, the load and the
/// grouping all count, as they do for a user.
struct OnceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "once", abstract: "Load one file and compute accuracy per genre once; print the groups as JSON.")

    @Option(help: "The CSV or JSON Lines classification file.") var file: String

    func run() throws {
        let analysis = Analysis(dataset: try DatasetLoader.load(file))
        let groups = try RunCommand.accuracyPerGroup(analysis)
        struct Output: Encodable { var tool = "errata"; var groups: [String: Double] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(Output(groups: groups)), as: UTF8.self))
    }
}
