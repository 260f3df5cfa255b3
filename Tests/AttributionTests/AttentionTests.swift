import ErrataCore
import Testing
@testable import Attribution

@Suite struct AttentionTests {
    /// Random row-stochastic attention: [layer][head][query][key].
    static func randomAttention(layers: Int, heads: Int, tokens: Int, seed: UInt64) -> [[[[Double]]]] {
        var generator = SeededGenerator(seed: seed)
        return (0 ..< layers).map { _ in
            (0 ..< heads).map { _ in
                (0 ..< tokens).map { _ in
                    let row = (0 ..< tokens).map { _ in Double(generator.next() >> 11) * 0x1p-53 + 0.01 }
                    let total = row.reduce(0, +)
                    return row.map { $0 / total }
                }
            }
        }
    }

    @Test func rolloutRowsSumToOne() throws {
        let rollout = try AttentionRollout.rollout(Self.randomAttention(layers: 4, heads: 3, tokens: 6, seed: 2))
        for row in rollout { #expect(abs(row.reduce(0, +) - 1) < 1e-12) }
    }

    @Test func rolloutOfIdentityIsIdentity() throws {
        let identity = (0 ..< 4).map { i in (0 ..< 4).map { $0 == i ? 1.0 : 0.0 } }
        #expect(try AttentionRollout.rollout(Array(repeating: [identity, identity], count: 3)) == identity)
    }

    /// Layer 1 averages two heads to [[1,0,0],[½,½,0],[0,½,½]], so Â₁ = [[1,0,0],[¼,¾,0],[0,¼,¾]];
    /// layer 2 is a cyclic shift, Â₂ = [[½,½,0],[0,½,½],[½,0,½]]; R = Â₂Â₁.
    @Test func handComputedTwoLayerExample() throws {
        let layer1 = [
            [[1.0, 0, 0], [0.5, 0.5, 0], [0, 0, 1]],
            [[1.0, 0, 0], [0.5, 0.5, 0], [0, 1, 0]],
        ]
        let layer2 = [[[0.0, 1, 0], [0, 0, 1], [1, 0, 0]]]
        #expect(try AttentionRollout.headAverage(layer1) == [[1, 0, 0], [0.5, 0.5, 0], [0, 0.5, 0.5]])
        let expected = [[0.625, 0.375, 0], [0.125, 0.5, 0.375], [0.5, 0.125, 0.375]]
        #expect(try AttentionRollout.rollout([layer1, layer2]) == expected)
        #expect(try AttentionRollout.rollout([layer1]) == [[1, 0, 0], [0.25, 0.75, 0], [0, 0.25, 0.75]])
    }

    @Test func raggedShapesAreRejected() {
        #expect(throws: ExplanationError.self) { try AttentionRollout.headAverage([[[1, 0], [1]]]) }
        let two = [[[1.0, 0], [0, 1]]]
        let three = [[[1.0, 0, 0], [0, 1, 0], [0, 0, 1]]]
        #expect(throws: ExplanationError.self) { try AttentionRollout.rollout([two, three]) }
    }

    @Test func headImportanceAveragesGateGradientMagnitudes() throws {
        let gradients = [
            [[1.0, -2], [0.5, 0]],
            [[-3.0, 2], [0.5, -1]],
        ]
        #expect(try HeadImportance.scores(gateGradients: gradients) == [[2, 2], [0.5, 0.5]])
        let normalized = try HeadImportance.scores(gateGradients: gradients, normalizeLayers: true)
        let half = (0.5 as Double).squareRoot()
        for layer in normalized { #expect(maxAbsDifference(layer, [half, half]) < 1e-15) }
        #expect(throws: AttributionError.self) { try HeadImportance.scores(gateGradients: [[[1, 2]], [[1]]]) }
    }
}
