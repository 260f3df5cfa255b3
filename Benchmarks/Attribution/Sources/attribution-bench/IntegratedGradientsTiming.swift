import Attribution

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
        var seconds: Double
    }

    struct Result: Codable {
        var steps: Int
        var rule: String
        var baseline: String
        /// Gradient points per batch of the encoder.
        var batchSize: Int
        var seconds: TimingSummary
        /// CPU seconds (user and system, both cores) over all the timed sentences.
        var processorSeconds: Double
        var sentences: [Sentence]
    }

    var steps = 50

    func run(_ inputs: BenchmarkInputs, sample: [Int]) throws -> Result {
        let explainer = Explainer(classifier: inputs.classifier)
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
            return Sentence(
                index: index, ids: inputs.classifier.tokenizer.encode(text).ids, target: explanation.target,
                probabilities: explanation.probabilities, value: explanation.value, baseValue: explanation.baseValue,
                delta: explanation.delta, evaluations: explanation.evaluations, scores: explanation.scores, seconds: seconds)
        }
        return Result(steps: steps, rule: "gausslegendre", baseline: "pad", batchSize: IntegratedGradients().batchSize,
                      seconds: TimingSummary(sentences.map(\.seconds)),
                      processorSeconds: Stopwatch.processorSeconds() - processorStart, sentences: sentences)
    }
}
