import Foundation

/// What the backward pass needs from one layer's forward pass.
struct LayerTape: Sendable {
    let input: Matrix
    let queryKeyValue: Matrix
    /// Attention context before the head gates, `[tokens, hidden]`.
    let context: Matrix
    let attentionNorm: LayerNorm.Cache
    /// GELU's derivative at the intermediate activations, from its forward pass (see
    /// `GELU.forwardKeepingSlope`): the backward pass needs neither the activations nor an exp.
    let intermediateSlope: Matrix
    let outputNorm: LayerNorm.Cache
}

/// The result of running the encoder over a packed batch.
struct ForwardPass: Sendable {
    let layout: PackedBatch
    let hidden: Matrix
    /// Per layer, the attention probabilities of every sequence and head (see `PackedBatch`).
    let probabilities: [[Float]]
    let embeddingNorm: LayerNorm.Cache?
    let layers: [LayerTape]
}

extension BertEncoder {
    /// Runs the encoder; `record` keeps what `backward` needs, `keepAttentions` the maps.
    func run(_ inputs: [EncoderInput], headGates: HeadGates?, record: Bool, keepAttentions: Bool) -> ForwardPass {
        let h = config.hiddenSize
        let layout = PackedBatch(inputs, heads: config.numAttentionHeads)
        if let headGates { precondition(headGates.layers == config.numHiddenLayers && headGates.heads == config.numAttentionHeads, "head gates of the wrong shape") }
        var summed = Matrix(zeros: layout.tokenCount, h)
        for (s, input) in inputs.enumerated() {
            precondition(input.wordEmbeddings.columns == h, "word embeddings must have \(h) columns")
            precondition(input.wordEmbeddings.rows <= config.maxPositionEmbeddings, "sequence longer than \(config.maxPositionEmbeddings) tokens")
            for t in 0 ..< input.wordEmbeddings.rows {
                let row = layout.ranges[s].lowerBound + t
                for c in 0 ..< h {
                    summed.values[row * h + c] = input.wordEmbeddings.values[t * h + c]
                        + weights.positionEmbeddings.values[t * h + c] + weights.tokenTypeEmbeddings.values[c]
                }
            }
        }
        let (embedded, embeddingCache) = weights.embeddingNorm.forward(summed)
        var x = embedded
        var probabilities: [[Float]] = []
        var tapes: [LayerTape] = []
        for (l, layer) in weights.layers.enumerated() {
            let bf16 = bf16Layers?[l]
            let qkv = layer.queryKeyValue(x, bf16: bf16?.queryKeyValue)
            let (context, probs) = attention(qkv, layout)
            var gated = context
            if let headGates { applyGates(&gated, layer: l, headGates) }
            let attended = layer.attentionOutput(gated, bf16: bf16?.attentionOutput)
            let (x1, norm1) = layer.attentionNorm.forward(attended, adding: x)
            let intermediate = layer.intermediate(x1, bf16: bf16?.intermediate)
            var slope: Matrix?
            let activated: Matrix
            if record { (activated, slope) = GELU.forwardKeepingSlope(intermediate) } else { activated = GELU.forward(intermediate) }
            let out = layer.output(activated, bf16: bf16?.output)
            let (x2, norm2) = layer.outputNorm.forward(out, adding: x1)
            if record {
                tapes.append(LayerTape(input: x, queryKeyValue: qkv, context: context, attentionNorm: norm1,
                                       intermediateSlope: slope!, outputNorm: norm2))
            }
            if record || keepAttentions { probabilities.append(probs) }
            x = x2
        }
        return ForwardPass(layout: layout, hidden: x, probabilities: probabilities,
                           embeddingNorm: record ? embeddingCache : nil, layers: tapes)
    }

    /// Scaled dot-product attention, `softmax(Q Kᵀ / √d) V`, for every sequence and head in
    /// parallel; returns the context `[tokens, hidden]` and the probabilities.
    func attention(_ qkv: Matrix, _ layout: PackedBatch) -> (context: Matrix, probabilities: [Float]) {
        let h = config.hiddenSize, heads = config.numAttentionHeads, d = config.headSize
        let scale = 1 / Float(d).squareRoot()
        // Neither output is zeroed first: the products write every value of both (beta 0).
        var probabilities: [Float] = []
        let context = Matrix(rows: layout.tokenCount, columns: h) { c in
            probabilities = [Float](unsafeUninitializedCapacity: layout.probabilityCount) { p, initialized in
                initialized = layout.probabilityCount
                guard let pBase = p.baseAddress else { return }
                qkv.values.withUnsafeBufferPointer { q in
                    let qp = SendableReadPointer(q.baseAddress!), cp = SendablePointer(c), pp = SendablePointer(pBase)
                    DispatchQueue.concurrentPerform(iterations: layout.ranges.count * heads) { task in
                        let s = task / heads, head = task % heads
                        let range = layout.ranges[s], t = range.count
                        let rows = qp.base + range.lowerBound * 3 * h
                        let map = pp.base + layout.probabilityOffsets[s] + head * t * t
                        MatrixMultiply.gemm(transposeA: false, transposeB: true, m: t, n: t, k: d,
                                            a: rows + head * d, lda: 3 * h, b: rows + h + head * d, ldb: 3 * h,
                                            beta: 0, c: map, ldc: t)
                        Softmax.forward(map, rows: t, columns: t, stride: t, scale: scale, allowed: layout.masks[s])
                        MatrixMultiply.gemm(transposeA: false, transposeB: false, m: t, n: d, k: t,
                                            a: map, lda: t, b: rows + 2 * h + head * d, ldb: 3 * h,
                                            beta: 0, c: cp.base + range.lowerBound * h + head * d, ldc: h)
                    }
                }
            }
        }
        return (context, probabilities)
    }

    /// Multiplies each head's columns of the attention context by its gate.
    func applyGates(_ context: inout Matrix, layer: Int, _ gates: HeadGates) {
        let h = config.hiddenSize, d = config.headSize
        for row in 0 ..< context.rows {
            for head in 0 ..< config.numAttentionHeads {
                let gate = gates[layer, head]
                for c in head * d ..< (head + 1) * d { context.values[row * h + c] *= gate }
            }
        }
    }

    /// One embedding per sequence: `[sequences, hidden]`.
    func pool(_ hidden: Matrix, _ layout: PackedBatch) -> Matrix {
        let h = config.hiddenSize
        var pooled = Matrix(zeros: layout.ranges.count, h)
        for s in layout.ranges.indices {
            switch pooling {
            case .cls:
                for c in 0 ..< h { pooled.values[s * h + c] = hidden.values[layout.ranges[s].lowerBound * h + c] }
            case .mean:
                let kept = layout.keptTokens(s)
                var sums = [Double](repeating: 0, count: h)
                for row in kept { for c in 0 ..< h { sums[c] += Double(hidden.values[row * h + c]) } }
                for c in 0 ..< h { pooled.values[s * h + c] = Float(sums[c] / Double(max(kept.count, 1))) }
            }
        }
        return pooled
    }
}
