import Foundation

/// Gradients of a recorded forward pass with respect to its inputs.
struct InputGradients: Sendable {
    /// Per sequence, `[tokens, hidden]`: the gradient for each word-embedding value.
    let wordEmbeddings: [Matrix]
    /// Per sequence, layer-major: the gradient for each head gate.
    let headGates: [[Float]]
}

extension BertEncoder {
    /// Back-propagates `pooledGradient` (`[sequences, hidden]`) through pooling, every layer
    /// (LayerNorm, GELU, softmax attention, residuals) and the embedding LayerNorm. The
    /// weights are frozen, so only input gradients are formed: `dx = dy · W` per layer.
    func backward(_ pass: ForwardPass, pooledGradient: Matrix, headGates: HeadGates?) -> InputGradients {
        let h = config.hiddenSize, heads = config.numAttentionHeads, d = config.headSize
        let layout = pass.layout
        var dx = poolingBackward(pooledGradient, layout)
        var gateGradients = [[Float]](repeating: [Float](repeating: 0, count: config.numHiddenLayers * heads),
                                      count: layout.ranges.count)
        for l in weights.layers.indices.reversed() {
            let layer = weights.layers[l], tape = pass.layers[l]
            let dOut = layer.outputNorm.backward(dx, cache: tape.outputNorm)
            let dIntermediate = GELU.backward(layer.output.inputGradient(dOut), input: tape.intermediate,
                                              cdf: tape.intermediateCDF)
            var dx1 = layer.intermediate.inputGradient(dIntermediate)
            RowBlocks.add(dOut, to: &dx1)
            let dAttended = layer.attentionNorm.backward(dx1, cache: tape.attentionNorm)
            var dContext = layer.attentionOutput.inputGradient(dAttended)
            for (s, range) in layout.ranges.enumerated() {
                for head in 0 ..< heads {
                    var sum = 0.0
                    for row in range {
                        for c in head * d ..< (head + 1) * d { sum += Double(dContext.values[row * h + c] * tape.context.values[row * h + c]) }
                    }
                    gateGradients[s][l * heads + head] = Float(sum)
                }
            }
            if let headGates { applyGates(&dContext, layer: l, headGates) }
            let dqkv = attentionBackward(dContext, tape.queryKeyValue, pass.probabilities[l], layout)
            dx = layer.queryKeyValue.inputGradient(dqkv)
            RowBlocks.add(dAttended, to: &dx)
        }
        let dEmbedded = weights.embeddingNorm.backward(dx, cache: pass.embeddingNorm!)
        return InputGradients(wordEmbeddings: layout.ranges.map { dEmbedded.rows($0) }, headGates: gateGradients)
    }

    /// Spreads each sequence's pooled gradient over the tokens that pooling read.
    func poolingBackward(_ pooledGradient: Matrix, _ layout: PackedBatch) -> Matrix {
        let h = config.hiddenSize
        var dx = Matrix(zeros: layout.tokenCount, h)
        for s in layout.ranges.indices {
            let rows = pooling == .cls ? [layout.ranges[s].lowerBound] : layout.keptTokens(s)
            let share = 1 / Float(max(rows.count, 1))
            for row in rows { for c in 0 ..< h { dx.values[row * h + c] = pooledGradient.values[s * h + c] * share } }
        }
        return dx
    }

    /// The backward pass of `attention`: from the context gradient to `[dQ | dK | dV]`.
    func attentionBackward(_ dContext: Matrix, _ qkv: Matrix, _ probabilities: [Float], _ layout: PackedBatch) -> Matrix {
        let h = config.hiddenSize, heads = config.numAttentionHeads, d = config.headSize
        let scale = 1 / Float(d).squareRoot()
        var dqkv = Matrix(zeros: layout.tokenCount, 3 * h)
        dContext.values.withUnsafeBufferPointer { dc in
            qkv.values.withUnsafeBufferPointer { q in
                probabilities.withUnsafeBufferPointer { p in
                    dqkv.values.withUnsafeMutableBufferPointer { out in
                        let dcp = SendableReadPointer(dc.baseAddress!), qp = SendableReadPointer(q.baseAddress!)
                        let pp = SendableReadPointer(p.baseAddress!), op = SendablePointer(out.baseAddress!)
                        DispatchQueue.concurrentPerform(iterations: layout.ranges.count * heads) { task in
                            let s = task / heads, head = task % heads
                            let range = layout.ranges[s], t = range.count
                            let rows = qp.base + range.lowerBound * 3 * h, dRows = op.base + range.lowerBound * 3 * h
                            let dc = dcp.base + range.lowerBound * h + head * d
                            let map = pp.base + layout.probabilityOffsets[s] + head * t * t
                            var scores = [Float](repeating: 0, count: t * t)
                            scores.withUnsafeMutableBufferPointer { ds in
                                let ds = ds.baseAddress!
                                MatrixMultiply.gemm(transposeA: false, transposeB: true, m: t, n: t, k: d,
                                                    a: dc, lda: h, b: rows + 2 * h + head * d, ldb: 3 * h, beta: 0, c: ds, ldc: t)
                                MatrixMultiply.gemm(transposeA: true, transposeB: false, m: t, n: d, k: t,
                                                    a: map, lda: t, b: dc, ldb: h, beta: 0, c: dRows + 2 * h + head * d, ldc: 3 * h)
                                Softmax.backward(probabilities: map, gradient: ds, rows: t, columns: t)
                                for i in 0 ..< t * t { ds[i] *= scale }
                                MatrixMultiply.gemm(transposeA: false, transposeB: false, m: t, n: d, k: t,
                                                    a: ds, lda: t, b: rows + h + head * d, ldb: 3 * h, beta: 0, c: dRows + head * d, ldc: 3 * h)
                                MatrixMultiply.gemm(transposeA: true, transposeB: false, m: t, n: d, k: t,
                                                    a: ds, lda: t, b: rows + head * d, ldb: 3 * h, beta: 0, c: dRows + h + head * d, ldc: 3 * h)
                            }
                        }
                    }
                }
            }
        }
        return dqkv
    }
}
