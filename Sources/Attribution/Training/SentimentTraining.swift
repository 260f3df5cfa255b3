import ErrataCore
import Foundation

/// Trains the demo's two sentiment systems on a training split: a logistic-regression head on
/// frozen MiniLM sentence embeddings, and bag-of-words logistic regression.
///
/// The L2 penalty of each is chosen on a validation part of the training split (a seeded
/// random tenth), then the model is refitted on the whole split. Everything is deterministic
/// given the seed.
public struct SentimentTraining: Sendable {
    public static let penalties = [1e-4, 1e-3, 1e-2, 1e-1]

    public struct Report: Sendable {
        public var system: String
        /// Validation accuracy for each penalty tried.
        public var validation: [(l2: Double, accuracy: Double)]
        public var chosen: Double
    }

    public let seed: UInt64
    public let validationShare: Double

    public init(seed: UInt64 = 1, validationShare: Double = 0.1) {
        self.seed = seed
        self.validationShare = validationShare
    }

    /// Splits `count` training rows into fit and validation parts.
    func split(_ count: Int) -> (fit: [Int], validation: [Int]) {
        var generator = SeededGenerator(seed: seed)
        var order = Array(0 ..< count)
        for i in stride(from: count - 1, to: 0, by: -1) { order.swapAt(i, generator.nextIndex(below: i + 1)) }
        let cut = Int((Double(count) * validationShare).rounded())
        return (Array(order[cut...]).sorted(), Array(order[..<cut]).sorted())
    }

    /// Chooses the penalty on the validation part and refits on everything.
    public func fit(system: String, features: [SparseFeatures], labels: [Int], classCount: Int, featureCount: Int,
                    steps: Int) -> (head: (weights: [[Float]], bias: [Float]), report: Report) {
        let (fitRows, validationRows) = split(features.count)
        var scores: [(l2: Double, accuracy: Double)] = []
        for l2 in Self.penalties {
            let model = LogisticRegression(l2: l2, steps: steps)
                .fit(fitRows.map { features[$0] }, labels: fitRows.map { labels[$0] }, classCount: classCount, featureCount: featureCount)
            let correct = validationRows.filter { Self.predict(features[$0], model) == labels[$0] }.count
            scores.append((l2, Double(correct) / Double(max(1, validationRows.count))))
        }
        let best = scores.max { $0.accuracy < $1.accuracy || ($0.accuracy == $1.accuracy && $0.l2 < $1.l2) }!
        let head = LogisticRegression(l2: best.l2, steps: steps).fit(features, labels: labels, classCount: classCount, featureCount: featureCount)
        return (head, Report(system: system, validation: scores, chosen: best.l2))
    }

    /// The most probable class.
    public static func predict(_ x: SparseFeatures, _ model: (weights: [[Float]], bias: [Float])) -> Int {
        probabilities(x, model).enumerated().max { $0.element < $1.element }!.offset
    }

    public static func probabilities(_ x: SparseFeatures, _ model: (weights: [[Float]], bias: [Float])) -> [Double] {
        softmax(logits(x, model))
    }

    /// W x + b, summing only the features present.
    public static func logits(_ x: SparseFeatures, _ model: (weights: [[Float]], bias: [Float])) -> [Double] {
        model.weights.indices.map { c in
            zip(x.indices, x.values).reduce(Double(model.bias[c])) { $0 + Double(model.weights[c][Int($1.0)]) * Double($1.1) }
        }
    }
}

/// The bag-of-words system as stored: its vocabulary and its head.
public struct BagOfWordsClassifier: Codable, Sendable {
    public var vocabulary: BagOfWords
    public var head: LinearHead

    public init(vocabulary: BagOfWords, head: LinearHead) {
        self.vocabulary = vocabulary
        self.head = head
    }

    public func probabilities(_ text: String) -> [Double] {
        SentimentTraining.probabilities(vocabulary.features(text), (head.weights, head.bias))
    }

    public func logits(_ features: SparseFeatures) -> [Double] {
        SentimentTraining.logits(features, (head.weights, head.bias))
    }
}
