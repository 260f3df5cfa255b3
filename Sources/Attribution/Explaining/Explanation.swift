/// One explanation of one prediction, in the stable shape `errata attribute --format json`
/// prints (documented in docs/attribution.md).
public struct Explanation: Sendable, Codable, Equatable {
    public struct Token: Sendable, Codable, Equatable {
        public var text: String
        /// Unicode scalar offsets into the input text.
        public var start: Int
        public var end: Int
    }

    public var method: String
    public var text: String
    public var tokens: [Token]
    public var scores: [Double]
    /// Standard errors of estimated scores (sampling methods).
    public var se: [Double]?
    /// f with every player masked (Shapley, occlusion), or at the baseline (IG).
    public var baseValue: Double?
    /// f(x) for the target.
    public var value: Double
    public var prediction: String
    public var probabilities: [String: Double]
    public var target: String
    /// `probability` or `logit`.
    public var output: String
    /// Completeness delta of IG, F(x) - F(x') - sum(scores); efficiency gap of Shapley estimates.
    public var delta: Double?
    public var steps: Int?
    public var evaluations: Int
    /// Sampling methods: whether the stopping rule was met within the budget.
    public var converged: Bool?
    /// Attention methods: the full matrix over all tokens (rows attend to columns) and its tokens.
    public var matrix: [[Double]]?
    public var matrixTokens: [String]?
    public var layer: Int?
    public var head: Int?

    enum CodingKeys: String, CodingKey {
        case method, text, tokens, scores, se, value, prediction, probabilities, target, output, delta, steps, evaluations
        case converged, matrix, layer, head
        case baseValue = "base_value", matrixTokens = "matrix_tokens"
    }
}
