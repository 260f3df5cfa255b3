import Attribution
import ErrataCore
import Foundation

/// Accuracy per second of Shapley estimation (issue: "explanations by accuracy per second").
///
/// `exact-fixture` computes exact word-level Shapley values (2^M evaluations, `[MASK]` at the
/// hidden words' pieces, the predicted class's probability) of the test sentences with at most
/// `maxWords` words, once, into a fixture; `shapley-accuracy` runs errata's estimators on the
/// same games at several budgets and reports, per run, the mean squared error to the exact
/// values, wall and CPU seconds, and how often |phi - exact| <= 2 SE.
struct ShapleyAccuracy {
    struct ExactSentence: Codable {
        var index: Int
        var text: String
        var words: [String]
        /// The token ids of the sentence and each word's token positions [start, end): what
        /// the Python side needs to mask the same pieces.
        var ids: [Int32]
        var tokenRanges: [[Int]]
        var target: String
        var values: [Double]
        var baseValue: Double
        var value: Double
        var evaluations: Int
        var seconds: Double
    }

    struct Fixture: Codable {
        var model: String
        var masking: String
        var unit: String
        var output: String
        var sentences: [ExactSentence]
    }

    struct Run: Codable {
        var index: Int
        var players: Int
        var method: String
        var budget: Int
        var seed: UInt64
        var evaluations: Int
        var meanSquaredError: Double
        /// Share of words with |phi - exact| <= 2 SE (nil without standard errors).
        var coverage: Double?
        var seconds: Double
        var processorSeconds: Double
    }

    static func options(_ method: ExplanationMethod, budget: Int = 2000, seed: UInt64 = 1) -> Explainer.Options {
        var options = Explainer.Options()
        options.method = method
        options.unit = .words
        options.masking = .mask
        options.budget = budget
        options.seed = seed
        return options
    }

    /// Exact values of the first `limit` test sentences with `words` words, skipping those
    /// already in `existing`.
    static func exactFixture(_ inputs: BenchmarkInputs, words: ClosedRange<Int>, limit: Int, existing: Set<Int> = []) throws -> [ExactSentence] {
        let explainer = Explainer(classifier: inputs.classifier)
        var sentences: [ExactSentence] = []
        for (index, text) in inputs.sentences.enumerated() where sentences.count < limit && !existing.contains(index) {
            let encoding = inputs.classifier.tokenizer.encode(text)
            let players = Players(encoding: encoding, text: text, unit: .words)
            guard words.contains(players.count) else { continue }
            let (explanation, seconds) = try Stopwatch.time { try explainer.explain(text, options: options(.exact)) }
            sentences.append(ExactSentence(
                index: index, text: text, words: explanation.tokens.map(\.text), ids: encoding.ids,
                tokenRanges: players.tokenRanges.map { [$0.lowerBound, $0.upperBound] }, target: explanation.target,
                values: explanation.scores, baseValue: explanation.baseValue ?? .nan, value: explanation.value,
                evaluations: explanation.evaluations, seconds: seconds))
        }
        return sentences
    }

    static func fixture(_ sentences: [ExactSentence]) -> Fixture {
        Fixture(model: "all-MiniLM-L6-v2 + Datasets/rotten-tomatoes/models/minilm-head.json", masking: "mask",
                unit: "words", output: "probability of the predicted class", sentences: sentences)
    }

    /// An error this small is rounding, not sampling: an exact estimate (KernelSHAP with every
    /// coalition enumerated) reports an SE of 0 and still counts as covered.
    static let roundingTolerance = 1e-9

    /// errata's permutation sampling and KernelSHAP at each budget on every fixture sentence.
    static func runs(_ inputs: BenchmarkInputs, fixture: Fixture, budgets: [Int], seeds: [UInt64]) throws -> [Run] {
        let explainer = Explainer(classifier: inputs.classifier)
        var runs: [Run] = []
        for sentence in fixture.sentences {
            for method in [ExplanationMethod.permutation, .kernelshap] {
                for budget in budgets {
                    for seed in seeds {
                        var options = options(method, budget: budget, seed: seed)
                        options.targetClass = sentence.target
                        let processorStart = Stopwatch.processorSeconds()
                        let (explanation, seconds) = try Stopwatch.time { try explainer.explain(sentence.text, options: options) }
                        let errors = zip(explanation.scores, sentence.values).map { $0 - $1 }
                        let coverage = explanation.se.map { se in
                            Double(zip(errors, se).filter { abs($0) <= 2 * $1 + roundingTolerance }.count) / Double(max(errors.count, 1))
                        }
                        runs.append(Run(index: sentence.index, players: sentence.words.count, method: method.rawValue, budget: budget, seed: seed,
                                        evaluations: explanation.evaluations,
                                        meanSquaredError: errors.map { $0 * $0 }.reduce(0, +) / Double(max(errors.count, 1)),
                                        coverage: coverage, seconds: seconds,
                                        processorSeconds: Stopwatch.processorSeconds() - processorStart))
                    }
                }
            }
        }
        return runs
    }
}
