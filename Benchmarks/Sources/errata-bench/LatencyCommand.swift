import ArgumentParser
import ErrataCore
import Foundation
import TerminalUI
import Workbench

/// `errata-bench latency`: keypress-to-frame time of the workbench on a dataset.
///
/// For each key of a fixed script (moving, paging, jumping, switching panes, filtering from the
/// sidebar, typing on the command line, switching the metric with `m`, grouping with `:by`),
/// the time from the key to a finished frame: `update`, `render` into a cell buffer, and the
/// diff against the previous frame (what the backend then writes). Work that passes over the
/// data runs as jobs on the workbench's own `EffectRunner`, off the measured thread, as in the
/// workbench: the frame after the key shows the job's progress line, and the frame that
/// applies its result when it arrives is timed too. Terminal I/O is left out: it depends on
/// the terminal, not on errata.
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
        /// Frames drawn after a key, and after a job's result arrived.
        var frameMs: [String: Double]
        var resultFrameMs: [String: Double]
        /// From the key that started a job to the frame that shows its result, per job label.
        var jobMs: [String: Double]
    }

    func run() throws {
        var roles = ColumnRoles()
        roles.outputs = [("a", "pred_a"), ("b", "pred_b")]
        let analysis = Analysis(dataset: try DatasetLoader.load(file, overrides: roles))
        let inbox = Mailbox()
        let runner = EffectRunner(analysis: analysis) { inbox.post($0) }
        var state = AppState(analysis: analysis, width: width, height: height)
        let clock = ContinuousClock()
        var previous = ScreenBuffer(width: width, height: height)
        var keyFrames: [Double] = [], resultFrames: [Double] = []
        var jobStarts: [Int: (String, ContinuousClock.Instant)] = [:]
        var jobTimes: [String: Double] = [:]

        func frame(_ messages: [Msg]) -> Double {
            var buffer = ScreenBuffer(width: width, height: height)
            var effects: [Effect] = []
            let elapsed = clock.measure {
                for message in messages { effects += update(&state, message) }
                render(state, into: &buffer)
                _ = buffer.changes(from: previous)
            }
            previous = buffer
            for effect in effects {
                if case .run(let id, _) = effect { jobStarts[id] = (state.jobs.first { $0.id == id }?.label ?? "", clock.now) }
                runner.perform(effect)
            }
            return milliseconds(elapsed)
        }
        /// Applies job results as the run loop does, until no job is left.
        func drain() {
            while !state.jobs.isEmpty {
                let messages = inbox.wait()
                resultFrames.append(frame(messages))
                for case .finished(let id, _) in messages {
                    if let (label, start) = jobStarts.removeValue(forKey: id) { jobTimes[label] = milliseconds(clock.now - start) }
                }
            }
        }
        _ = frame([])
        for effect in state.startEffects() { runner.perform(effect) }
        drain()
        for key in Self.script {
            keyFrames.append(frame([.event(.key(key))]))
            drain()
        }
        let report = Report(file: file, instances: analysis.dataset.count, keys: keyFrames.count,
                            frameMs: Self.percentiles(keyFrames), resultFrameMs: Self.percentiles(resultFrames), jobMs: jobTimes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }

    static let script: [Key] = {
        var keys: [Key] = Array(repeating: .down, count: 100) + Array(repeating: .pageDown, count: 20)
        keys += [.end, .home, .tab, .down, .down, .enter, .tab] + Array(repeating: .down, count: 50)
        keys += [.character(":")] + "slice year > 2010".map { .character($0) } + [.enter] + Array(repeating: .pageDown, count: 10)
        keys += [.escape, .character("?"), .character("x"), .enter, .escape]
        keys += [.character("m"), .character("m")]
        keys += [.character(":")] + "by length(text)".map { .character($0) } + [.enter]
        keys += [.character(":")] + "sort delta".map { .character($0) } + [.enter]
        return keys
    }()

    static func percentiles(_ samples: [Double]) -> [String: Double] {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return [:] }
        func at(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))] }
        return ["p50": at(0.5), "p95": at(0.95), "p99": at(0.99), "max": sorted.last!]
    }
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) * 1e-15
}

/// Messages posted by the runner's threads, waited for by the benchmark.
private final class Mailbox: @unchecked Sendable {
    private let condition = NSCondition()
    private var messages: [Msg] = []

    func post(_ message: Msg) {
        condition.lock()
        messages.append(message)
        condition.signal()
        condition.unlock()
    }

    func wait() -> [Msg] {
        condition.lock()
        defer { condition.unlock() }
        while messages.isEmpty { condition.wait() }
        defer { messages.removeAll() }
        return messages
    }
}
