import Foundation
@testable import Attribution

/// The real all-MiniLM-L6-v2, fetched through the model cache once per test process, and the
/// reference outputs written by `Fixtures/make_model_fixtures.py`.
enum MiniLM {
    static let encoder: Result<BertEncoder, any Error> = Result { try BertEncoder(directory: ModelStore.minilm()) }

    struct Fixture: Decodable {
        struct Head: Decodable { let weights: [Float]; let bias: [Float]; let classes: Int }
        struct Case: Decodable {
            let text: String
            let tokenIds: [Int32]
            let lastHiddenState: [Float]
            let pooled: [Float]
            let logits: [Float]
            let wordEmbeddingGradient: [Float]
            let attentionFirstRows: [Float]
            let attentionDiagonals: [Float]
            let attentions: [Float]?
        }
        let layers: Int
        let heads: Int
        let hidden: Int
        let head: Head
        let targetClass: Int
        let cases: [Case]

        var linearHead: LinearHead {
            LinearHead(weights: (0 ..< head.classes).map { Array(head.weights[$0 * hidden ..< ($0 + 1) * hidden]) }, bias: head.bias)
        }
    }

    static let fixture: Result<Fixture, any Error> = Result {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/minilm_parity.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }
}
