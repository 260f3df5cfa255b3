/// Every layer's attention probabilities for one sequence, `[layers][heads][query][key]`.
public struct AttentionMaps: Sendable, Equatable {
    public let layers: Int
    public let heads: Int
    public let tokens: Int
    public let values: [Float]

    public init(layers: Int, heads: Int, tokens: Int, values: [Float]) {
        precondition(values.count == layers * heads * tokens * tokens, "attention maps of the wrong size")
        self.layers = layers
        self.heads = heads
        self.tokens = tokens
        self.values = values
    }

    public subscript(layer layer: Int, head head: Int, query query: Int, key key: Int) -> Float {
        values[((layer * heads + head) * tokens + query) * tokens + key]
    }

    /// One head's `[tokens, tokens]` map: row = query, column = key; rows sum to 1.
    public func map(layer: Int, head: Int) -> Matrix {
        let start = (layer * heads + head) * tokens * tokens
        return Matrix(rows: tokens, columns: tokens, values: Array(values[start ..< start + tokens * tokens]))
    }
}

/// What the encoder computes for one sequence.
public struct EncoderOutput: Sendable {
    /// `[tokens, hidden]`: the last layer's states, one row per input token.
    public let lastHiddenState: Matrix
    /// The sentence embedding (mean over kept tokens, or the [CLS] state; see `Pooling`).
    public let pooled: [Float]
    /// Present when asked for: every layer's attention probabilities.
    public let attentions: AttentionMaps?
}
