/// One encoder layer's four weight matrices rounded to bfloat16 and packed, kept by a
/// `BertEncoder` whose precision is bf16 (the float32 weights stay, for LayerNorm's and the
/// biases' sake and for the gradient methods, which never run in bf16).
struct BFloat16Layer: Sendable {
    let queryKeyValue: BFloat16Weights
    let attentionOutput: BFloat16Weights
    let intermediate: BFloat16Weights
    let output: BFloat16Weights

    /// Nil when the processor lacks AVX512-BF16 or memory runs out.
    init?(_ layer: BertLayerWeights) {
        guard let queryKeyValue = BFloat16Weights(layer.queryKeyValue.weight),
              let attentionOutput = BFloat16Weights(layer.attentionOutput.weight),
              let intermediate = BFloat16Weights(layer.intermediate.weight),
              let output = BFloat16Weights(layer.output.weight) else { return nil }
        self.queryKeyValue = queryKeyValue
        self.attentionOutput = attentionOutput
        self.intermediate = intermediate
        self.output = output
    }
}
