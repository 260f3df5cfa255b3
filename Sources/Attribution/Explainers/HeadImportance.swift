/// Attention-head importance (Michel et al. 2019, "Are Sixteen Heads Really Better than One?").
///
/// Each head's output is multiplied by a gate g_h = 1; the importance of the head is the
/// expected sensitivity of the loss to its gate, I_h = E_x |∂L(x)/∂g_h|, which equals
/// E_x |A_h(x)ᵀ ∂L(x)/∂A_h(x)| for the head's attention output A_h. The model computes the gate
/// gradients; this averages their magnitudes, so it is independent of how the model is built.
public enum HeadImportance {
    /// Importance per [layer][head] from gate gradients given per [example][layer][head].
    ///
    /// With `normalizeLayers`, each layer's scores are divided by their Euclidean norm, as
    /// Michel et al. do before pruning across layers (a layer of all-zero scores stays zero).
    /// - Complexity: O(examples · layers · heads).
    public static func scores(gateGradients: [[[Double]]], normalizeLayers: Bool = false) throws -> [[Double]] {
        guard let first = gateGradients.first else { throw AttributionError.invalidArgument("head importance needs at least one example") }
        let shape = first.map(\.count)
        guard gateGradients.allSatisfy({ $0.map(\.count) == shape }) else {
            throw AttributionError.shapeMismatch("every example must have \(shape.count) layers of \(shape) heads")
        }
        let share = 1 / Double(gateGradients.count)
        var importance = shape.map { [Double](repeating: 0, count: $0) }
        for example in gateGradients {
            for (l, layer) in example.enumerated() {
                for (h, gradient) in layer.enumerated() {
                    guard gradient.isFinite else { throw AttributionError.nonFiniteValue }
                    importance[l][h] += share * abs(gradient)
                }
            }
        }
        guard normalizeLayers else { return importance }
        return importance.map { layer in
            let norm = layer.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? layer.map { $0 / norm } : layer
        }
    }
}
