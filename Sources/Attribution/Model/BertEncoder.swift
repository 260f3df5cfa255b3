import ErrataCore
import Foundation

/// One sequence to encode: its word embeddings (one row per token, from `embeddings(tokenIds:)`
/// or an interpolation of them) and which tokens are kept. Every token is in segment 0 (token
/// type 0), as for single-sentence classification.
public struct EncoderInput: Sendable {
    public var wordEmbeddings: Matrix
    /// `false` hides a token from attention and pooling, as an attention mask of 0 does in
    /// BERT; nil keeps every token. Hidden tokens still get output rows.
    public var attentionMask: [Bool]?

    public init(wordEmbeddings: Matrix, attentionMask: [Bool]? = nil) {
        precondition(attentionMask.map { $0.count == wordEmbeddings.rows } ?? true, "mask and tokens differ in length")
        self.wordEmbeddings = wordEmbeddings
        self.attentionMask = attentionMask
    }
}

/// A BERT-family encoder (Devlin et al. 2019) evaluated natively in Float32: the transformer
/// encoder of Vaswani et al. (2017) with learned positions and post-LayerNorm, such as
/// all-MiniLM-L6-v2 (Wang et al. 2020, MiniLM distillation). Inference only: dropout is off.
///
/// A batch is evaluated as one block of rows: sequences are packed end to end (no padding
/// rows), so the weight products run once over every token of the batch, and each sequence's
/// attention sees only its own keys. This is equivalent to padding with an attention mask,
/// without spending work on padding.
public final class BertEncoder: Sendable {
    public let config: BertConfig
    public let pooling: Pooling
    public let weights: BertWeights
    /// The weight matrices packed for the bfloat16 kernel, one per layer; nil in float32.
    let bf16Layers: [BFloat16Layer]?

    public init(config: BertConfig, weights: BertWeights, pooling: Pooling) {
        _ = HeapRetention.enabled
        self.config = config
        self.weights = weights
        self.pooling = pooling
        bf16Layers = nil
    }

    private init(_ encoder: BertEncoder, bf16Layers: [BFloat16Layer]) {
        config = encoder.config
        weights = encoder.weights
        pooling = encoder.pooling
        self.bf16Layers = bf16Layers
    }

    /// The arithmetic of the weight products.
    public var precision: ExplanationPrecision { bf16Layers == nil ? .float32 : .bf16 }

    /// This encoder with its weight products in `precision` (the weights shared, and for bf16
    /// packed once). `processorSupports` says whether the processor runs the bf16 kernel (a
    /// parameter so tests can refuse without such a processor).
    /// - Throws: `ModelError.processorLacks` for bf16 on a processor without AVX512-BF16.
    public func converted(to precision: ExplanationPrecision,
                          processorSupports: Bool = BFloat16Weights.processorSupports) throws -> BertEncoder {
        guard precision != self.precision else { return self }
        guard precision == .bf16 else { return BertEncoder(config: config, weights: weights, pooling: pooling) }
        guard processorSupports else { throw BFloat16Weights.refusal }
        // Packing fails only on a processor without the feature (a test's injected answer).
        let layers = weights.layers.compactMap(BFloat16Layer.init)
        guard layers.count == weights.layers.count else { throw BFloat16Weights.refusal }
        return BertEncoder(self, bf16Layers: layers)
    }

    /// Loads `config.json`, `model.safetensors` and `1_Pooling/config.json` from a model folder.
    public convenience init(directory: URL) throws {
        let config = try BertConfig(contentsOf: directory.appendingPathComponent("config.json"))
        let tensors = try SafeTensors(contentsOf: directory.appendingPathComponent("model.safetensors"))
        try self.init(config: config, weights: BertWeights(safetensors: tensors, config: config),
                      pooling: Pooling(modelDirectory: directory))
    }

    /// The rows of the word-embedding table for `tokenIds` (the input that gradients and
    /// path methods such as integrated gradients work on).
    public func embeddings(tokenIds: [Int32]) -> Matrix {
        let h = config.hiddenSize
        var values = [Float]()
        values.reserveCapacity(tokenIds.count * h)
        for id in tokenIds {
            precondition(id >= 0 && Int(id) < config.vocabSize, "token id \(id) outside the vocabulary")
            values += weights.wordEmbeddings.values[Int(id) * h ..< (Int(id) + 1) * h]
        }
        return Matrix(rows: tokenIds.count, columns: h, values: values)
    }

    /// Encodes token-id sequences of any lengths (up to `maxPositionEmbeddings` each).
    public func forward(batch: [[Int32]], returnAttentions: Bool = false) -> [EncoderOutput] {
        forward(batch.map { EncoderInput(wordEmbeddings: embeddings(tokenIds: $0)) }, returnAttentions: returnAttentions)
    }

    /// Encodes word-embedding sequences, optionally with masks and head gates.
    public func forward(_ inputs: [EncoderInput], headGates: HeadGates? = nil, returnAttentions: Bool = false) -> [EncoderOutput] {
        let pass = run(inputs, headGates: headGates, record: false, keepAttentions: returnAttentions)
        let pooled = pool(pass.hidden, pass.layout)
        let heads = config.numAttentionHeads
        return pass.layout.ranges.enumerated().map { s, range in
            var attentions: AttentionMaps?
            if returnAttentions {
                let t = range.count
                var values: [Float] = []
                values.reserveCapacity(config.numHiddenLayers * heads * t * t)
                for layer in pass.probabilities {
                    let start = pass.layout.probabilityOffsets[s]
                    values += layer[start ..< start + heads * t * t]
                }
                attentions = AttentionMaps(layers: config.numHiddenLayers, heads: heads, tokens: t, values: values)
            }
            return EncoderOutput(lastHiddenState: pass.hidden.rows(range), pooled: pooled.row(s), attentions: attentions)
        }
    }
}
