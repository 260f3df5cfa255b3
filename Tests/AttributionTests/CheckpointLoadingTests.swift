import ErrataTestSupport
import Foundation
import Testing
@testable import Attribution

/// A small random encoder written as a Hugging Face folder (config.json, model.safetensors,
/// 1_Pooling/config.json) must load back into the same model.
@Suite struct CheckpointLoadingTests {
    static func bits(_ values: [Float], dtype: String) -> [UInt8] {
        switch dtype {
        case "F32": return SafeTensorsTests.littleEndian(values.map(\.bitPattern))
        default: return SafeTensorsTests.littleEndian(values.map { UInt16($0.bitPattern >> 16) })
        }
    }

    /// Writes `encoder` under the names `BertModel` uses (with `prefix`), in `dtype`.
    static func save(_ encoder: BertEncoder, to folder: TemporaryDirectory, prefix: String, dtype: String, pooling: String) throws {
        let c = encoder.config, w = encoder.weights, h = c.hiddenSize
        var tensors: [(String, String, [Int], [UInt8])] = []
        func add(_ name: String, _ shape: [Int], _ values: [Float]) { tensors.append((prefix + name, dtype, shape, bits(values, dtype: dtype))) }
        add("embeddings.word_embeddings.weight", [c.vocabSize, h], w.wordEmbeddings.values)
        add("embeddings.position_embeddings.weight", [c.maxPositionEmbeddings, h], w.positionEmbeddings.values)
        add("embeddings.token_type_embeddings.weight", [c.typeVocabSize, h], w.tokenTypeEmbeddings.values)
        add("embeddings.LayerNorm.weight", [h], w.embeddingNorm.gamma)
        add("embeddings.LayerNorm.bias", [h], w.embeddingNorm.beta)
        for (i, layer) in w.layers.enumerated() {
            let p = "encoder.layer.\(i)."
            for (j, part) in ["query", "key", "value"].enumerated() {
                add(p + "attention.self.\(part).weight", [h, h], layer.queryKeyValue.weight.rows(j * h ..< (j + 1) * h).values)
                add(p + "attention.self.\(part).bias", [h], Array(layer.queryKeyValue.bias[j * h ..< (j + 1) * h]))
            }
            for (name, linear) in [("attention.output.dense", layer.attentionOutput), ("intermediate.dense", layer.intermediate), ("output.dense", layer.output)] {
                add(p + name + ".weight", [linear.outputs, linear.inputs], linear.weight.values)
                add(p + name + ".bias", [linear.outputs], linear.bias)
            }
            for (name, norm) in [("attention.output.LayerNorm", layer.attentionNorm), ("output.LayerNorm", layer.outputNorm)] {
                add(p + name + ".weight", [h], norm.gamma)
                add(p + name + ".bias", [h], norm.beta)
            }
        }
        add("pooler.dense.weight", [h, h], [Float](repeating: 0, count: h * h))
        try SafeTensorsTests.write(tensors.map { (name: $0.0, dtype: $0.1, shape: $0.2, bytes: $0.3) },
                                   to: folder.url.appendingPathComponent("model.safetensors"))
        try folder.write("config.json", """
            {"architectures": ["BertModel"], "hidden_act": "gelu", "hidden_size": \(h), "intermediate_size": \(c.intermediateSize),
             "layer_norm_eps": 1e-12, "max_position_embeddings": \(c.maxPositionEmbeddings), "model_type": "bert",
             "num_attention_heads": \(c.numAttentionHeads), "num_hidden_layers": \(c.numHiddenLayers), "type_vocab_size": 2,
             "vocab_size": \(c.vocabSize)}
            """)
        try folder.write("1_Pooling/config.json", pooling)
    }

    @Test func float32CheckpointWithTaskPrefixLoadsExactly() throws {
        var random = RandomTensors(seed: 51)
        let original = random.encoder(pooling: .cls)
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Self.save(original, to: folder, prefix: "bert.", dtype: "F32",
                      pooling: #"{"pooling_mode_cls_token": true, "pooling_mode_mean_tokens": false}"#)
        let loaded = try BertEncoder(directory: folder.url)
        #expect(loaded.config == original.config && loaded.pooling == .cls)
        let ids = random.tokenIds(9)
        #expect(loaded.forward(batch: [ids])[0].pooled == original.forward(batch: [ids])[0].pooled)
    }

    /// bfloat16 weights are the float32 weights rounded toward zero to 8 significant bits; the
    /// loaded model must equal an in-memory model with exactly those rounded weights.
    @Test func bfloat16CheckpointLoadsAsItsRoundedWeights() throws {
        var random = RandomTensors(seed: 52)
        let original = random.encoder()
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Self.save(original, to: folder, prefix: "", dtype: "BF16", pooling: #"{"pooling_mode_mean_tokens": true}"#)
        let loaded = try BertEncoder(directory: folder.url)
        let truncate = { (x: Float) in Float(bitPattern: x.bitPattern & 0xFFFF_0000) }
        #expect(loaded.weights.wordEmbeddings.values == original.weights.wordEmbeddings.values.map(truncate))
        #expect(loaded.weights.layers[1].queryKeyValue.weight.values == original.weights.layers[1].queryKeyValue.weight.values.map(truncate))
        #expect(loaded.pooling == .mean)
    }

    @Test func unsupportedConfigurationsAreRejected() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let config = try folder.write("config.json", """
            {"hidden_act": "gelu_new", "hidden_size": 8, "intermediate_size": 16, "max_position_embeddings": 8,
             "num_attention_heads": 2, "num_hidden_layers": 1, "vocab_size": 10}
            """)
        #expect(throws: ModelError.unsupported("hidden_act \"gelu_new\" (only exact \"gelu\")", URL(fileURLWithPath: config))) {
            try BertConfig(contentsOf: URL(fileURLWithPath: config))
        }
        try folder.write("1_Pooling/config.json", #"{"pooling_mode_cls_token": true, "pooling_mode_mean_tokens": true}"#)
        #expect(throws: ModelError.self) { try Pooling(modelDirectory: folder.url) }
        let empty = try TemporaryDirectory()
        defer { empty.remove() }
        #expect(try Pooling(modelDirectory: empty.url) == .mean)
    }

    @Test func aShapeMismatchNamesTheTensor() throws {
        var random = RandomTensors(seed: 53)
        let original = random.encoder()
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Self.save(original, to: folder, prefix: "", dtype: "F32", pooling: "{\"pooling_mode_mean_tokens\": true}")
        var config = original.config
        config.intermediateSize = 24
        let tensors = try SafeTensors(contentsOf: folder.url.appendingPathComponent("model.safetensors"))
        let error = #expect(throws: ModelError.self) { try BertWeights(safetensors: tensors, config: config) }
        #expect(error?.description.contains("encoder.layer.0.intermediate.dense.weight has shape [32, 16]") == true)
    }
}
