import CVectorMath
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

    /// Normalises each row of `x`, or of `x + residual` (the sub-layer's residual connection,
    /// added in the same pass). `errata_layer_norm` over blocks of rows: sums in eight Float
    /// lanes, as PyTorch's float32 kernel accumulates, and the variance about the mean (two
    /// passes), so large activations lose nothing to cancellation. Double loops did the same
    /// work at a third of the speed and no measurable gain against the parity fixtures.
    public func forward(_ x: Matrix, adding residual: Matrix? = nil) -> (output: Matrix, cache: Cache) {
        precondition(x.columns == gamma.count, "LayerNorm over \(gamma.count) features given \(x.columns)")
        precondition(residual.map { $0.rows == x.rows && $0.columns == x.columns } ?? true, "residual of another shape")
        let width = x.columns, epsilon = epsilon
        var inverse = [Float](repeating: 0, count: x.rows)
        var normalizedRows: Matrix?
        // Both outputs are written whole, so neither is zeroed first.
        let output = Matrix(rows: x.rows, columns: width) { outputValues in
            normalizedRows = Matrix(rows: x.rows, columns: width) { normalizedValues in
                withRows(x, residual) { xp, rp in
                    gamma.withUnsafeBufferPointer { scale in
                        beta.withUnsafeBufferPointer { shift in
                            inverse.withUnsafeMutableBufferPointer { inverseValues in
                                let np = SendablePointer(normalizedValues), op = SendablePointer(outputValues)
                                let ip = SendablePointer(inverseValues.baseAddress!)
                                let gp = SendableReadPointer(scale.baseAddress!), bp = SendableReadPointer(shift.baseAddress!)
                                RowBlocks.forEach(rows: x.rows, columns: width) { rows in
                                    let start = rows.lowerBound * width
                                    errata_layer_norm(xp.base + start, rp.map { $0.base + start }, rows.count, width, gp.base, bp.base,
                                                      epsilon, np.base + start, op.base + start, ip.base + rows.lowerBound)
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

    /// `dx = (1/σ) (g − mean(g) − x̂ · mean(g ⊙ x̂))` with `g = (dy + also) ⊙ γ`, where `also` is
    /// a residual branch's gradient added in the same pass; summed in lanes as `forward`.
    public func backward(_ dy: Matrix, adding also: Matrix? = nil, cache: Cache) -> Matrix {
        precondition(also.map { $0.rows == dy.rows && $0.columns == dy.columns } ?? true, "gradients of different shapes")
        let width = dy.columns
        return Matrix(rows: dy.rows, columns: width) { out in
            withRows(dy, also) { dyp, ap in
                cache.normalized.values.withUnsafeBufferPointer { normalized in
                    cache.inverseDeviation.withUnsafeBufferPointer { inverse in
                        gamma.withUnsafeBufferPointer { scale in
                            let np = SendableReadPointer(normalized.baseAddress!), ip = SendableReadPointer(inverse.baseAddress!)
                            let dxp = SendablePointer(out), gp = SendableReadPointer(scale.baseAddress!)
                            RowBlocks.forEach(rows: dy.rows, columns: width) { rows in
                                let start = rows.lowerBound * width
                                errata_layer_norm_backward(dyp.base + start, ap.map { $0.base + start }, rows.count, width, gp.base,
                                                           np.base + start, ip.base + rows.lowerBound, dxp.base + start)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Calls `body` with the storage of `x` and, when given, of `other`.
    private func withRows<R>(_ x: Matrix, _ other: Matrix?, _ body: (SendableReadPointer<Float>, SendableReadPointer<Float>?) -> R) -> R {
        x.values.withUnsafeBufferPointer { xs in
            guard let other else { return body(SendableReadPointer(xs.baseAddress!), nil) }
            return other.values.withUnsafeBufferPointer { os in body(SendableReadPointer(xs.baseAddress!), SendableReadPointer(os.baseAddress!)) }
        }
    }
}
