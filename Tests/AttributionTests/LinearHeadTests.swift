import ErrataTestSupport
import Foundation
import Testing
@testable import Attribution

@Suite struct LinearHeadTests {
    @Test func readsJSONAndComputesLogitsAndProbabilities() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try folder.write("head.json", """
            {"labels": ["negative", "positive"], "weights": [[1, 0, -1], [0.5, 2, 0]], "bias": [0.25, -0.5]}
            """)
        let head = try LinearHead(contentsOf: URL(fileURLWithPath: file))
        #expect(head.classes == 2 && head.inputSize == 3 && head.labels == ["negative", "positive"])
        let logits = head.logits([2, 1, 3])
        #expect(logits == [-0.75, 2.5] as [Float])
        let p = head.probabilities([2, 1, 3])
        let positive: Double = 1 / (1 + exp(-3.25))
        #expect(abs(Double(p[1]) - positive) < 1e-6)
        #expect(abs(p.reduce(0, +) - 1) < 1e-6)
        let encoded = try JSONEncoder().encode(head)
        #expect(try JSONDecoder().decode(LinearHead.self, from: encoded) == head)
    }

    @Test func rejectsInconsistentFiles() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        for (name, json) in [
            ("ragged.json", #"{"weights": [[1, 2], [3]], "bias": [0, 0]}"#),
            ("bias.json", #"{"weights": [[1, 2]], "bias": [0, 0]}"#),
            ("labels.json", #"{"labels": ["a"], "weights": [[1], [2]], "bias": [0, 0]}"#),
        ] {
            let file = URL(fileURLWithPath: try folder.write(name, json))
            #expect(throws: ModelError.self, "\(name)") { try LinearHead(contentsOf: file) }
        }
    }

    /// The probability target's value and gradient at the head (the encoder part is covered
    /// by the encoder gradient tests).
    @Test func probabilityTargetIsTheSoftmax() {
        let head = LinearHead(weights: [[1, 0], [0, 1], [1, 1]], bias: [0, 0, 0])
        let result = head.targetGradient(.probability(2), pooled: [0.5, -0.25])
        let expected = head.probabilities([0.5, -0.25])[2]
        #expect(abs(result.value - Double(expected)) < 1e-7)
        #expect(result.logits == [0.5, -0.25, 0.25])
    }
}
