import ArgumentParser
import ErrataCore
import Foundation
import TerminalUI
import Workbench

/// `errata-bench latency`: keypress-to-frame time of the workbench on a dataset.
///
/// For each key of a fixed script (moving, paging, jumping, switching panes, filtering from the
/// sidebar, typing on the command line), the time from the key to a finished frame: `update`,
/// `render` into a cell buffer, and the diff against the previous frame (what the backend then
/// writes). Terminal I/O is left out: it depends on the terminal, not on errata. Sorts, which
/// run off the UI thread with a progress message, are timed separately.
struct LatencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "latency", abstract: "Workbench keypress-to-frame latency.")

    @Option(help: "A classification file from errata-bench generate.")
    var file: String

    @Option(help: "Screen width and height.")
    var width = 120
    @Option var height = 40

    struct Report: Encodable {
        var file: String
        var instances: Int
        var keys: Int
        var frameMs: [String: Double]
        var sortMs: Double
        var sortedRows: Int
    }

    func run() throws {
        var roles = ColumnRoles()
        roles.outputs = [("a", "pred_a"), ("b", "pred_b")]
        let analysis = Analysis(dataset: try DatasetLoader.load(file, overrides: roles))
        var state = AppState(analysis: analysis, width: width, height: height)
        var keys: [Key] = Array(repeating: .down, count: 100) + Array(repeating: .pageDown, count: 20)
        keys += [.end, .home, .tab, .down, .down, .enter, .tab] + Array(repeating: .down, count: 50)
        keys += [.character(":")] + "slice year > 2010".map { .character($0) } + [.enter] + Array(repeating: .pageDown, count: 10)
        keys += [.escape, .character("?"), .character("x"), .enter, .escape]
        var previous = ScreenBuffer(width: width, height: height)
        render(state, into: &previous)
        var samples: [Double] = []
        let clock = ContinuousClock()
        for key in keys {
            var frame = ScreenBuffer(width: width, height: height)
            let elapsed = clock.measure {
                _ = update(&state, .event(.key(key)))
                render(state, into: &frame)
                _ = frame.changes(from: previous)
            }
            previous = frame
            samples.append(Double(elapsed.components.attoseconds) * 1e-15 + Double(elapsed.components.seconds) * 1e3)
        }
        samples.sort()
        func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count - 1) * p))] }
        let rows = state.rows
        let sortStart = clock.now
        let sorted = sortedRows(rows, by: .init(column: .difference("a", "b"), descending: true), analysis: analysis, metric: state.metric)
        let sortMs = Double((clock.now - sortStart).components.attoseconds) * 1e-15 + Double((clock.now - sortStart).components.seconds) * 1e3
        let report = Report(file: file, instances: analysis.dataset.count, keys: samples.count,
                            frameMs: ["p50": percentile(0.5), "p95": percentile(0.95), "max": samples.last ?? 0],
                            sortMs: sortMs, sortedRows: sorted.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }
}
