/// Attention maps combined across heads and layers.
///
/// A layer's attention is given as [head][query][key], each row a distribution over keys.
public enum AttentionRollout {
    /// The mean over heads of one layer's attention.
    /// - Complexity: O(H · T²).
    public static func headAverage(_ heads: [[[Double]]]) throws -> [[Double]] {
        let t = try tokenCount(heads)
        var mean = [[Double]](repeating: [Double](repeating: 0, count: t), count: t)
        let share = 1 / Double(heads.count)
        for head in heads {
            for q in 0 ..< t {
                for k in 0 ..< t { mean[q][k] += share * head[q][k] }
            }
        }
        return mean
    }

    /// Attention rollout (Abnar & Zuidema 2020): how much each token's final representation
    /// draws on each input token, following attention through every layer.
    ///
    /// Each layer's map is Â_l = rownorm(mean over heads of A_l + I), the identity standing for
    /// the residual connection; then R_1 = Â_1 and R_l = Â_l R_{l−1}. Every Â_l is row-stochastic,
    /// so every row of the result sums to 1. `layers` are in forward order.
    /// - Complexity: O(L · (H · T² + T³)).
    public static func rollout(_ layers: [[[[Double]]]]) throws -> [[Double]] {
        guard !layers.isEmpty else { throw AttributionError.shapeMismatch("rollout needs at least one layer") }
        var result: [[Double]] = []
        for layer in layers {
            var mixed = try headAverage(layer)
            let t = mixed.count
            guard result.isEmpty || result.count == t else {
                throw AttributionError.shapeMismatch("layers attend over \(result.count) and \(t) tokens")
            }
            for q in 0 ..< t {
                mixed[q][q] += 1
                let total = mixed[q].reduce(0, +)
                guard total > 0 else { throw AttributionError.invalidArgument("attention row \(q) has no positive mass") }
                mixed[q] = mixed[q].map { $0 / total }
            }
            result = result.isEmpty ? mixed : multiply(mixed, result)
        }
        return result
    }

    /// The token count T of one layer, after checking that every head is T × T.
    private static func tokenCount(_ heads: [[[Double]]]) throws -> Int {
        guard let first = heads.first else { throw AttributionError.shapeMismatch("a layer needs at least one head") }
        let t = first.count
        for head in heads {
            guard head.count == t, head.allSatisfy({ $0.count == t }) else {
                throw AttributionError.shapeMismatch("every head of a layer must be \(t) × \(t)")
            }
            guard head.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { throw AttributionError.nonFiniteValue }
        }
        return t
    }

    /// a · b for square matrices.
    private static func multiply(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        let t = a.count
        var product = [[Double]](repeating: [Double](repeating: 0, count: t), count: t)
        for i in 0 ..< t {
            for k in 0 ..< t where a[i][k] != 0 {
                for j in 0 ..< t { product[i][j] += a[i][k] * b[k][j] }
            }
        }
        return product
    }
}
