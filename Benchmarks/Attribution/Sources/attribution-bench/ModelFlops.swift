import Attribution

/// Floating-point operations (a multiply-add counts 2) of the encoder's matrix products, to
/// turn an explanation's time into a rate comparable with `MultiplyRate`. Element-wise work
/// (GELU, LayerNorm, softmax) is left out: it is a few percent of the operations.
enum ModelFlops {
    /// One forward pass over a sequence of `tokens` tokens: per layer the weight products
    /// 2·t·h·(4h + 2i) (query, key and value, attention output, intermediate, output) and
    /// attention 4·t²·h (scores and context, over all heads).
    static func forward(_ config: BertConfig, tokens t: Int) -> Double {
        let h = Double(config.hiddenSize), i = Double(config.intermediateSize), t = Double(t)
        return Double(config.numHiddenLayers) * (2 * t * h * (4 * h + 2 * i) + 4 * t * t * h)
    }

    /// One forward and one backward pass to the input embeddings (weights frozen: `dx = dy · W`
    /// costs what the forward product does; attention's backward pass four products of t²·h).
    static func gradient(_ config: BertConfig, tokens t: Int) -> Double {
        let h = Double(config.hiddenSize), i = Double(config.intermediateSize), t = Double(t)
        return Double(config.numHiddenLayers) * (4 * t * h * (4 * h + 2 * i) + 12 * t * t * h)
    }
}
