/// One example's features as (index, value) pairs: bag-of-words counts are sparse, sentence
/// embeddings are the dense special case with every index present.
public struct SparseFeatures: Sendable, Equatable {
    public var indices: [Int32]
    public var values: [Float]

    public init(indices: [Int32], values: [Float]) {
        precondition(indices.count == values.count, "one value per index")
        self.indices = indices
        self.values = values
    }

    /// A dense vector: index i holds `dense[i]`.
    public init(dense: [Float]) {
        indices = (0 ..< Int32(dense.count)).map { $0 }
        values = dense
    }
}
