import ArgumentParser
import Attribution
import Foundation

/// Times errata's attribution engine on the demo model and writes one JSON report, which
/// `compare.py` reads to run the same workloads on the same inputs in PyTorch.
@main
struct AttributionBench: ParsableCommand {
    enum Workload: String, ExpressibleByArgument, CaseIterable, Codable {
        case forward, ig, permutation, completeness
        /// The single-precision multiply rate at the model's shapes and a large square.
        case multiply
        /// Exact word-level Shapley values of short test sentences, written to `--fixture`.
        case exactFixture = "exact-fixture"
        /// errata's Shapley estimators against the exact values of `--fixture`.
        case shapleyAccuracy = "shapley-accuracy"
        /// The forward pass over perturbation batches in float32 and bf16, and bf16's error.
        case bf16
    }

    static let configuration = CommandConfiguration(
        commandName: "attribution-bench",
        abstract: "Time forward passes, Integrated Gradients and permutation Shapley values; survey IG completeness.")

    @Option(help: "The errata repository (holds Datasets/rotten-tomatoes).")
    var repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../..").standardizedFileURL.path

    @Option(name: .customLong("workload"), help: "A workload to run (repeatable): forward, ig, permutation, completeness, multiply, bf16.")
    var workloads: [Workload] = [.forward, .ig, .permutation]

    @Option(help: "Sentences in the fixed sample timed by ig and permutation.")
    var sample = 50

    @Option(help: "Timed passes per length in forward.")
    var repeats = 30

    @Option(help: "bf16: alternating rounds of float32 and bf16 forward passes.")
    var rounds = 5

    @Option(help: "Orderings k in the permutation budget 2(M + 1)·k.")
    var orderings = 10

    @Option(help: "Completeness: only the first N test sentences; exact-fixture: at most N sentences (default 20).")
    var limit: Int?

    @Option(help: "exact-fixture: sentences of at least this many words; shapley-accuracy: only the fixture's sentences of at least this many.")
    var minWords = 3

    @Option(help: "exact-fixture: sentences of at most this many words.")
    var maxWords = 10

    @Flag(help: "exact-fixture: add the sentences to those already in --fixture (skipping those it holds).")
    var append = false

    @Option(help: "The exact Shapley values: written by exact-fixture, read by shapley-accuracy.")
    var fixture = "Benchmarks/Attribution/fixtures/exact-shapley-words.json"

    @Option(help: "shapley-accuracy: evaluation budgets, comma-separated.")
    var budgets = "128,256,512,1024"

    @Option(help: "shapley-accuracy: seeds per budget.")
    var seeds = 1

    @Option(help: "Write the report here (rewritten at every completeness checkpoint); default standard output.")
    var output: String?

    struct Report: Codable {
        var workloads: [Workload]
        var compute: ComputeEnvironment
        var sampleIndices: [Int]
        var forward: [ForwardLatency.Length]?
        var multiply: [MultiplyRate.Shape]?
        var ig: IntegratedGradientsTiming.Result?
        var permutation: PermutationTiming.Result?
        var completeness: CompletenessSurvey.Result?
        var shapleyAccuracy: [ShapleyAccuracy.Run]?
        var bf16: BFloat16Forward.Result?
    }

    func run() throws {
        let inputs = try BenchmarkInputs(repository: URL(fileURLWithPath: repository))
        let sampleIndices = inputs.sampleIndices(sample)
        var report = Report(workloads: workloads, compute: .current(), sampleIndices: sampleIndices)
        if workloads.contains(.forward) {
            log("forward latency at 8 to 128 tokens")
            report.forward = ForwardLatency(repeats: repeats).run(inputs)
        }
        if workloads.contains(.bf16) {
            log("forward passes over perturbation batches, float32 and bf16")
            report.bf16 = try BFloat16Forward(rounds: rounds).run(inputs)
        }
        if workloads.contains(.multiply) {
            log("matrix products at the model's shapes")
            report.multiply = MultiplyRate().run()
        }
        if workloads.contains(.ig) {
            log("Integrated Gradients on \(sampleIndices.count) sentences")
            report.ig = try IntegratedGradientsTiming().run(inputs, sample: sampleIndices)
        }
        if workloads.contains(.permutation) {
            log("permutation Shapley values on \(sampleIndices.count) sentences")
            report.permutation = try PermutationTiming(orderings: orderings).run(inputs, sample: sampleIndices)
        }
        if workloads.contains(.exactFixture) {
            log("exact word-level Shapley values of test sentences of \(minWords) to \(maxWords) words")
            let existing = append ? try readFixture().sentences : []
            let added = try ShapleyAccuracy.exactFixture(
                inputs, words: minWords ... max(minWords, maxWords), limit: limit ?? 20, existing: Set(existing.map(\.index)))
            let exact = ShapleyAccuracy.fixture(existing + added)
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            try encoder.encode(exact).write(to: URL(fileURLWithPath: fixture), options: .atomic)
        }
        if workloads.contains(.shapleyAccuracy) {
            var exact = try readFixture()
            exact.sentences = exact.sentences.filter { $0.words.count >= minWords }
            log("errata's Shapley estimators on \(exact.sentences.count) sentences of \(fixture)")
            report.shapleyAccuracy = try ShapleyAccuracy.runs(
                inputs, fixture: exact, budgets: budgets.split(separator: ",").compactMap { Int($0) },
                seeds: (1 ... UInt64(max(seeds, 1))).map { $0 })
        }
        if workloads.contains(.completeness) {
            log("IG completeness on \(limit.map { "the first \($0)" } ?? "all") test sentences")
            report.completeness = try CompletenessSurvey().run(inputs, limit: limit) { partial in
                report.completeness = partial
                log("  \(partial.sentencesDone) sentences, \(Int(partial.seconds)) s")
                try write(report, final: false)
            }
        }
        try write(report, final: true)
    }

    private func readFixture() throws -> ShapleyAccuracy.Fixture {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ShapleyAccuracy.Fixture.self, from: Data(contentsOf: URL(fileURLWithPath: fixture)))
    }

    /// Checkpoints go only to a file: standard output gets the one final report.
    private func write(_ report: Report, final: Bool) throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(report)
        if let output {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } else if final {
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }

    private func log(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
