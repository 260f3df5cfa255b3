import Foundation

/// Computes an explanation of the demo classifier's prediction for one text.
public struct Explainer: Sendable {
    public enum Method: String, Sendable, CaseIterable {
        /// Shapley values by the best method for the size: exact up to 10 players, else
        /// antithetic permutation sampling until the standard errors are small.
        case shap
        case kernelshap, permutation, exact, loo
        case grad, gxi, ig
        case attention, rollout
    }

    /// Integrated Gradients baseline: the word embedding of [PAD] or [MASK] at every player,
    /// or the zero vector.
    public enum Baseline: String, Sendable, CaseIterable {
        case pad, mask, zero
    }

    public struct Options: Sendable {
        public var method: Method = .shap
        /// The explained class (default: the predicted one).
        public var targetClass: String?
        public var logit = false
        public var unit: Players.Unit = .tokens
        public var masking: Masking = .mask
        public var baseline: Baseline = .pad
        /// Integrated Gradients steps; nil means adaptive (doubling from 16 until |delta| <= 1%).
        public var steps: Int? = 50
        public var rule: QuadratureRule = .gaussLegendre
        /// Evaluation budget of sampling methods.
        public var budget = 2000
        public var seed: UInt64 = 1
        /// Attention: the layer (default the last) and head (default the average of all).
        public var layer: Int?
        public var head: Int?

        public init() {}
    }

    public let classifier: TextClassifier

    public init(classifier: TextClassifier) {
        self.classifier = classifier
    }

    public func explain(_ text: String, options: Options, progress: (Attribution) throws -> Void = { _ in }) throws -> Explanation {
        let encoding = classifier.tokenizer.encode(text)
        let players = Players(encoding: encoding, text: text, unit: options.unit)
        let labels = classifier.labels
        let probabilities = classifier.head.probabilities(classifier.encoder.forward(batch: [encoding.ids])[0].pooled)
        let predicted = probabilities.indices.max { probabilities[$0] < probabilities[$1] }!
        let targetIndex: Int
        if let name = options.targetClass {
            guard let index = labels.firstIndex(of: name) else {
                throw AttributionError.invalidArgument("unknown class '\(name)' (classes: \(labels.joined(separator: ", ")))")
            }
            targetIndex = index
        } else {
            targetIndex = predicted
        }
        let target: Target = options.logit ? .logit(targetIndex) : .probability(targetIndex)
        var explanation = Explanation(
            method: options.method.rawValue, text: text,
            tokens: zip(players.texts, players.offsets).map { .init(text: $0, start: $1.lowerBound, end: $1.upperBound) },
            scores: [], se: nil, baseValue: nil, value: 0, prediction: labels[predicted],
            probabilities: Dictionary(uniqueKeysWithValues: zip(labels, probabilities.map(Double.init))),
            target: labels[targetIndex], output: options.logit ? "logit" : "probability", delta: nil, steps: nil,
            evaluations: 0, converged: nil, matrix: nil, matrixTokens: nil, layer: nil, head: nil)
        switch options.method {
        case .shap, .kernelshap, .permutation, .exact, .loo:
            let game = ClassifierGame(classifier: classifier, encoding: encoding, players: players, masking: options.masking, target: target)
            let rule = StoppingRule(evaluationBudget: options.budget)
            var attribution: Attribution
            switch options.method {
            case .exact: attribution = try ExactShapley().explain(game)
            case .loo: attribution = try LeaveOneOut().explain(game)
            case .kernelshap:
                let run = try KernelSHAP().explain(game, until: rule, seed: options.seed, progress: progress)
                attribution = run.attribution
                explanation.converged = run.converged
            case .permutation:
                let run = try PermutationShapley().explain(game, until: rule, seed: options.seed, progress: progress)
                attribution = run.attribution
                explanation.converged = run.converged
            default:
                if players.count <= 10 {
                    attribution = try ExactShapley().explain(game)
                } else {
                    let run = try PermutationShapley().explain(game, until: rule, seed: options.seed, progress: progress)
                    attribution = run.attribution
                    explanation.converged = run.converged
                }
            }
            explanation.scores = attribution.scores
            explanation.se = attribution.standardErrors
            explanation.baseValue = attribution.baseValue
            explanation.value = attribution.value
            explanation.delta = attribution.delta
            explanation.evaluations = attribution.evaluations
        case .grad, .gxi, .ig:
            try gradientExplanation(&explanation, encoding: encoding, players: players, target: target, options: options)
        case .attention, .rollout:
            try attentionExplanation(&explanation, encoding: encoding, players: players, options: options)
            explanation.value = Double(options.logit ? classifier.head.logits(classifier.encoder.forward(batch: [encoding.ids])[0].pooled)[targetIndex]
                                                     : probabilities[targetIndex])
        }
        return explanation
    }

    /// Groups the embedding dimensions by player, with `[CLS]`, `[SEP]` (and any token outside
    /// the players) as groups of their own, dropped from the result.
    private func groups(_ encoding: Encoding, _ players: Players) throws -> (FeatureGroups, playerGroups: [Int]) {
        let hidden = classifier.encoder.config.hiddenSize
        var ranges: [Range<Int>] = []
        var playerGroups: [Int] = []
        var position = 0
        for tokens in players.tokenRanges {
            while position < tokens.lowerBound {
                ranges.append(position * hidden ..< (position + 1) * hidden)
                position += 1
            }
            playerGroups.append(ranges.count)
            ranges.append(tokens.lowerBound * hidden ..< tokens.upperBound * hidden)
            position = tokens.upperBound
        }
        while position < encoding.count {
            ranges.append(position * hidden ..< (position + 1) * hidden)
            position += 1
        }
        return (try FeatureGroups(ranges, dimension: encoding.count * hidden), playerGroups)
    }

    private func gradientExplanation(_ explanation: inout Explanation, encoding: Encoding, players: Players, target: Target, options: Options) throws {
        let function = ClassifierFunction(classifier: classifier, tokens: encoding.count, target: target)
        let input = classifier.encoder.embeddings(tokenIds: encoding.ids).values.map(Double.init)
        let (groups, playerGroups) = try groups(encoding, players)
        switch options.method {
        case .grad, .gxi:
            let saliency = try GradientSaliency(of: function, at: input, groups: groups)
            let perGroup = options.method == .grad ? saliency.gradientNorms : saliency.groupGradientTimesInput
            explanation.scores = playerGroups.map { perGroup[$0] }
            explanation.value = saliency.value
            explanation.evaluations = 1
        default:
            var baseline = input
            let hidden = classifier.encoder.config.hiddenSize
            let replacement: [Double]? = switch options.baseline {
            case .pad: classifier.encoder.embeddings(tokenIds: [classifier.tokenizer.padID]).values.map(Double.init)
            case .mask: classifier.encoder.embeddings(tokenIds: [classifier.tokenizer.maskID]).values.map(Double.init)
            case .zero: nil
            }
            for tokens in players.tokenRanges {
                for position in tokens {
                    for d in 0 ..< hidden { baseline[position * hidden + d] = replacement?[d] ?? 0 }
                }
            }
            let ig = IntegratedGradients(rule: options.rule)
            let result = if let steps = options.steps {
                try ig.explain(function, input: input, baseline: baseline, groups: groups, steps: steps)
            } else {
                try ig.explainAdaptively(function, input: input, baseline: baseline, groups: groups, initialSteps: 16)
            }
            explanation.scores = playerGroups.map { result.attribution.scores[$0] }
            explanation.baseValue = result.attribution.baseValue
            explanation.value = result.attribution.value
            explanation.delta = result.attribution.delta
            explanation.steps = result.steps
            explanation.evaluations = result.attribution.evaluations
        }
    }

    private func attentionExplanation(_ explanation: inout Explanation, encoding: Encoding, players: Players, options: Options) throws {
        guard let maps = classifier.encoder.forward(batch: [encoding.ids], returnAttentions: true)[0].attentions else {
            throw AttributionError.invalidArgument("the encoder returned no attention")
        }
        let n = maps.tokens
        func matrix(_ layer: Int, _ head: Int) -> [[Double]] {
            (0 ..< n).map { q in (0 ..< n).map { k in Double(maps[layer: layer, head: head, query: q, key: k]) } }
        }
        func layerHeads(_ layer: Int) -> [[[Double]]] { (0 ..< maps.heads).map { matrix(layer, $0) } }
        let result: [[Double]]
        if options.method == .rollout {
            result = try AttentionRollout.rollout((0 ..< maps.layers).map(layerHeads))
        } else {
            let layer = options.layer ?? maps.layers - 1
            guard (0 ..< maps.layers).contains(layer) else {
                throw AttributionError.invalidArgument("layer \(layer) out of 0..\(maps.layers - 1)")
            }
            if let head = options.head {
                guard (0 ..< maps.heads).contains(head) else {
                    throw AttributionError.invalidArgument("head \(head) out of 0..\(maps.heads - 1)")
                }
                result = matrix(layer, head)
            } else {
                result = try AttentionRollout.headAverage(layerHeads(layer))
            }
            explanation.layer = layer
            explanation.head = options.head
        }
        // A player's score: the attention its tokens receive, averaged over every query
        // position (mean pooling reads all of them). A summary of where the model looks, not a
        // causal attribution ("attention is not explanation", Jain & Wallace 2019).
        explanation.scores = players.tokenRanges.map { tokens in
            tokens.reduce(0) { sum, key in sum + (0 ..< n).reduce(0) { $0 + result[$1][key] } / Double(n) }
        }
        explanation.matrix = result
        explanation.matrixTokens = encoding.tokens
        explanation.evaluations = 1
    }
}
