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
