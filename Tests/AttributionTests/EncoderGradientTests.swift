import Testing
@testable import Attribution

/// Finite-difference checks of the whole backward pass on small random encoders: one layer
/// (embeddings, attention, feed-forward, pooling, head) and then two layers stacked.
///
/// The target is evaluated in Float32, so each central difference carries rounding noise of
/// about 1e-7 · |target| / h; with h = 1e-2 and targets of order 1 that is 1e-5, and the O(h²)
/// truncation error is about 1e-4 relative. The norm-wise relative error over all gradient
/// entries must stay below 1e-3 (measured: 4e-5 to 5e-5 for embeddings, 1e-5 to 3e-5 for gates);
/// a missing 1/√d in the attention backward, for one, gives 0.06 to 0.56.
@Suite struct EncoderGradientTests {
    static let step: Float = 1e-2
    static let tolerance = 1e-3

    static func check(layers: Int, pooling: Pooling, target: Target, masked: Bool, seed: UInt64) {
        var random = RandomTensors(seed: seed)
        let encoder = random.encoder(layers: layers, pooling: pooling)
        let head = random.head()
        let ids = random.tokenIds(6)
        let mask: [Bool]? = masked ? [true, true, false, true, true, false] : nil
        let input = EncoderInput(wordEmbeddings: encoder.embeddings(tokenIds: ids), attentionMask: mask)
        var gates = HeadGates(layers: layers, heads: 4)
        for i in gates.values.indices { gates.values[i] = 1 + random.values(1, scale: 0.3)[0] }
        let gradient = encoder.gradient(of: target, head: head, inputs: [input], headGates: gates)[0]

        func value(_ embeddings: Matrix, _ gates: HeadGates) -> Double {
            let pooled = encoder.forward([EncoderInput(wordEmbeddings: embeddings, attentionMask: mask)], headGates: gates)[0].pooled
            return head.targetGradient(target, pooled: pooled).value
        }
        #expect(abs(value(input.wordEmbeddings, gates) - gradient.value) < 1e-6)

        let numeric = (0 ..< input.wordEmbeddings.values.count).map { i in
            var plus = input.wordEmbeddings, minus = input.wordEmbeddings
            plus.values[i] += step
            minus.values[i] -= step
            return Float((value(plus, gates) - value(minus, gates)) / Double(2 * step))
        }
        let error = relativeError(gradient.wordEmbeddingGradient.values, numeric)
        #expect(error < tolerance, "word embeddings: relative error \(error)")
        if masked {
            // A masked token is neither attended to nor pooled: its embedding has no effect.
            #expect(gradient.wordEmbeddingGradient.row(2).allSatisfy { $0 == 0 })
        }

        let numericGates = (0 ..< gates.values.count).map { i in
            var plus = gates, minus = gates
            plus.values[i] += step
            minus.values[i] -= step
            return Float((value(input.wordEmbeddings, plus) - value(input.wordEmbeddings, minus)) / Double(2 * step))
        }
        let gateError = relativeError(gradient.headGateGradient.values, numericGates)
        #expect(gateError < tolerance, "head gates: relative error \(gateError)")
    }

    @Test(arguments: [Target.logit(1), .probability(2)])
    func oneLayer(target: Target) {
        Self.check(layers: 1, pooling: .mean, target: target, masked: false, seed: 41)
    }

    @Test(arguments: [Pooling.mean, .cls])
    func twoLayers(pooling: Pooling) {
        Self.check(layers: 2, pooling: pooling, target: .logit(0), masked: false, seed: 42)
    }

    @Test func twoLayersWithMask() {
        Self.check(layers: 2, pooling: .mean, target: .probability(1), masked: true, seed: 43)
    }

    @Test func batchedGradientsAgreeWithSingle() {
        var random = RandomTensors(seed: 44)
        let encoder = random.encoder()
        let head = random.head()
        let inputs = [5, 11, 2].map { EncoderInput(wordEmbeddings: encoder.embeddings(tokenIds: random.tokenIds($0))) }
        let batched = encoder.gradient(of: .logit(1), head: head, inputs: inputs)
        for (s, input) in inputs.enumerated() {
            let single = encoder.gradient(of: .logit(1), head: head, inputs: [input])[0]
            #expect(abs(batched[s].value - single.value) < 1e-6)
            #expect(maxAbsoluteDifference(batched[s].wordEmbeddingGradient.values, single.wordEmbeddingGradient.values) <= 1e-5)
            #expect(maxAbsoluteDifference(batched[s].headGateGradient.values, single.headGateGradient.values) <= 1e-5)
        }
    }
}
