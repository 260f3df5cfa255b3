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
        let heads = config.numAttentionHeads
        let layout = pass.layout
        var dx = poolingBackward(pooledGradient, layout)
        var gateGradients = [[Float]](repeating: [Float](repeating: 0, count: config.numHiddenLayers * heads),
                                      count: layout.ranges.count)
        // The gradient along the residual connection around the layer above, added to `dx` by
        // the next LayerNorm's backward pass.
        var residual: Matrix?
        for l in weights.layers.indices.reversed() {
            let layer = weights.layers[l], tape = pass.layers[l]
            let dOut = layer.outputNorm.backward(dx, adding: residual, cache: tape.outputNorm)
            let dIntermediate = GELU.backward(layer.output.inputGradient(dOut), slope: tape.intermediateSlope)
            let dx1 = layer.intermediate.inputGradient(dIntermediate)
            let dAttended = layer.attentionNorm.backward(dx1, adding: dOut, cache: tape.attentionNorm)
            var dContext = layer.attentionOutput.inputGradient(dAttended)
            let gates = (0 ..< heads).map { headGates?[l, $0] ?? 1 }
            let (dqkv, layerGateGradients) = attentionBackward(&dContext, context: tape.context, gates: gates,
                                                               tape.queryKeyValue, pass.probabilities[l], layout)
            for s in layout.ranges.indices {
                for head in 0 ..< heads { gateGradients[s][l * heads + head] = layerGateGradients[s * heads + head] }
            }
            dx = layer.queryKeyValue.inputGradient(dqkv)
            residual = dAttended
        }
        let dEmbedded = weights.embeddingNorm.backward(dx, adding: residual, cache: pass.embeddingNorm!)
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

    /// The backward pass of `attention` with head gates: from the gradient of the gated
    /// context to `[dQ | dK | dV]`, and ∂target/∂gate per sequence and head (sequence-major).
    /// Each task owns one sequence's rows of one head's columns, so it forms that head's gate
    /// gradient (against the ungated `context`) and gates `dContext` in place there: no
    /// single-threaded pass over the whole context per layer.
    func attentionBackward(_ dContext: inout Matrix, context: Matrix, gates: [Float], _ qkv: Matrix, _ probabilities: [Float],
                           _ layout: PackedBatch) -> (dqkv: Matrix, gateGradients: [Float]) {
        let h = config.hiddenSize, heads = config.numAttentionHeads, d = config.headSize
        let scale = 1 / Float(d).squareRoot()
        var gateGradients = [Float](repeating: 0, count: layout.ranges.count * heads)
        // Not zeroed first: the products write every value of dQ, dK and dV (beta 0).
        let dqkv = Matrix(rows: layout.tokenCount, columns: 3 * h) { out in
            dContext.values.withUnsafeMutableBufferPointer { dc in
                context.values.withUnsafeBufferPointer { cx in
                    qkv.values.withUnsafeBufferPointer { q in
                        probabilities.withUnsafeBufferPointer { p in
                            gateGradients.withUnsafeMutableBufferPointer { gg in
                                let dcp = SendablePointer(dc.baseAddress!), cxp = SendableReadPointer(cx.baseAddress!)
                                let qp = SendableReadPointer(q.baseAddress!), pp = SendableReadPointer(p.baseAddress!)
                                let op = SendablePointer(out), ggp = SendablePointer(gg.baseAddress!)
                                DispatchQueue.concurrentPerform(iterations: layout.ranges.count * heads) { task in
                                    let s = task / heads, head = task % heads
                                    let range = layout.ranges[s], t = range.count
                                    let rows = qp.base + range.lowerBound * 3 * h, dRows = op.base + range.lowerBound * 3 * h
                                    let dc = dcp.base + range.lowerBound * h + head * d
                                    let cx = cxp.base + range.lowerBound * h + head * d
                                    var sum = Lanes.Vector()
                                    for row in 0 ..< t {
                                        Lanes.forEach(row * h ..< row * h + d) { c, count in
                                            sum += Lanes.load(dc + c, count: count) * Lanes.load(cx + c, count: count)
                                        }
                                    }
                                    ggp.base[task] = sum.sum()
                                    if gates[head] != 1 { for row in 0 ..< t { for c in 0 ..< d { dc[row * h + c] *= gates[head] } } }
                                    let map = pp.base + layout.probabilityOffsets[s] + head * t * t
                                    // The score gradients, written whole by the first product (beta 0): not zeroed.
                                    // On the heap: a 512-token map is 1 MB, more than a worker thread's stack
                                    // should hold.
                                    let ds = UnsafeMutablePointer<Float>.allocate(capacity: t * t)
                                    defer { ds.deallocate() }
                                    MatrixMultiply.gemm(transposeA: false, transposeB: true, m: t, n: t, k: d,
                                                        a: dc, lda: h, b: rows + 2 * h + head * d, ldb: 3 * h, beta: 0, c: ds, ldc: t)
                                    MatrixMultiply.gemm(transposeA: true, transposeB: false, m: t, n: d, k: t,
                                                        a: map, lda: t, b: dc, ldb: h, beta: 0, c: dRows + 2 * h + head * d, ldc: 3 * h)
                                    Softmax.backward(probabilities: map, gradient: ds, rows: t, columns: t, scale: scale)
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
        }
        return (dqkv, gateGradients)
    }
}
