import Foundation

/// Multinomial logistic regression with an L2 penalty, trained full-batch with Adam.
///
/// Full-batch and a fixed number of steps make training deterministic: the same data and
/// settings give the same weights on every machine, which is what lets the trained heads and
/// their predictions be committed and reproduced.
public struct LogisticRegression: Sendable {
    public var l2: Double
    public var steps: Int
    public var learningRate: Double

    public init(l2: Double, steps: Int = 400, learningRate: Double = 0.05) {
        self.l2 = l2
        self.steps = steps
        self.learningRate = learningRate
    }

    /// Fits weights `[classes][features]` and biases minimising mean cross-entropy plus
    /// `l2 / 2 · ‖W‖²` (biases are not penalised).
    /// - Complexity: O(`steps` × (non-zero features + classes × features)).
    public func fit(_ examples: [SparseFeatures], labels: [Int], classCount: Int, featureCount: Int) -> (weights: [[Float]], bias: [Float]) {
        precondition(examples.count == labels.count && !examples.isEmpty, "one label per example")
        let n = Double(examples.count)
        var weights = [Double](repeating: 0, count: classCount * featureCount)
        var bias = [Double](repeating: 0, count: classCount)
        var adam = Adam(count: weights.count + bias.count, learningRate: learningRate)
        var gradient = [Double](repeating: 0, count: weights.count + bias.count)
        for _ in 0 ..< steps {
            for i in gradient.indices { gradient[i] = 0 }
            for (example, label) in zip(examples, labels) {
                let p = Self.probabilities(example, weights: weights, bias: bias, classCount: classCount, featureCount: featureCount)
                for c in 0 ..< classCount {
                    let error = (p[c] - (c == label ? 1 : 0)) / n
                    let row = c * featureCount
                    for (index, value) in zip(example.indices, example.values) {
                        gradient[row + Int(index)] += error * Double(value)
                    }
                    gradient[weights.count + c] += error
                }
            }
            for i in weights.indices { gradient[i] += l2 * weights[i] }
            adam.step(&weights, &bias, gradient: gradient)
        }
        let w = (0 ..< classCount).map { c in (0 ..< featureCount).map { Float(weights[c * featureCount + $0]) } }
        return (w, bias.map(Float.init))
    }

    static func probabilities(_ x: SparseFeatures, weights: [Double], bias: [Double], classCount: Int, featureCount: Int) -> [Double] {
        var logits = bias
        for c in 0 ..< classCount {
            let row = c * featureCount
            for (index, value) in zip(x.indices, x.values) { logits[c] += weights[row + Int(index)] * Double(value) }
        }
        return softmax(logits)
    }
}

/// Softmax, shifted by the largest logit so that no exponential overflows.
func softmax(_ logits: [Double]) -> [Double] {
    let top = logits.max() ?? 0
    let exps = logits.map { Foundation.exp($0 - top) }
    let total = exps.reduce(0, +)
    return exps.map { $0 / total }
}

/// Adam (Kingma & Ba 2015) over one flat parameter vector split into weights and biases.
private struct Adam {
    var m: [Double]
    var v: [Double]
    var t = 0
    let learningRate: Double
    let beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8

    init(count: Int, learningRate: Double) {
        m = Array(repeating: 0, count: count)
        v = Array(repeating: 0, count: count)
        self.learningRate = learningRate
    }

    mutating func step(_ weights: inout [Double], _ bias: inout [Double], gradient: [Double]) {
        t += 1
        let correction1 = 1 - Foundation.pow(beta1, Double(t)), correction2 = 1 - Foundation.pow(beta2, Double(t))
        for i in gradient.indices {
            m[i] = beta1 * m[i] + (1 - beta1) * gradient[i]
            v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i]
            let update = learningRate * (m[i] / correction1) / ((v[i] / correction2).squareRoot() + epsilon)
            if i < weights.count { weights[i] -= update } else { bias[i - weights.count] -= update }
        }
    }
}
