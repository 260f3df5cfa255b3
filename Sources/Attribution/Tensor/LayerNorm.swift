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
        var inverse = [Float](repeating: 0, count: x.rows)
        var normalizedRows: Matrix?
        let gamma = gamma, beta = beta, epsilon = epsilon
        // Both outputs are written whole, so neither is zeroed first.
        let output = Matrix(rows: x.rows, columns: width) { outputValues in
            normalizedRows = Matrix(rows: x.rows, columns: width) { normalizedValues in
                x.values.withUnsafeBufferPointer { input in
                    inverse.withUnsafeMutableBufferPointer { inverseValues in
                        let xp = SendableReadPointer(input.baseAddress!), np = SendablePointer(normalizedValues)
                        let op = SendablePointer(outputValues), ip = SendablePointer(inverseValues.baseAddress!)
                        RowBlocks.forEach(rows: x.rows, columns: width) { rows in
                            for r in rows {
                                let row = xp.base + r * width
                                var sum = 0.0
                                for c in 0 ..< width { sum += Double(row[c]) }
                                let mean = sum / Double(width)
                                var squares = 0.0
                                for c in 0 ..< width { let d = Double(row[c]) - mean; squares += d * d }
                                let inv = 1 / (squares / Double(width) + Double(epsilon)).squareRoot()
                                ip.base[r] = Float(inv)
                                for c in 0 ..< width {
                                    let n = Float((Double(row[c]) - mean) * inv)
                                    np.base[r * width + c] = n
                                    op.base[r * width + c] = n * gamma[c] + beta[c]
                                }
                            }
                        }
                    }
                }
            }
        }
        let normalized = normalizedRows ?? Matrix(zeros: x.rows, width)
        return (output, Cache(normalized: normalized, inverseDeviation: inverse))
    }

    /// `dx = (1/σ) (g − mean(g) − x̂ · mean(g ⊙ x̂))` with `g = dy ⊙ γ`.
    public func backward(_ dy: Matrix, cache: Cache) -> Matrix {
        let width = dy.columns
        let gamma = gamma
        let dx = Matrix(rows: dy.rows, columns: width) { out in
            dy.values.withUnsafeBufferPointer { gradient in
                cache.normalized.values.withUnsafeBufferPointer { normalized in
                    cache.inverseDeviation.withUnsafeBufferPointer { inverse in
                        let dyp = SendableReadPointer(gradient.baseAddress!), np = SendableReadPointer(normalized.baseAddress!)
                        let ip = SendableReadPointer(inverse.baseAddress!), dxp = SendablePointer(out)
                        RowBlocks.forEach(rows: dy.rows, columns: width) { rows in
                            for r in rows {
                                var sumG = 0.0, sumGX = 0.0
                                for c in 0 ..< width {
                                    let g = Double(dyp.base[r * width + c] * gamma[c])
                                    sumG += g
                                    sumGX += g * Double(np.base[r * width + c])
                                }
                                let meanG = sumG / Double(width), meanGX = sumGX / Double(width)
                                let inv = Double(ip.base[r])
                                for c in 0 ..< width {
                                    let g = Double(dyp.base[r * width + c] * gamma[c])
                                    let n = Double(np.base[r * width + c])
                                    dxp.base[r * width + c] = Float(inv * (g - meanG - n * meanGX))
                                }
                            }
                        }
                    }
                }
            }
        }
        return dx
    }
}
