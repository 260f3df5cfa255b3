import ErrataCore
import Foundation

/// Computes an explanation of a classifier's prediction for one text: the demo's transformer
/// or its bag-of-words model.
public struct Explainer: Sendable {
    /// The core's lists of methods and baselines (one list each, shared with the command line
    /// and the workbench).
    public typealias Method = ExplanationMethod
    public typealias Baseline = ExplanationBaseline

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
        /// The transformer's weight products in the perturbation methods (the Shapley family
        /// and leave-one-out): float32, or bf16 on processors with AVX512-BF16.
        public var precision: ExplanationPrecision = .float32

        public init() {}
    }

    /// The model explained: the transformer classifier (every method), or the bag-of-words
    /// model (the model-agnostic Shapley family only: it has no gradients or attention).
    public enum Model: Sendable {
        case transformer(TextClassifier)
        case bagOfWords(BagOfWordsClassifier)
    }

    public let model: Model
    /// The transformer with bf16 weight products, packed on the first bf16 request.
    private let bf16 = BFloat16Classifier()

    public init(classifier: TextClassifier) {
        model = .transformer(classifier)
    }

    public init(bagOfWords: BagOfWordsClassifier) {
        model = .bagOfWords(bagOfWords)
    }

    /// The class names, in the order of `probabilities`.
    public var labels: [String] {
        switch model {
        case .transformer(let classifier): classifier.labels
        case .bagOfWords(let classifier): classifier.labels
        }
    }

    /// Class probabilities of each text.
    public func probabilities(_ texts: [String]) -> [[Double]] {
        switch model {
        case .transformer(let classifier): classifier.probabilities(texts).map { $0.map(Double.init) }
        case .bagOfWords(let classifier): texts.map(classifier.probabilities)
        }
    }

    /// Whether the model supports `method`: every method on the transformer, the Shapley
    /// family on the bag-of-words model.
    public func supports(_ method: Method) -> Bool {
        if case .transformer = model { return true }
        return method.isModelAgnostic
    }

    /// One text as the explainers see it: its players, its class probabilities, and the
    /// coalition game of a target under a masking.
    struct Subject {
        var players: Players
        var probabilities: [Double]
        var encoding: Encoding?
        /// The coalition game of a target under a masking, with the model's weight products
        /// in a precision (bf16: the transformer only).
        var game: (Target, Masking, ExplanationPrecision) throws -> any CoalitionGame
    }

    func subject(_ text: String, unit: Players.Unit) -> Subject {
        switch model {
        case .transformer(let classifier):
            let encoding = classifier.tokenizer.encode(text)
            let players = Players(encoding: encoding, text: text, unit: unit)
            let probabilities = classifier.head.probabilities(classifier.encoder.forward(batch: [encoding.ids])[0].pooled).map(Double.init)
            return Subject(players: players, probabilities: probabilities, encoding: encoding) { target, masking, precision in
                let model = precision == .float32 ? classifier : try bf16.classifier(from: classifier)
                return ClassifierGame(classifier: model, encoding: encoding, players: players, masking: masking, target: target)
            }
        case .bagOfWords(let classifier):
            let (players, words) = classifier.players(of: text)
            return Subject(players: players, probabilities: classifier.probabilities(text), encoding: nil) { target, _, precision in
                guard precision == .float32 else {
                    throw AttributionError.invalidArgument("--precision \(precision.rawValue) applies to the transformer; the bag-of-words model has no matrix products")
                }
                return BagOfWordsGame(classifier: classifier, words: words, target: target)
            }
        }
    }

    /// The index of the class `name`, or of the most probable class when nil.
    private func targetIndex(_ name: String?, probabilities: [Double]) throws -> Int {
        guard let name else { return probabilities.indices.max { probabilities[$0] < probabilities[$1] }! }
        guard let index = labels.firstIndex(of: name) else {
            throw AttributionError.invalidArgument("unknown class '\(name)' (classes: \(labels.joined(separator: ", ")))")
        }
        return index
    }

    /// Explains the prediction for `text`. Anytime methods (permutation SHAP, KernelSHAP, and
    /// `shap` beyond 10 players) hand `progress` the partial explanation after every batch;
    /// the Shapley family hands `fraction` the share of its evaluations done (of the budget,
    /// of the 2^M coalitions of exact values, or of leave-one-out's M + 2), and Integrated
    /// Gradients the share of its gradient evaluations planned so far (after each batch of
    /// steps). `isCancelled` is asked before every batch of model evaluations (and after each
    /// progress report), and a true answer ends the run with `CancellationError`.
    public func explain(_ text: String, options: Options, progress: (Explanation) -> Void = { _ in },
                        fraction: (Double) -> Void = { _ in },
                        isCancelled: @escaping @Sendable () -> Bool = { false }) throws -> Explanation {
        let subject = subject(text, unit: options.unit)
        let players = subject.players
        let probabilities = subject.probabilities
        let predicted = try targetIndex(nil, probabilities: probabilities)
        let targetIndex = try targetIndex(options.targetClass, probabilities: probabilities)
        let target: Target = options.logit ? .logit(targetIndex) : .probability(targetIndex)
        var explanation = Explanation(
            method: options.method.rawValue, text: text,
            tokens: zip(players.texts, players.offsets).map { .init(text: $0, start: $1.lowerBound, end: $1.upperBound) },
            scores: [], value: 0, prediction: labels[predicted],
            probabilities: Dictionary(uniqueKeysWithValues: zip(labels, probabilities)),
            target: labels[targetIndex], output: options.logit ? "logit" : "probability", evaluations: 0)
        if options.method.isModelAgnostic {
            let game = CancellableGame(try subject.game(target, options.masking, options.precision), isCancelled: isCancelled)
            let partial = explanation
            let (attribution, converged) = try shapley(game, options: options, fraction: fraction) { estimate in
                var update = partial
                update.apply(estimate)
                progress(update)
                fraction(min(1, Double(estimate.evaluations) / Double(max(1, options.budget))))
                if isCancelled() { throw CancellationError() }
            }
            explanation.apply(attribution)
            explanation.converged = converged
            if options.precision != .float32 {
                // f(x) in float32 (one more forward pass) against v(N), which the game computed.
                let everyone = [Bool](repeating: true, count: players.count)
                let reference = try subject.game(target, options.masking, .float32).values(of: [everyone])[0]
                explanation.precision = options.precision
                explanation.precisionError = abs(attribution.value - reference)
            }
            return explanation
        }
        guard options.precision == .float32 else {
            throw AttributionError.invalidArgument("--precision \(options.precision.rawValue) applies to the perturbation methods (shap, kernelshap, permutation, exact, loo); \(options.method.rawValue) runs in float32")
        }
        guard case .transformer(let classifier) = model, let encoding = subject.encoding else {
            throw AttributionError.invalidArgument("the bag-of-words model has no gradients or attention: \(options.method.rawValue) needs them; use shap, kernelshap, permutation, exact or loo")
        }
        if options.method == .attention || options.method == .rollout {
            try attentionExplanation(&explanation, classifier: classifier, encoding: encoding, players: players, options: options)
            explanation.value = options.logit
                ? Double(classifier.head.logits(classifier.encoder.forward(batch: [encoding.ids])[0].pooled)[targetIndex])
                : probabilities[targetIndex]
        } else {
            try gradientExplanation(&explanation, classifier: classifier, encoding: encoding, players: players, target: target,
                                    options: options, fraction: fraction, isCancelled: isCancelled)
        }
        return explanation
    }

    /// Coalitions per batch of permutation sampling, and so between its progress reports: a
    /// quarter of the sampler's default, so that scores visibly settle in the workbench, while
    /// 256 masked sentences are still one large product per weight matrix.
    static let permutationBatch = 256

    /// The Shapley family on `game`, and whether an anytime run converged (nil for the
    /// deterministic methods).
    private func shapley(_ game: some CoalitionGame, options: Options, fraction: (Double) -> Void,
                         progress: (Attribution) throws -> Void) throws -> (Attribution, converged: Bool?) {
        let rule = StoppingRule(evaluationBudget: options.budget)
        let coalitions = Double(1 << min(game.playerCount, 62))
        func exact() throws -> Attribution {
            try ExactShapley().explain(game) { fraction(Double($0) / coalitions) }
        }
        switch options.method {
        case .exact: return (try exact(), nil)
        case .loo:
            // Batches as permutation sampling's, so a long text reports progress (and a batch of
            // 512-token coalitions stays as large as theirs).
            let evaluations = Double(game.playerCount + 2)
            return (try LeaveOneOut(batchSize: Self.permutationBatch).explain(game) { fraction(Double($0) / evaluations) }, nil)
        case .kernelshap:
            let run = try KernelSHAP().explain(game, until: rule, seed: options.seed, progress: progress)
            return (run.attribution, run.converged)
        case .shap where game.playerCount <= 10:
            return (try exact(), nil)
        default:
            let run = try PermutationShapley(batchSize: Self.permutationBatch).explain(game, until: rule, seed: options.seed, progress: progress)
            return (run.attribution, run.converged)
        }
    }

    /// Comprehensiveness and sufficiency of `scores` (one per player of `text` under
    /// `options.unit`) for the class `target`, hiding players with `options.masking`.
    public func faithfulness(of scores: [Double], text: String, target: String, options: Options) throws -> FaithfulnessScores {
        let subject = subject(text, unit: options.unit)
        let index = try targetIndex(target, probabilities: subject.probabilities)
        return try Faithfulness(of: scores, probabilities: subject.game(.probability(index), options.masking, .float32))
    }

    /// Head importance (Michel et al. 2019) over `texts`: the mean of |∂target/∂g_h| at
    /// every gate open, for each text's predicted class (or `options.targetClass`), as a
    /// probability or (with `options.logit`) a logit. [layer][head].
    /// `progress` receives the fraction of texts done.
    public func headImportance(_ texts: [String], options: Options, progress: (Double) -> Void = { _ in },
                               isCancelled: @Sendable () -> Bool = { false }) throws -> [[Double]] {
        guard case .transformer(let classifier) = model else {
            throw AttributionError.invalidArgument("the bag-of-words model has no attention heads")
        }
        var gradients: [[[Double]]] = []
        for text in texts {
            if isCancelled() { throw CancellationError() }
            let ids = classifier.tokenizer.encode(text).ids
            let probabilities = classifier.head.probabilities(classifier.encoder.forward(batch: [ids])[0].pooled).map(Double.init)
            let index = try targetIndex(options.targetClass, probabilities: probabilities)
            let gates = classifier.encoder.gradient(
                of: options.logit ? .logit(index) : .probability(index), head: classifier.head,
                inputs: [EncoderInput(wordEmbeddings: classifier.encoder.embeddings(tokenIds: ids))])[0].headGateGradient
            gradients.append((0 ..< gates.layers).map { l in (0 ..< gates.heads).map { Double(gates[l, $0]) } })
            progress(Double(gradients.count) / Double(texts.count))
        }
        return try HeadImportance.scores(gateGradients: gradients)
    }

    /// Groups the embedding dimensions by player, with `[CLS]`, `[SEP]` (and any token outside
    /// the players) as groups of their own, dropped from the result.
    private func groups(_ encoding: Encoding, _ players: Players, hidden: Int) throws -> (FeatureGroups, playerGroups: [Int]) {
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

    private func gradientExplanation(_ explanation: inout Explanation, classifier: TextClassifier, encoding: Encoding, players: Players,
                                     target: Target, options: Options, fraction: (Double) -> Void,
                                     isCancelled: @escaping @Sendable () -> Bool) throws {
        let function = CancellableFunction(ClassifierFunction(classifier: classifier, tokens: encoding.count, target: target),
                                           isCancelled: isCancelled)
        let input = classifier.encoder.embeddings(tokenIds: encoding.ids).values.map(Double.init)
        let (groups, playerGroups) = try groups(encoding, players, hidden: classifier.encoder.config.hiddenSize)
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
            let ig = IntegratedGradients(rule: options.rule, batchSize: ClassifierFunction.pointsPerBatch(tokens: encoding.count))
            let progress = { (evaluated: Int, planned: Int) in fraction(Double(evaluated) / Double(planned)) }
            let result = if let steps = options.steps {
                try ig.explain(function, input: input, baseline: baseline, groups: groups, steps: steps, progress: progress)
            } else {
                try ig.explainAdaptively(function, input: input, baseline: baseline, groups: groups, initialSteps: 16, progress: progress)
            }
            explanation.scores = playerGroups.map { result.attribution.scores[$0] }
            explanation.baseValue = result.attribution.baseValue
            explanation.value = result.attribution.value
            explanation.delta = result.attribution.delta
            explanation.steps = result.steps
            explanation.evaluations = result.attribution.evaluations
        }
    }

    /// Every layer's and head's attention for `text`, from one forward pass.
    public func attention(_ text: String) throws -> AttentionGrids {
        guard case .transformer(let classifier) = model else {
            throw AttributionError.invalidArgument("the bag-of-words model has no attention")
        }
        return try attention(classifier.tokenizer.encode(text), classifier: classifier)
    }

    private func attention(_ encoding: Encoding, classifier: TextClassifier) throws -> AttentionGrids {
        guard let maps = classifier.encoder.forward(batch: [encoding.ids], returnAttentions: true)[0].attentions else {
            throw AttributionError.invalidArgument("the encoder returned no attention")
        }
        return try AttentionGrids(layers: maps.layers, heads: maps.heads, tokens: encoding.tokens, values: maps.values)
    }

    private func attentionExplanation(_ explanation: inout Explanation, classifier: TextClassifier, encoding: Encoding,
                                      players: Players, options: Options) throws {
        let grids = try attention(encoding, classifier: classifier)
        let n = grids.tokens.count
        let result: [[Double]]
        if options.method == .rollout {
            result = grids.rollout()
        } else {
            let layer = options.layer ?? grids.layers - 1
            guard (0 ..< grids.layers).contains(layer) else {
                throw AttributionError.invalidArgument("layer \(layer) out of 0..\(grids.layers - 1)")
            }
            if let head = options.head {
                guard (0 ..< grids.heads).contains(head) else {
                    throw AttributionError.invalidArgument("head \(head) out of 0..\(grids.heads - 1)")
                }
                result = grids.map(layer: layer, head: head)
            } else {
                result = grids.headAverage(layer: layer)
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
        explanation.matrixTokens = grids.tokens
        explanation.evaluations = 1
    }
}

extension Explanation {
    /// Takes the scores and the quantities around them from a Shapley-family attribution.
    mutating func apply(_ attribution: Attribution) {
        scores = attribution.scores
        se = attribution.standardErrors
        baseValue = attribution.baseValue
        value = attribution.value
        delta = attribution.delta
        evaluations = attribution.evaluations
    }
}
