import ErrataCore
import ErrataTestSupport
import Foundation
import Testing

/// The test double behaves as the protocol promises, so screens built on it show what the
/// engine would send.
@Suite struct CannedExplainerTests {
    @Test func progressComesBeforeTheResultAndCancellationStopsTheRun() throws {
        let canned = CannedExplainer()
        let request = ExplanationRequest(system: "minilm", text: CannedExplainer.sentence, method: .permutation)
        let seen = Collector<Explanation>()
        let result = try canned.explain(request, progress: { seen.append($0) }, isCancelled: { false })
        #expect(seen.items.map(\.scores) == [[0.1, -0.15, 0.3]])
        #expect(result.method == "permutation" && result.scores == [0.05, -0.2, 0.4])
        let cancelled = Collector<Explanation>()
        #expect(throws: CancellationError.self) {
            try canned.explain(request, progress: { cancelled.append($0) }, isCancelled: { !cancelled.items.isEmpty })
        }
        #expect(cancelled.items.count == 1)
    }

    @Test func cannedAttentionIsAValidGrid() throws {
        let grids = try CannedExplainer().attention(system: "minilm", text: CannedExplainer.sentence)
        #expect(grids.layers == 2 && grids.heads == 2 && grids.tokens.count == 5)
        #expect(grids[layer: 1, head: 1, query: 4, key: 1] == 0.6)
        for row in grids.rollout() { #expect(abs(row.reduce(0, +) - 1) < 1e-6) }
    }

    @Test func unknownSystemsAreRefusedByName() {
        let canned = CannedExplainer()
        #expect(canned.explainableSystems() == ["bow", "minilm"])
        #expect(canned.classes(system: "gpt") == [])
        #expect(throws: ExplanationError("system 'gpt' has no explainer")) {
            try canned.predict(system: "gpt", texts: [CannedExplainer.sentence])
        }
    }
}

