import Foundation
import Testing
@testable import Attribution

/// errata's encoder against transformers' `BertModel` on all-MiniLM-L6-v2. The reference was
/// computed in float64, so the differences below are errata's own float32 error.
@Suite struct MiniLMParityTests {
    let encoder: BertEncoder
    let fixture: MiniLM.Fixture

    init() throws {
        encoder = try MiniLM.encoder.get()
        fixture = try MiniLM.fixture.get()
    }

    @Test func loadsTheCheckpoint() {
        #expect(encoder.config.numHiddenLayers == 6 && encoder.config.hiddenSize == 384)
        #expect(encoder.config.numAttentionHeads == 12 && encoder.config.intermediateSize == 1536)
        #expect(encoder.pooling == .mean)
        #expect(fixture.cases.count >= 5)
    }

    @Test func hiddenStatesPooledAndLogitsMatch() {
        let outputs = encoder.forward(batch: fixture.cases.map(\.tokenIds))
        let head = fixture.linearHead
        for (output, reference) in zip(outputs, fixture.cases) {
            let hidden = maxAbsoluteDifference(output.lastHiddenState.values, reference.lastHiddenState)
            let pooled = maxAbsoluteDifference(output.pooled, reference.pooled)
            let logits = maxAbsoluteDifference(head.logits(output.pooled), reference.logits)
            #expect(hidden < 1e-4, "\(reference.text): hidden \(hidden)")
            #expect(pooled < 1e-4, "\(reference.text): pooled \(pooled)")
            #expect(logits < 1e-4, "\(reference.text): logits \(logits)")
        }
    }

    @Test func attentionsMatch() {
        let outputs = encoder.forward(batch: fixture.cases.map(\.tokenIds), returnAttentions: true)
        var full = 0
        for (output, reference) in zip(outputs, fixture.cases) {
            let maps = output.attentions!
            let t = reference.tokenIds.count
            var firstRows: [Float] = [], diagonals: [Float] = []
            for layer in 0 ..< fixture.layers {
                for head in 0 ..< fixture.heads {
                    firstRows += (0 ..< t).map { maps[layer: layer, head: head, query: 0, key: $0] }
                    diagonals += (0 ..< t).map { maps[layer: layer, head: head, query: $0, key: $0] }
                }
            }
            #expect(maxAbsoluteDifference(firstRows, reference.attentionFirstRows) < 1e-4, "\(reference.text)")
            #expect(maxAbsoluteDifference(diagonals, reference.attentionDiagonals) < 1e-4, "\(reference.text)")
            if let all = reference.attentions {
                #expect(maxAbsoluteDifference(maps.values, all) < 1e-4, "\(reference.text)")
                full += 1
            }
        }
        #expect(full >= 2)
    }

    @Test func batchAgreesWithOneByOne() {
        let batch = encoder.forward(batch: fixture.cases.map(\.tokenIds), returnAttentions: true)
        for (s, reference) in fixture.cases.enumerated() {
            let alone = encoder.forward(batch: [reference.tokenIds], returnAttentions: true)[0]
            #expect(maxAbsoluteDifference(batch[s].lastHiddenState.values, alone.lastHiddenState.values) <= 1e-5)
            #expect(maxAbsoluteDifference(batch[s].attentions!.values, alone.attentions!.values) <= 1e-5)
            #expect(maxAbsoluteDifference(batch[s].pooled, alone.pooled) <= 1e-5)
        }
    }

    /// The gradient of the logit with respect to the word embeddings against PyTorch autograd.
    /// Entries span several orders of magnitude, so the check is norm-wise (‖Δ‖/‖g‖ < 1e-4)
    /// plus an absolute bound of 1e-4 × the largest entry on every entry. Measured: 0.8e-6 to
    /// 1.8e-6 relative, and at most 1.4e-6 × the largest entry; the margin covers the summation
    /// orders of other BLAS libraries, since float32 rounding through six layers is the only
    /// difference from the float64 reference.
    @Test func wordEmbeddingGradientMatchesAutograd() {
        let inputs = fixture.cases.map { EncoderInput(wordEmbeddings: encoder.embeddings(tokenIds: $0.tokenIds)) }
        let gradients = encoder.gradient(of: .logit(fixture.targetClass), head: fixture.linearHead, inputs: inputs)
        for (gradient, reference) in zip(gradients, fixture.cases) {
            #expect(abs(gradient.value - Double(reference.logits[fixture.targetClass])) < 1e-4)
            let relative = relativeError(gradient.wordEmbeddingGradient.values, reference.wordEmbeddingGradient)
            let largest = reference.wordEmbeddingGradient.map(abs).max()!
            let absolute = maxAbsoluteDifference(gradient.wordEmbeddingGradient.values, reference.wordEmbeddingGradient)
            #expect(relative < 1e-4, "\(reference.text): relative \(relative)")
            #expect(absolute < 1e-4 * largest, "\(reference.text): absolute \(absolute) of \(largest)")
        }
    }

    /// Central differences on the real model for the largest gradient entries and a few head
    /// gates. Word embeddings are about 0.05 in size, so the step is 1e-3; the target (a
    /// logit of order 1, in float32) then carries rounding noise of about 1e-4 per difference,
    /// hence a 2% tolerance on entries of order 0.1 to 1.
    @Test func finiteDifferencesOnTheRealModel() {
        let reference = fixture.cases[0]
        let head = fixture.linearHead, target = Target.logit(fixture.targetClass)
        let embeddings = encoder.embeddings(tokenIds: reference.tokenIds)
        let gradient = encoder.gradient(of: target, head: head, inputs: [EncoderInput(wordEmbeddings: embeddings)])[0]
        func value(_ x: Matrix, _ gates: HeadGates? = nil) -> Double {
            head.targetGradient(target, pooled: encoder.forward([EncoderInput(wordEmbeddings: x)], headGates: gates)[0].pooled).value
        }
        let step: Float = 1e-3
        let largest = gradient.wordEmbeddingGradient.values.indices
            .sorted { abs(gradient.wordEmbeddingGradient.values[$0]) > abs(gradient.wordEmbeddingGradient.values[$1]) }
            .prefix(4)
        for i in largest {
            var plus = embeddings, minus = embeddings
            plus.values[i] += step
            minus.values[i] -= step
            let numeric = (value(plus) - value(minus)) / Double(2 * step)
            let analytic = Double(gradient.wordEmbeddingGradient.values[i])
            #expect(abs(numeric - analytic) < 2e-2 * abs(analytic), "entry \(i): \(numeric) vs \(analytic)")
        }
        let gateStep: Float = 1e-2
        let gates = gradient.headGateGradient
        for i in gates.values.indices.sorted(by: { abs(gates.values[$0]) > abs(gates.values[$1]) }).prefix(3) {
            var plus = HeadGates(layers: 6, heads: 12), minus = plus
            plus.values[i] += gateStep
            minus.values[i] -= gateStep
            let numeric = (value(embeddings, plus) - value(embeddings, minus)) / Double(2 * gateStep)
            #expect(abs(numeric - Double(gates.values[i])) < 2e-2 * abs(Double(gates.values[i])), "gate \(i): \(numeric) vs \(gates.values[i])")
        }
    }
}
