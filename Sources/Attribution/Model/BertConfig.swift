import Foundation

/// The fields of a Hugging Face `config.json` that a BERT encoder (Devlin et al. 2019) needs.
public struct BertConfig: Decodable, Sendable, Equatable {
    public var vocabSize: Int
    public var hiddenSize: Int
    public var numHiddenLayers: Int
    public var numAttentionHeads: Int
    public var intermediateSize: Int
    public var maxPositionEmbeddings: Int
    public var typeVocabSize: Int
    public var layerNormEps: Float
    public var hiddenAct: String
    public var positionEmbeddingType: String

    public init(vocabSize: Int, hiddenSize: Int, numHiddenLayers: Int, numAttentionHeads: Int,
                intermediateSize: Int, maxPositionEmbeddings: Int, typeVocabSize: Int = 2,
                layerNormEps: Float = 1e-12) {
        self.vocabSize = vocabSize
        self.hiddenSize = hiddenSize
        self.numHiddenLayers = numHiddenLayers
        self.numAttentionHeads = numAttentionHeads
        self.intermediateSize = intermediateSize
        self.maxPositionEmbeddings = maxPositionEmbeddings
        self.typeVocabSize = typeVocabSize
        self.layerNormEps = layerNormEps
        self.hiddenAct = "gelu"
        self.positionEmbeddingType = "absolute"
    }

    enum CodingKeys: String, CodingKey {
        case vocabSize = "vocab_size", hiddenSize = "hidden_size", numHiddenLayers = "num_hidden_layers"
        case numAttentionHeads = "num_attention_heads", intermediateSize = "intermediate_size"
        case maxPositionEmbeddings = "max_position_embeddings", typeVocabSize = "type_vocab_size"
        case layerNormEps = "layer_norm_eps", hiddenAct = "hidden_act"
        case positionEmbeddingType = "position_embedding_type"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        vocabSize = try c.decode(Int.self, forKey: .vocabSize)
        hiddenSize = try c.decode(Int.self, forKey: .hiddenSize)
        numHiddenLayers = try c.decode(Int.self, forKey: .numHiddenLayers)
        numAttentionHeads = try c.decode(Int.self, forKey: .numAttentionHeads)
        intermediateSize = try c.decode(Int.self, forKey: .intermediateSize)
        maxPositionEmbeddings = try c.decode(Int.self, forKey: .maxPositionEmbeddings)
        typeVocabSize = try c.decodeIfPresent(Int.self, forKey: .typeVocabSize) ?? 2
        layerNormEps = try c.decodeIfPresent(Float.self, forKey: .layerNormEps) ?? 1e-12
        hiddenAct = try c.decodeIfPresent(String.self, forKey: .hiddenAct) ?? "gelu"
        positionEmbeddingType = try c.decodeIfPresent(String.self, forKey: .positionEmbeddingType) ?? "absolute"
    }

    public var headSize: Int { hiddenSize / numAttentionHeads }

    /// Reads `config.json` and rejects what this encoder does not implement.
    public init(contentsOf url: URL) throws {
        self = try JSONDecoder().decode(BertConfig.self, from: Data(contentsOf: url))
        guard hiddenAct == "gelu" else { throw ModelError.unsupported("hidden_act \"\(hiddenAct)\" (only exact \"gelu\")", url) }
        guard positionEmbeddingType == "absolute" else {
            throw ModelError.unsupported("position_embedding_type \"\(positionEmbeddingType)\"", url)
        }
        guard numAttentionHeads > 0, hiddenSize % numAttentionHeads == 0 else {
            throw ModelError.unsupported("hidden_size \(hiddenSize) not divisible by \(numAttentionHeads) heads", url)
        }
    }
}

/// How token states become one sentence embedding (sentence-transformers' `1_Pooling`).
public enum Pooling: String, Sendable, Codable {
    /// The average over the tokens the attention mask keeps, as all-MiniLM-L6-v2 is trained.
    case mean
    /// The first token's state.
    case cls

    private struct File: Decodable {
        var pooling_mode_cls_token: Bool?
        var pooling_mode_mean_tokens: Bool?
    }

    /// Reads `1_Pooling/config.json` in `directory`; a model folder without one pools by mean.
    public init(modelDirectory directory: URL) throws {
        let url = directory.appendingPathComponent("1_Pooling/config.json")
        guard FileManager.default.fileExists(atPath: url.path) else { self = .mean; return }
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        switch (file.pooling_mode_mean_tokens ?? false, file.pooling_mode_cls_token ?? false) {
        case (true, false): self = .mean
        case (false, true): self = .cls
        default: throw ModelError.unsupported("pooling other than exactly one of mean or [CLS]", url)
        }
    }
}
