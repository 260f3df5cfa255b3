import Foundation

/// One encoder layer: self-attention and the feed-forward block, each with a residual and
/// LayerNorm after it (post-norm, as in Vaswani et al. 2017 and BERT).
public struct BertLayerWeights: Sendable {
    /// Query, key and value projections stacked into one `[3·hidden, hidden]` layer, so one
    /// matrix product computes all three; output columns are Q, then K, then V.
    public let queryKeyValue: Linear
    public let attentionOutput: Linear
    public let attentionNorm: LayerNorm
    public let intermediate: Linear
    public let output: Linear
    public let outputNorm: LayerNorm

    public init(queryKeyValue: Linear, attentionOutput: Linear, attentionNorm: LayerNorm,
                intermediate: Linear, output: Linear, outputNorm: LayerNorm) {
        self.queryKeyValue = queryKeyValue
        self.attentionOutput = attentionOutput
        self.attentionNorm = attentionNorm
        self.intermediate = intermediate
        self.output = output
        self.outputNorm = outputNorm
    }
}

/// The weights of a BERT encoder (Devlin et al. 2019), in Float32.
public struct BertWeights: Sendable {
    public let wordEmbeddings: Matrix
    public let positionEmbeddings: Matrix
    public let tokenTypeEmbeddings: Matrix
    public let embeddingNorm: LayerNorm
    public let layers: [BertLayerWeights]

    /// Reads the tensors of a `BertModel` checkpoint, with or without the `bert.` prefix that
    /// task models add; the pooler and any task head are ignored.
    public init(safetensors file: SafeTensors, config: BertConfig) throws {
        let prefix = file.entries["bert.embeddings.word_embeddings.weight"] != nil ? "bert." : ""
        func matrix(_ name: String, _ rows: Int, _ columns: Int) throws -> Matrix {
            let (shape, values) = try file.tensor(prefix + name)
            guard shape == [rows, columns] else {
                throw ModelError.malformed("\(name) has shape \(shape), config.json implies [\(rows), \(columns)]", file.url)
            }
            return Matrix(rows: rows, columns: columns, values: values)
        }
        func vector(_ name: String, _ count: Int) throws -> [Float] {
            try matrix(name, 1, count).values
        }
        func linear(_ name: String, _ outputs: Int, _ inputs: Int) throws -> Linear {
            let weight = try matrix(name + ".weight", outputs, inputs)
            let bias = try file.tensor(prefix + name + ".bias")
            guard bias.shape == [outputs] else { throw ModelError.malformed("\(name).bias has shape \(bias.shape)", file.url) }
            return Linear(weight: weight, bias: bias.values)
        }
        func norm(_ name: String) throws -> LayerNorm {
            let gamma = try file.tensor(prefix + name + ".weight"), beta = try file.tensor(prefix + name + ".bias")
            guard gamma.shape == [config.hiddenSize], beta.shape == [config.hiddenSize] else {
                throw ModelError.malformed("\(name) has shape \(gamma.shape)", file.url)
            }
            return LayerNorm(gamma: gamma.values, beta: beta.values, epsilon: config.layerNormEps)
        }
        let h = config.hiddenSize
        wordEmbeddings = try matrix("embeddings.word_embeddings.weight", config.vocabSize, h)
        positionEmbeddings = try matrix("embeddings.position_embeddings.weight", config.maxPositionEmbeddings, h)
        tokenTypeEmbeddings = try matrix("embeddings.token_type_embeddings.weight", config.typeVocabSize, h)
        embeddingNorm = try norm("embeddings.LayerNorm")
        layers = try (0 ..< config.numHiddenLayers).map { i in
            let p = "encoder.layer.\(i)."
            let q = try linear(p + "attention.self.query", h, h)
            let k = try linear(p + "attention.self.key", h, h)
            let v = try linear(p + "attention.self.value", h, h)
            return BertLayerWeights(
                queryKeyValue: Linear(weight: Matrix.stacking([q.weight, k.weight, v.weight]), bias: q.bias + k.bias + v.bias),
                attentionOutput: try linear(p + "attention.output.dense", h, h),
                attentionNorm: try norm(p + "attention.output.LayerNorm"),
                intermediate: try linear(p + "intermediate.dense", config.intermediateSize, h),
                output: try linear(p + "output.dense", h, config.intermediateSize),
                outputNorm: try norm(p + "output.LayerNorm"))
        }
    }

    /// Weights given directly (small random models in tests, or weights built elsewhere).
    public init(wordEmbeddings: Matrix, positionEmbeddings: Matrix, tokenTypeEmbeddings: Matrix,
                embeddingNorm: LayerNorm, layers: [BertLayerWeights]) {
        self.wordEmbeddings = wordEmbeddings
        self.positionEmbeddings = positionEmbeddings
        self.tokenTypeEmbeddings = tokenTypeEmbeddings
        self.embeddingNorm = embeddingNorm
        self.layers = layers
    }
}
