/// Attention maps combined across heads and layers.
///
/// A layer's attention is given as [head][query][key], each row a distribution over keys.
/// `AttentionGrids` uses the same arithmetic on the maps of one forward pass.
public enum AttentionRollout {
    /// The mean over heads of one layer's attention.
    /// - Complexity: O(H · T²).
    public static func headAverage(_ heads: [[[Double]]]) throws -> [[Double]] {
        _ = try tokenCount(heads)
        return mean(heads)
    }

    /// Attention rollout (Abnar & Zuidema 2020): how much each token's final representation
    /// draws on each input token, following attention through every layer.
    ///
    /// Each layer's map is Â_l = rownorm(mean over heads of A_l + I), the identity standing for
    /// the residual connection; then R_1 = Â_1 and R_l = Â_l R_{l−1}. Every Â_l is row-stochastic,
    /// so every row of the result sums to 1. `layers` are in forward order.
    /// - Complexity: O(L · (H · T² + T³)).
    public static func rollout(_ layers: [[[[Double]]]]) throws -> [[Double]] {
        guard !layers.isEmpty else { throw ExplanationError("shape mismatch: rollout needs at least one layer") }
        var averages: [[[Double]]] = []
        for layer in layers {
            let t = try tokenCount(layer)
            if let first = averages.first, first.count != t {
                throw ExplanationError("shape mismatch: layers attend over \(first.count) and \(t) tokens")
            }
            let average = mean(layer)
            for (q, row) in average.enumerated() where row.reduce(0, +) + 1 <= 0 {
                throw ExplanationError("invalid argument: attention row \(q) has no positive mass")
            }
            averages.append(average)
        }
        return rollout(layerAverages: averages)
    }

    /// The mean of equally shaped square matrices.
    static func mean(_ heads: [[[Double]]]) -> [[Double]] {
        let t = heads[0].count
        var mean = [[Double]](repeating: [Double](repeating: 0, count: t), count: t)
        let share = 1 / Double(heads.count)
        for head in heads {
            for q in 0 ..< t {
                for k in 0 ..< t { mean[q][k] += share * head[q][k] }
            }
        }
        return mean
    }

    /// The rollout of head-averaged layers whose rows, plus the identity, have positive mass
    /// (always true of attention probabilities).
    static func rollout(layerAverages: [[[Double]]]) -> [[Double]] {
        var result: [[Double]] = []
        for var mixed in layerAverages {
            for q in mixed.indices {
                mixed[q][q] += 1
                let total = mixed[q].reduce(0, +)
                mixed[q] = mixed[q].map { $0 / total }
            }
            result = result.isEmpty ? mixed : multiply(mixed, result)
        }
        return result
    }

    /// The token count T of one layer, after checking that every head is T × T and finite.
    private static func tokenCount(_ heads: [[[Double]]]) throws -> Int {
        guard let first = heads.first else { throw ExplanationError("shape mismatch: a layer needs at least one head") }
        let t = first.count
        for head in heads {
            guard head.count == t, head.allSatisfy({ $0.count == t }) else {
                throw ExplanationError("shape mismatch: every head of a layer must be \(t) × \(t)")
            }
            guard head.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { throw ExplanationError("attention holds NaN or an infinity") }
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
