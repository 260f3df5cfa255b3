/// Everything that determines one explanation: which system, which text, and every option of
/// the method. Hashable and Codable because it is the identity of a result: the workbench keys
/// its pending work by it and the engine's disk cache hashes it.
///
/// Defaults are those of `errata attribute`, except the method: Integrated Gradients, because
/// it takes a fraction of a second where Shapley sampling takes seconds, and the workbench
/// explains as the user moves.
public struct ExplanationRequest: Sendable, Hashable, Codable {
    /// The system whose prediction is explained (a system of the open dataset).
    public var system: String
    public var text: String
    public var method: ExplanationMethod
    /// The class explained; nil explains the predicted class.
    public var target: String?
    public var unit: ExplanationUnit
    public var masking: ExplanationMasking
    public var baseline: ExplanationBaseline
    /// Integrated Gradients steps; nil adapts (doubling from 16 until |delta| <= 1%).
    public var steps: Int?
    /// Evaluation budget of the sampling methods.
    public var budget: Int
    /// Seed of the sampling methods.
    public var seed: UInt64
    /// Attention: the layer (nil: the last) and head (nil: the average of all heads).
    public var layer: Int?
    public var head: Int?
    /// Explain the target's logit instead of its probability.
    public var logit: Bool
    /// The perturbation methods' arithmetic; nil is float32 (and so adds nothing to the cache
    /// key, which keeps the explanations cached before bf16 existed).
    public var precision: ExplanationPrecision?

    public init(
        system: String, text: String, method: ExplanationMethod = .ig, target: String? = nil,
        unit: ExplanationUnit = .tokens, masking: ExplanationMasking = .mask, baseline: ExplanationBaseline = .pad,
        steps: Int? = 50, budget: Int = 2000, seed: UInt64 = 1, layer: Int? = nil, head: Int? = nil, logit: Bool = false,
        precision: ExplanationPrecision? = nil
    ) {
        self.system = system
        self.text = text
        self.method = method
        self.target = target
        self.unit = unit
        self.masking = masking
        self.baseline = baseline
        self.steps = steps
        self.budget = budget
        self.seed = seed
        self.layer = layer
        self.head = head
        self.logit = logit
        self.precision = precision
    }
}
