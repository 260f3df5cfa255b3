/// One explanation of one prediction, in the stable shape `errata attribute --format json`
/// prints (documented in docs/attribution.md). A value type of the core so that the workbench,
/// which never sees the model, can draw it, and the engine's cache can store it.
///
/// Every key is always written; what a method does not define is `null` (`@ExplicitNull`), so
/// scripts read one shape whatever the method.
public struct Explanation: Sendable, Codable, Equatable {
    public struct Token: Sendable, Codable, Equatable {
        public var text: String
        /// Unicode scalar offsets into the input text.
        public var start: Int
        public var end: Int

        public init(text: String, start: Int, end: Int) {
            self.text = text
            self.start = start
            self.end = end
        }
    }

    public var method: String
    public var text: String
    public var tokens: [Token]
    public var scores: [Double]
    /// Standard errors of estimated scores (sampling methods).
    @ExplicitNull public var se: [Double]? = nil
    /// f with every player masked (Shapley, occlusion), or at the baseline (IG).
    @ExplicitNull public var baseValue: Double? = nil
    /// f(x) for the target.
    public var value: Double
    public var prediction: String
    public var probabilities: [String: Double]
    public var target: String
    /// `probability` or `logit`.
    public var output: String
    /// Completeness delta of IG, F(x) - F(x') - sum(scores); efficiency gap of Shapley estimates.
    @ExplicitNull public var delta: Double? = nil
    @ExplicitNull public var steps: Int? = nil
    public var evaluations: Int
    /// Sampling methods: whether the stopping rule was met within the budget.
    @ExplicitNull public var converged: Bool? = nil
    /// Attention methods: the full matrix over all tokens (rows attend to columns) and its tokens.
    @ExplicitNull public var matrix: [[Double]]? = nil
    @ExplicitNull public var matrixTokens: [String]? = nil
    @ExplicitNull public var layer: Int? = nil
    @ExplicitNull public var head: Int? = nil
    /// Comprehensiveness and sufficiency of the scores, when asked for (`--faithfulness`).
    @ExplicitNull public var faithfulness: FaithfulnessScores? = nil
    /// The arithmetic of the perturbation methods' forward passes when not float32 (bf16);
    /// null: float32 throughout.
    @ExplicitNull public var precision: ExplanationPrecision? = nil
    /// With `precision`: |f(x) in that precision − f(x) in float32| for the target, the error
    /// the precision adds to every value the scores are made of, to read beside `se`.
    @ExplicitNull public var precisionError: Double? = nil

    public init(
        method: String, text: String, tokens: [Token], scores: [Double], se: [Double]? = nil, baseValue: Double? = nil,
        value: Double, prediction: String, probabilities: [String: Double], target: String, output: String,
        delta: Double? = nil, steps: Int? = nil, evaluations: Int, converged: Bool? = nil, matrix: [[Double]]? = nil,
        matrixTokens: [String]? = nil, layer: Int? = nil, head: Int? = nil, faithfulness: FaithfulnessScores? = nil
    ) {
        self.method = method
        self.text = text
        self.tokens = tokens
        self.scores = scores
        self.se = se
        self.baseValue = baseValue
        self.value = value
        self.prediction = prediction
        self.probabilities = probabilities
        self.target = target
        self.output = output
        self.delta = delta
        self.steps = steps
        self.evaluations = evaluations
        self.converged = converged
        self.matrix = matrix
        self.matrixTokens = matrixTokens
        self.layer = layer
        self.head = head
        self.faithfulness = faithfulness
    }

    enum CodingKeys: String, CodingKey {
        case method, text, tokens, scores, se, value, prediction, probabilities, target, output, delta, steps, evaluations
        case converged, matrix, layer, head, faithfulness
        case precision
        case baseValue = "base_value", matrixTokens = "matrix_tokens", precisionError = "precision_error"
    }
}
