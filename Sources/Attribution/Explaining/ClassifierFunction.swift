/// The classifier as a differentiable function of the word embeddings of one text (tokens ×
/// hidden values, flattened): what gradient methods and Integrated Gradients integrate.
public struct ClassifierFunction: DifferentiableFunction {
    public let classifier: TextClassifier
    public let tokens: Int
    public let target: Target

    public init(classifier: TextClassifier, tokens: Int, target: Target) {
        self.classifier = classifier
        self.tokens = tokens
        self.target = target
    }

    public var dimension: Int { tokens * classifier.encoder.config.hiddenSize }

    /// Rows (tokens of all points together) per encoder call. OpenBLAS packs each weight
    /// matrix once per call, so too few rows spend the time packing: at 208 rows (8 points of
    /// 26 tokens) an IG run took a fifth more CPU time than at 416. Too many leave the cache:
    /// the element-wise layers after each product read what it wrote, and at 1,536 rows
    /// LayerNorm, GELU and attention lost more than the packing saved (8% more CPU time; one
    /// run each at load 10, see docs/performance.md). Counting rows, not points, also bounds
    /// the recorded forward pass (about 100 KB per row over the six MiniLM layers) for long
    /// texts: 16 points of 512 tokens held 800 MB, 512 rows hold 50 MB; short texts get more
    /// points per call.
    public static let rowsPerBatch = 512

    /// Points of `tokens` tokens per encoder call: as many as `rowsPerBatch` holds, at least one.
    public static func pointsPerBatch(tokens: Int) -> Int { max(1, rowsPerBatch / max(tokens, 1)) }

    public func valuesAndGradients(at points: [[Double]]) throws -> [ValueAndGradient] {
        let hidden = classifier.encoder.config.hiddenSize
        let inputs = points.map { point in
            EncoderInput(wordEmbeddings: Matrix(rows: tokens, columns: hidden, values: point.map(Float.init)))
        }
        return classifier.encoder.gradient(of: target, head: classifier.head, inputs: inputs).map {
            ValueAndGradient(value: $0.value, gradient: $0.wordEmbeddingGradient.values.map(Double.init))
        }
    }
}
