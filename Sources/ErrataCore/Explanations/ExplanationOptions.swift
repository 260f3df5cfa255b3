/// The choices an explanation is made with, as value types of the core: the command line
/// parses them, the workbench offers them, the engine (in Attribution) acts on them. One list
/// each, so a method or masking added in one place exists everywhere.

/// How a prediction is explained (docs/attribution.md, "Methods").
public enum ExplanationMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// Shapley values by the best method for the size: exact up to 10 players, else
    /// antithetic permutation sampling until the standard errors are small.
    case shap
    case kernelshap, permutation, exact, loo
    case grad, gxi, ig
    case attention, rollout

    /// Whether the method only needs the model's output on masked inputs (a coalition game),
    /// so it applies to any model, not only one with gradients and attention.
    public var isModelAgnostic: Bool {
        switch self {
        case .shap, .kernelshap, .permutation, .exact, .loo: true
        case .grad, .gxi, .ig, .attention, .rollout: false
        }
    }
}

/// What an explanation scores: each word piece, or each whole word (its pieces together).
public enum ExplanationUnit: String, Sendable, Hashable, Codable, CaseIterable {
    case tokens, words
}

/// How a player is hidden from the model when it is not in a coalition: replaced by a
/// special token (at token-id level, so the other tokens never change, unlike re-tokenizing
/// masked text), or deleted.
public enum ExplanationMasking: String, Sendable, Hashable, Codable, CaseIterable {
    case mask, pad, unk, delete
}

/// Integrated Gradients baseline: the word embedding of [PAD] or [MASK] at every player, or
/// the zero vector.
public enum ExplanationBaseline: String, Sendable, Hashable, Codable, CaseIterable {
    case pad, mask, zero
}

/// The arithmetic of the transformer's weight products in perturbation methods: float32, or
/// bfloat16 inputs with float32 sums (AVX512-BF16 processors only), which is faster and moves
/// f(x) slightly; gradient and attention methods always run in float32.
public enum ExplanationPrecision: String, Sendable, Hashable, Codable, CaseIterable {
    case float32, bf16
}
