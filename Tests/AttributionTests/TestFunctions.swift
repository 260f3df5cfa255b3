import Attribution
import ErrataCore
import Foundation

/// Differentiable functions with hand-written gradients.
enum TestFunctions {
    /// F(x) = 1 − ReLU(1 − x) in one dimension: flat (gradient 0) for x ≥ 1.
    struct SaturatingReLU: DifferentiableFunction {
        let dimension = 1
        func valuesAndGradients(at points: [[Double]]) throws -> [ValueAndGradient] {
            points.map { p in ValueAndGradient(value: 1 - max(0, 1 - p[0]), gradient: [p[0] < 1 ? 1 : 0]) }
        }
    }

    /// F(x) = w₂ · tanh(W₁x + b₁) + b₂ with seeded weights: a small smooth network.
    struct TanhNetwork: DifferentiableFunction {
        let dimension: Int
        let hidden: Int
        let w1: [[Double]], b1: [Double], w2: [Double], b2: Double

        init(dimension: Int, hidden: Int, seed: UInt64) {
            var generator = SeededGenerator(seed: seed)
            self.dimension = dimension
            self.hidden = hidden
            w1 = (0 ..< hidden).map { _ in (0 ..< dimension).map { _ in TestGames.uniform(&generator) } }
            b1 = (0 ..< hidden).map { _ in TestGames.uniform(&generator) }
            w2 = (0 ..< hidden).map { _ in 2 * TestGames.uniform(&generator) }
            b2 = TestGames.uniform(&generator)
        }

        func valuesAndGradients(at points: [[Double]]) throws -> [ValueAndGradient] {
            points.map { x in
                var value = b2
                var gradient = [Double](repeating: 0, count: dimension)
                for j in 0 ..< hidden {
                    var preactivation = b1[j]
                    for d in 0 ..< dimension { preactivation += w1[j][d] * x[d] }
                    let h = tanh(preactivation)
                    value += w2[j] * h
                    let slope = w2[j] * (1 - h * h)
                    for d in 0 ..< dimension { gradient[d] += slope * w1[j][d] }
                }
                return ValueAndGradient(value: value, gradient: gradient)
            }
        }
    }

    /// F(x) = σ(k (Σ x_d − c)): a sharp step along the path from 0 to 1.
    struct SharpSigmoid: DifferentiableFunction {
        let dimension: Int
        let sharpness: Double
        let center: Double

        func valuesAndGradients(at points: [[Double]]) throws -> [ValueAndGradient] {
            points.map { x in
                let s = 1 / (1 + exp(-sharpness * (x.reduce(0, +) - center)))
                return ValueAndGradient(value: s, gradient: Array(repeating: sharpness * s * (1 - s), count: dimension))
            }
        }
    }

    /// F(x) = a · x.
    struct Linear: DifferentiableFunction {
        let coefficients: [Double]
        var dimension: Int { coefficients.count }
        func valuesAndGradients(at points: [[Double]]) throws -> [ValueAndGradient] {
            points.map { x in ValueAndGradient(value: zip(coefficients, x).reduce(0) { $0 + $1.0 * $1.1 }, gradient: coefficients) }
        }
    }
}
