/// Every layer's and head's attention for one text, from one forward pass: what the
/// workbench's attention view pages through without asking the model again.
///
/// `values` is `[layer][head][query][key]`, flattened; each row (a query) is a distribution
/// over keys. `tokens` labels the rows and columns (word pieces with `[CLS]` and `[SEP]`).
public struct AttentionGrids: Sendable, Equatable {
    public let layers: Int
    public let heads: Int
    public let tokens: [String]
    public let values: [Float]

    /// Checks the shape and that every weight is a finite non-negative number, as attention
    /// probabilities are, so the averages and the rollout below are always defined.
    public init(layers: Int, heads: Int, tokens: [String], values: [Float]) throws {
        guard layers >= 1, heads >= 1, !tokens.isEmpty else {
            throw ExplanationError("attention needs at least one layer, head and token (\(layers) layers, \(heads) heads, \(tokens.count) tokens)")
        }
        guard values.count == layers * heads * tokens.count * tokens.count else {
            throw ExplanationError("shape mismatch: \(values.count) attention weights for \(layers) layers x \(heads) heads x \(tokens.count)² tokens")
        }
        guard values.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw ExplanationError("attention weights must be finite and non-negative")
        }
        self.layers = layers
        self.heads = heads
        self.tokens = tokens
        self.values = values
    }

    /// How much `query` attends to `key` in one head.
    public subscript(layer layer: Int, head head: Int, query query: Int, key key: Int) -> Float {
        values[((layer * heads + head) * tokens.count + query) * tokens.count + key]
    }

    /// One head's map as rows (queries) of columns (keys).
    public func map(layer: Int, head: Int) -> [[Double]] {
        let n = tokens.count
        return (0 ..< n).map { q in (0 ..< n).map { k in Double(self[layer: layer, head: head, query: q, key: k]) } }
    }

    /// The mean over heads of one layer: what a view shows when no head is chosen.
    /// - Complexity: O(H · T²).
    public func headAverage(layer: Int) -> [[Double]] {
        AttentionRollout.mean((0 ..< heads).map { map(layer: layer, head: $0) })
    }

    /// Attention rollout over every layer (Abnar & Zuidema 2020); every row sums to 1.
    /// - Complexity: O(L · (H · T² + T³)).
    public func rollout() -> [[Double]] {
        AttentionRollout.rollout(layerAverages: (0 ..< layers).map(headAverage))
    }
}
