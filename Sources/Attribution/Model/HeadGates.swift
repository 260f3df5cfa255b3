/// A multiplicative gate on every attention head's output, 1 by default.
///
/// Michel et al. (2019), "Are Sixteen Heads Really Better than One?", score a head's importance
/// by the gradient of the loss with respect to such a gate; setting a gate to 0 masks the head.
public struct HeadGates: Sendable, Equatable {
    public let layers: Int
    public let heads: Int
    /// Layer-major: gate of head `h` in layer `l` at `l * heads + h`.
    public var values: [Float]

    /// All gates open (1): the unmodified model.
    public init(layers: Int, heads: Int) {
        self.init(layers: layers, heads: heads, values: [Float](repeating: 1, count: layers * heads))
    }

    public init(layers: Int, heads: Int, values: [Float]) {
        precondition(values.count == layers * heads, "\(values.count) gates for \(layers)x\(heads) heads")
        self.layers = layers
        self.heads = heads
        self.values = values
    }

    public subscript(layer: Int, head: Int) -> Float {
        get { values[layer * heads + head] }
        set { values[layer * heads + head] = newValue }
    }
}
