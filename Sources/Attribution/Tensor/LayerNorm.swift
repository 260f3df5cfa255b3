import Foundation

/// Layer normalisation over each row (Ba et al. 2016), as in every BERT sub-layer.
public struct LayerNorm: Sendable {
    public let gamma: [Float]
    public let beta: [Float]
    public let epsilon: Float

    public init(gamma: [Float], beta: [Float], epsilon: Float) {
        precondition(gamma.count == beta.count, "LayerNorm scale and shift differ in size")
        self.gamma = gamma
        self.beta = beta
        self.epsilon = epsilon
    }

    /// What the backward pass needs: each row normalised (before scale and shift) and `1/σ`.
    public struct Cache: Sendable {
        public let normalized: Matrix
        public let inverseDeviation: [Float]
    }

    /// Normalises each row; means and variances are accumulated in Double so long rows of
    /// large activations do not lose the small differences that the gradient depends on.
    public func forward(_ x: Matrix) -> (output: Matrix, cache: Cache) {
        precondition(x.columns == gamma.count, "LayerNorm over \(gamma.count) features given \(x.columns)")
        let width = x.columns
        var normalized = Matrix(zeros: x.rows, width)
        var output = Matrix(zeros: x.rows, width)
        var inverse = [Float](repeating: 0, count: x.rows)
        x.values.withUnsafeBufferPointer { input in
            for r in 0 ..< x.rows {
                let row = input.baseAddress! + r * width
                var sum = 0.0
                for c in 0 ..< width { sum += Double(row[c]) }
                let mean = sum / Double(width)
                var squares = 0.0
                for c in 0 ..< width { let d = Double(row[c]) - mean; squares += d * d }
                let inv = 1 / (squares / Double(width) + Double(epsilon)).squareRoot()
                inverse[r] = Float(inv)
                for c in 0 ..< width {
                    let n = Float((Double(row[c]) - mean) * inv)
                    normalized.values[r * width + c] = n
                    output.values[r * width + c] = n * gamma[c] + beta[c]
                }
            }
        }
        return (output, Cache(normalized: normalized, inverseDeviation: inverse))
    }

    /// `dx = (1/σ) (g − mean(g) − x̂ · mean(g ⊙ x̂))` with `g = dy ⊙ γ`.
    public func backward(_ dy: Matrix, cache: Cache) -> Matrix {
        let width = dy.columns
        var dx = Matrix(zeros: dy.rows, width)
        for r in 0 ..< dy.rows {
            var sumG = 0.0, sumGX = 0.0
            for c in 0 ..< width {
                let g = Double(dy.values[r * width + c] * gamma[c])
                sumG += g
                sumGX += g * Double(cache.normalized.values[r * width + c])
            }
            let meanG = sumG / Double(width), meanGX = sumGX / Double(width)
            let inv = Double(cache.inverseDeviation[r])
            for c in 0 ..< width {
                let g = Double(dy.values[r * width + c] * gamma[c])
                let n = Double(cache.normalized.values[r * width + c])
                dx.values[r * width + c] = Float(inv * (g - meanG - n * meanGX))
            }
        }
        return dx
    }
}
