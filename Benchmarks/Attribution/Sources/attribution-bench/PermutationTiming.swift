import Attribution

/// (c) Antithetic permutation Shapley values over word pieces masked with `[MASK]`, at a
/// fixed evaluation budget per sentence.
///
/// The budget is 2(M + 1)·k for M players: given as `max_evals`, it buys shap's Permutation
/// explainer ⌊2(M + 1)k / (2M + 1)⌋ = k orderings with their reverses (2M + 1 evaluations
/// each); errata spends the same budget on ⌊(budget − 2) / 2(M − 1)⌋ pairs, slightly more than
/// k since it evaluates v(∅) and v(N) once rather than once per pair. No convergence test: the
/// whole budget is spent, so both sides do the same amount of model work.
struct PermutationTiming {
    struct Sentence: Codable {
        var index: Int
        var players: Int
        var budget: Int
        var pairs: Int
        var evaluations: Int
        var value: Double
        var baseValue: Double
        var scores: [Double]
        var seconds: Double
    }

    struct Result: Codable {
        /// k in the budget 2(M + 1)·k.
        var orderingsPerBudget: Int
        var masking: String
        /// Coalitions per batch of the encoder.
        var batchSize: Int
        var seed: UInt64
        var seconds: TimingSummary
        var sentences: [Sentence]
    }

    var orderings = 10
    var seed: UInt64 = 1

    func run(_ inputs: BenchmarkInputs, sample: [Int]) throws -> Result {
        let explainer = PermutationShapley()
        _ = try explain(inputs.sentences[sample[0]], index: sample[0], inputs.classifier, explainer)
        let sentences = try sample.map { try explain(inputs.sentences[$0], index: $0, inputs.classifier, explainer) }
        return Result(orderingsPerBudget: orderings, masking: "mask", batchSize: explainer.batchSize, seed: seed,
                      seconds: TimingSummary(sentences.map(\.seconds)), sentences: sentences)
    }

    /// Tokenize, predict, explain the predicted class's probability: the whole request, timed.
    private func explain(_ text: String, index: Int, _ classifier: TextClassifier, _ explainer: PermutationShapley) throws -> Sentence {
        let ((attribution, players, budget, pairs), seconds) = try Stopwatch.time {
            let encoding = classifier.tokenizer.encode(text)
            let probabilities = classifier.head.probabilities(classifier.encoder.forward(batch: [encoding.ids])[0].pooled)
            let predicted = probabilities.indices.max { probabilities[$0] < probabilities[$1] }!
            let players = Players(encoding: encoding, text: text, unit: .tokens)
            let game = ClassifierGame(classifier: classifier, encoding: encoding, players: players,
                                      masking: .mask, target: .probability(predicted))
            let budget = 2 * (players.count + 1) * orderings
            let pairs = max(1, (budget - 2) / (2 * max(players.count - 1, 1)))
            return (try explainer.explain(game, pairs: pairs, seed: seed), players.count, budget, pairs)
        }
        return Sentence(index: index, players: players, budget: budget, pairs: pairs, evaluations: attribution.evaluations,
                        value: attribution.value, baseValue: attribution.baseValue, scores: attribution.scores, seconds: seconds)
    }
}
