/// The scalar an explanation explains: one class's logit or its softmax probability.
public enum Target: Sendable, Equatable {
    case logit(Int)
    case probability(Int)
}

/// A target's value and its gradients for one sequence.
public struct TargetGradient: Sendable {
    /// The target at this input (a logit, or a probability in [0, 1]).
    public let value: Double
    /// The head's logits at this input.
    public let logits: [Float]
    /// `[tokens, hidden]`: ∂target/∂(word embedding of token t, dimension i).
    public let wordEmbeddingGradient: Matrix
    /// ∂target/∂gate for every head, at the gates given (Michel et al. 2019 importance is its
    /// absolute value at all gates 1).
    public let headGateGradient: HeadGates
}

extension BertEncoder {
    /// One forward and one backward pass over the batch: the gradient of `target` under
    /// `head` for each input, with respect to its word embeddings and to the head gates.
    public func gradient(of target: Target, head: LinearHead, inputs: [EncoderInput],
                         headGates: HeadGates? = nil) -> [TargetGradient] {
        precondition(head.inputSize == config.hiddenSize, "head expects \(head.inputSize) features, encoder gives \(config.hiddenSize)")
        let pass = run(inputs, headGates: headGates, record: true, keepAttentions: false)
        let pooled = pool(pass.hidden, pass.layout)
        let targets = inputs.indices.map { head.targetGradient(target, pooled: pooled.row($0)) }
        let dPooled = Matrix(rows: inputs.count, columns: config.hiddenSize, values: targets.flatMap(\.gradient))
        let gradients = backward(pass, pooledGradient: dPooled, headGates: headGates)
        return inputs.indices.map { s in
            TargetGradient(value: targets[s].value, logits: targets[s].logits,
                           wordEmbeddingGradient: gradients.wordEmbeddings[s],
                           headGateGradient: HeadGates(layers: config.numHiddenLayers, heads: config.numAttentionHeads,
                                                       values: gradients.headGates[s]))
        }
    }
}
