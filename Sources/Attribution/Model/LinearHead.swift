import Foundation

/// A linear classifier on the pooled sentence embedding: `logits = W · pooled + b`, with
/// softmax probabilities. The encoder stays frozen; only this head is trained, and it is
/// stored as a small JSON file:
///
/// ```json
/// {"labels": ["negative", "positive"], "weights": [[...384 values...], [...]], "bias": [0.1, -0.1]}
/// ```
public struct LinearHead: Codable, Sendable, Equatable {
    /// Class names, in the order of the rows of `weights` (optional in the file).
    public var labels: [String]?
    /// `[classes][hidden]`.
    public var weights: [[Float]]
    public var bias: [Float]

    public init(weights: [[Float]], bias: [Float], labels: [String]? = nil) {
        precondition(weights.count == bias.count && !weights.isEmpty, "one bias per class")
        precondition(Set(weights.map(\.count)).count == 1, "every class needs the same width")
        self.weights = weights
        self.bias = bias
        self.labels = labels
    }

    public init(contentsOf url: URL) throws {
        let head = try JSONDecoder().decode(LinearHead.self, from: Data(contentsOf: url))
        guard head.weights.count == head.bias.count, !head.weights.isEmpty,
              Set(head.weights.map(\.count)).count == 1,
              head.labels.map({ $0.count == head.bias.count }) ?? true else {
            throw ModelError.malformed("a head needs one weight row, bias and label per class, rows of equal width", url)
        }
        self = head
    }

    public var classes: Int { bias.count }
    public var inputSize: Int { weights[0].count }

    public func logits(_ pooled: [Float]) -> [Float] {
        precondition(pooled.count == inputSize, "head expects \(inputSize) features, got \(pooled.count)")
        return (0 ..< classes).map { k in
            var sum = Double(bias[k])
            for i in 0 ..< inputSize { sum += Double(weights[k][i]) * Double(pooled[i]) }
            return Float(sum)
        }
    }

    public func probabilities(_ pooled: [Float]) -> [Float] {
        Self.softmax(logits(pooled))
    }

    static func softmax(_ logits: [Float]) -> [Float] {
        let largest = logits.max() ?? 0
        let exps = logits.map { Double(exp($0 - largest)) }
        let total = exps.reduce(0, +)
        return exps.map { Float($0 / total) }
    }

    /// The target's value and its gradient with respect to the pooled embedding.
    /// For a probability `p_c`, `∂p_c/∂z_j = p_c (δ_cj − p_j)`, chained through `W`.
    func targetGradient(_ target: Target, pooled: [Float]) -> (value: Double, logits: [Float], gradient: [Float]) {
        let z = logits(pooled)
        var dLogits = [Double](repeating: 0, count: classes)
        let value: Double
        switch target {
        case let .logit(c):
            precondition(c >= 0 && c < classes, "class \(c) outside the head's \(classes)")
            value = Double(z[c])
            dLogits[c] = 1
        case let .probability(c):
            precondition(c >= 0 && c < classes, "class \(c) outside the head's \(classes)")
            let p = Self.softmax(z).map(Double.init)
            value = p[c]
            for j in 0 ..< classes { dLogits[j] = p[c] * ((j == c ? 1 : 0) - p[j]) }
        }
        let gradient = (0 ..< inputSize).map { i in
            Float((0 ..< classes).reduce(0.0) { $0 + dLogits[$1] * Double(weights[$1][i]) })
        }
        return (value, z, gradient)
    }
}
