import Attribution
import Foundation

/// (b) Integrated Gradients as `errata attribute --method ig` runs it: tokenize, predict,
/// then 50 Gauss-Legendre steps from the `[PAD]` baseline, per sentence of the sample.
struct IntegratedGradientsTiming {
    struct Sentence: Codable {
        var index: Int
        var ids: [Int32]
        var target: String
        var probabilities: [String: Double]
        var value: Double
        var baseValue: Double?
        var delta: Double?
        var evaluations: Int
        /// One score per word piece, `[CLS]` and `[SEP]` excluded.
        var scores: [Double]
        /// Gradient points per encoder call for this sentence (`ClassifierFunction.pointsPerBatch`).
        var batchSize: Int
        /// Operations of the matrix products: the prediction's forward pass and every gradient
        /// evaluation (`ModelFlops`).
        var flops: Double
        var seconds: Double
    }

    struct Result: Codable {
        var steps: Int
        var rule: String
        var baseline: String
        /// Rows (tokens of all points) per encoder call; each sentence records its points per call.
        var rowsPerBatch: Int
        var seconds: TimingSummary
        /// CPU seconds (user and system, both cores) over all the timed sentences.
        var processorSeconds: Double
        /// The sentences' operations over their total wall time, and over the CPU seconds
        /// spread on the cores (what a shared machine inflates less), in GFLOP/s.
        var gigaflopsPerSecond: Double
        var gigaflopsPerProcessorSecondPerCore: Double
        var sentences: [Sentence]
    }

    var steps = 50

    func run(_ inputs: BenchmarkInputs, sample: [Int]) throws -> Result {
        let explainer = Explainer(classifier: inputs.classifier)
        let config = inputs.classifier.encoder.config
        var options = Explainer.Options()
        options.method = .ig
        options.steps = steps
        options.rule = .gaussLegendre
        options.baseline = .pad
        _ = try explainer.explain(inputs.sentences[sample[0]], options: options)
        let processorStart = Stopwatch.processorSeconds()
        let sentences = try sample.map { index in
            let text = inputs.sentences[index]
            let (explanation, seconds) = try Stopwatch.time { try explainer.explain(text, options: options) }
            let ids = inputs.classifier.tokenizer.encode(text).ids
            return Sentence(
                index: index, ids: ids, target: explanation.target,
                probabilities: explanation.probabilities, value: explanation.value, baseValue: explanation.baseValue,
                delta: explanation.delta, evaluations: explanation.evaluations, scores: explanation.scores,
                batchSize: ClassifierFunction.pointsPerBatch(tokens: ids.count),
                flops: ModelFlops.forward(config, tokens: ids.count)
                    + Double(explanation.evaluations) * ModelFlops.gradient(config, tokens: ids.count),
                seconds: seconds)
        }
        let processorSeconds = Stopwatch.processorSeconds() - processorStart
        let flops = sentences.reduce(0) { $0 + $1.flops }, cores = Double(ProcessInfo.processInfo.activeProcessorCount)
        return Result(steps: steps, rule: "gausslegendre", baseline: "pad", rowsPerBatch: ClassifierFunction.rowsPerBatch,
                      seconds: TimingSummary(sentences.map(\.seconds)), processorSeconds: processorSeconds,
                      gigaflopsPerSecond: flops / sentences.reduce(0) { $0 + $1.seconds } / 1e9,
                      gigaflopsPerProcessorSecondPerCore: flops / (processorSeconds / cores) / 1e9, sentences: sentences)
    }
}
