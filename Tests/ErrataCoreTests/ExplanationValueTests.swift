import ErrataCore
import Foundation
import Testing

/// The explanation value types the workbench and the engine share.
@Suite struct ExplanationValueTests {
    static let tokens = ["[CLS]", "good", "[SEP]"]

    /// Two layers, two heads, three tokens; weight = (layer·2 + head + 1) on the diagonal and
    /// row-normalised elsewhere, so each map is different and easy to read.
    static func grids() throws -> AttentionGrids {
        var values: [Float] = []
        for layer in 0 ..< 2 {
            for head in 0 ..< 2 {
                let d = Float(layer * 2 + head + 1)
                for q in 0 ..< 3 {
                    for k in 0 ..< 3 { values.append((q == k ? d : 1) / (d + 2)) }
                }
            }
        }
        return try AttentionGrids(layers: 2, heads: 2, tokens: tokens, values: values)
    }

    @Test func gridsIndexLayerHeadQueryKey() throws {
        let grids = try Self.grids()
        #expect(grids[layer: 0, head: 0, query: 1, key: 1] == Float(1) / 3)
        #expect(grids[layer: 1, head: 1, query: 2, key: 2] == Float(4) / 6)
        #expect(grids[layer: 1, head: 0, query: 0, key: 2] == Float(1) / 5)
        #expect(grids.map(layer: 0, head: 1)[0] == [Double(Float(2) / 4), Double(Float(1) / 4), Double(Float(1) / 4)])
    }

    @Test func headAverageIsTheMeanOfTheLayersHeads() throws {
        let average = try Self.grids().headAverage(layer: 1)
        // Heads with diagonals 3/5 and 4/6.
        #expect(abs(average[0][0] - (0.6 + 4.0 / 6) / 2) < 1e-7)
        #expect(abs(average[0][1] - (0.2 + 1.0 / 6) / 2) < 1e-7)
    }

    @Test func rolloutRowsSumToOneAndMatchTheArrayForm() throws {
        let grids = try Self.grids()
        let rollout = grids.rollout()
        for row in rollout { #expect(abs(row.reduce(0, +) - 1) < 1e-12) }
        let layers = (0 ..< 2).map { l in (0 ..< 2).map { grids.map(layer: l, head: $0) } }
        #expect(try AttentionRollout.rollout(layers) == rollout)
    }

    @Test func gridsRefuseBadShapesAndWeights() {
        #expect(throws: ExplanationError.self) { try AttentionGrids(layers: 1, heads: 1, tokens: ["a", "b"], values: [1, 0, 0]) }
        #expect(throws: ExplanationError.self) { try AttentionGrids(layers: 1, heads: 1, tokens: ["a"], values: [-1]) }
        #expect(throws: ExplanationError.self) { try AttentionGrids(layers: 1, heads: 1, tokens: ["a"], values: [.nan]) }
        #expect(throws: ExplanationError.self) { try AttentionGrids(layers: 0, heads: 1, tokens: ["a"], values: []) }
    }

    @Test func requestDefaultsAreTheCommandLinesWithIntegratedGradients() {
        let request = ExplanationRequest(system: "minilm", text: "x")
        #expect(request.method == .ig)
        #expect(request.steps == 50 && request.budget == 2000 && request.seed == 1)
        #expect(request.unit == .tokens && request.masking == .mask && request.baseline == .pad)
        #expect(request.target == nil && request.layer == nil && request.head == nil && !request.logit)
    }

    @Test func requestRoundTripsThroughJSON() throws {
        let request = ExplanationRequest(system: "bow", text: "a \"quoted\" text", method: .kernelshap, target: "negative", unit: .words,
                                         masking: .delete, baseline: .zero, steps: nil, budget: 300, seed: 9, layer: 2, head: 3, logit: true)
        let decoded = try JSONDecoder().decode(ExplanationRequest.self, from: JSONEncoder().encode(request))
        #expect(decoded == request)
    }

    /// float32 (nil) adds no key, so cache keys of float32 requests stay those written before
    /// bf16 existed; bf16 is part of the identity.
    @Test func precisionEntersTheRequestOnlyWhenNotFloat32() throws {
        let float32 = ExplanationRequest(system: "minilm", text: "good", method: .shap)
        let object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(float32)) as? [String: Any])
        #expect(object["precision"] == nil)
        var bf16 = float32
        bf16.precision = .bf16
        #expect(try JSONDecoder().decode(ExplanationRequest.self, from: JSONEncoder().encode(bf16)) == bf16)
        #expect(bf16 != float32)
    }

    static let explanation = Explanation(
        method: "ig", text: "good", tokens: [.init(text: "good", start: 0, end: 4)], scores: [0.3], value: 0.8,
        prediction: "positive", probabilities: ["negative": 0.2, "positive": 0.8], target: "positive", output: "probability",
        evaluations: 52)

    @Test func undefinedValuesAreNullInJSON() throws {
        let object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.explanation)) as? [String: Any])
        for key in ["se", "base_value", "delta", "steps", "converged", "matrix", "matrix_tokens", "layer", "head", "faithfulness", "precision", "precision_error"] {
            #expect(object[key] is NSNull, "\(key) should be null")
        }
        #expect(object["evaluations"] as? Int == 52)
        #expect(object.count == 22)
    }

    @Test func faithfulnessIsWrittenWithItsMeansAndReadBack() throws {
        var explanation = Self.explanation
        explanation.faithfulness = FaithfulnessScores(percentages: [50, 100], tokenCounts: [1, 2], comprehensiveness: [0.2, 0.4],
                                                      sufficiency: [0.1, 0.3], probability: 0.8)
        let data = try JSONEncoder().encode(explanation)
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let scores = try #require(object["faithfulness"] as? [String: Any])
        #expect(abs((scores["aopc_comprehensiveness"] as? Double ?? 0) - 0.3) < 1e-12)
        #expect(abs((scores["aopc_sufficiency"] as? Double ?? 0) - 0.2) < 1e-12)
        #expect(scores["token_counts"] as? [Int] == [1, 2])
        #expect(try JSONDecoder().decode(Explanation.self, from: data) == explanation)
    }

    @Test func predictionKeepsClassOrder() throws {
        let prediction = Prediction(label: "positive", probabilities: [0.25, 0.75])
        let json = String(decoding: try JSONEncoder().encode(prediction), as: UTF8.self)
        #expect(json.contains("[0.25,0.75]"))
        #expect(try JSONDecoder().decode(Prediction.self, from: Data(json.utf8)) == prediction)
    }

    @Test func modelAgnosticMethodsAreTheShapleyFamily() {
        #expect(ExplanationMethod.allCases.filter(\.isModelAgnostic) == [.shap, .kernelshap, .permutation, .exact, .loo])
    }
}
