import ArgumentParser
import ErrataCore
import Foundation
import TerminalUI
import Workbench

/// `errata-bench detail-latency`: keypress-to-frame time of the instance view on a
/// translation dataset with error spans on every output.
///
/// Every system's output of every instance gets one rater's spans (raters taken in turn, as
/// in the MQM files, where each output has one rater), `--spans` per output, over its words,
/// the last one overlapping the one before. The script opens an instance, moves the cursor by
/// character and word, steps the focus through every output, marks a span, cycles the
/// annotators shown, steps through instances and scrolls; each key is timed from the key to a
/// finished frame (`update`, `render`, the diff against the previous frame), as `latency`
/// times the table. The conversion of the ratings to tags, done once when the workbench
/// starts, is timed separately.
struct DetailLatencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "detail-latency",
                                                    abstract: "Instance view keypress-to-frame latency with error spans.")

    @Option(help: "A generation dataset (e.g. Datasets/wmt17-en-de).")
    var dataset: String

    @Option(help: "Raters, one per output in turn.")
    var raters = 4

    @Option(help: "Spans per output.")
    var spans = 3

    @Option var width = 120
    @Option var height = 40

    struct Report: Encodable {
        var dataset: String
        var instances: Int
        var systems: Int
        var errors: Int
        var keys: Int
        var startMs: Double
        var frameMs: [String: Double]
    }

    func run() throws {
        var data = try DatasetLoader.load(dataset)
        data.expertRatings = Self.ratings(data, raters: raters, spans: spans)
        let analysis = Analysis(dataset: data)
        let clock = ContinuousClock()
        var state: AppState?
        let start = clock.measure { state = AppState(analysis: analysis, width: width, height: height, annotator: "bench") }
        guard var state else { return }
        var previous = ScreenBuffer(width: width, height: height)
        var frames: [Double] = []
        for key in Self.script(systems: data.systems.count) {
            var buffer = ScreenBuffer(width: width, height: height)
            let elapsed = clock.measure {
                _ = update(&state, .event(.key(key)))
                render(state, into: &buffer)
                _ = buffer.changes(from: previous)
            }
            previous = buffer
            frames.append(milliseconds(elapsed))
        }
        let report = Report(dataset: dataset, instances: data.count, systems: data.systems.count,
                            errors: data.expertRatings.ratings.reduce(0) { $0 + $1.errors.count }, keys: frames.count,
                            startMs: milliseconds(start), frameMs: LatencyCommand.percentiles(frames))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }

    /// Spans over the output's words: the k-th span covers the k-th word of every `spans`-th
    /// stretch, and the last one also the word after it, overlapping the next stretch.
    static func ratings(_ data: Dataset, raters: Int, spans: Int) -> ExpertRatings {
        var ratings: [ExpertRating] = []
        let severities = ["Major", "Minor", "Neutral"]
        for row in 0 ..< data.count {
            for (index, system) in data.systems.enumerated() where system.hasOutput(row) {
                let words = wordRanges(system.output[row])
                let step = max(1, words.count / max(1, spans))
                let errors = (0 ..< spans).compactMap { k -> ExpertError? in
                    guard k * step < words.count else { return nil }
                    let first = words[k * step], last = words[min(words.count - 1, k * step + (k == spans - 1 ? 1 : 0))]
                    return ExpertError(category: "Accuracy/Mistranslation", severity: severities[k % 3],
                                       span: TextSpan(start: first.lowerBound, end: last.upperBound), line: row + 2)
                }
                ratings.append(ExpertRating(instance: data.ids[row], system: system.name, rater: "rater\((row + index) % raters + 1)", errors: errors))
            }
        }
        return ExpertRatings(ratings: ratings)
    }

    /// Scalar ranges of the space-separated words of `text`.
    static func wordRanges(_ text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int?
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalar == " " {
                if let s = start { ranges.append(s ..< offset) }
                start = nil
            } else if start == nil {
                start = offset
            }
        }
        if let s = start { ranges.append(s ..< text.unicodeScalars.count) }
        return ranges
    }

    static func script(systems: Int) -> [Key] {
        var keys: [Key] = [.enter] + Array(repeating: .character("l"), count: 40) + Array(repeating: .character("w"), count: 20)
        keys += Array(repeating: .tab, count: systems) + [.character("v")] + Array(repeating: .character("W"), count: 5) + [.escape]
        keys += Array(repeating: .character("o"), count: 6)
        for _ in 0 ..< 20 { keys += [.character("j"), .character("w"), .tab] }
        keys += Array(repeating: .pageDown, count: 5) + Array(repeating: .pageUp, count: 5) + [.escape]
        return keys
    }
}
