import Foundation
import Testing
import ErrataCore

/// errata's text metrics against sacrebleu 2.6.0 on four WMT17 en-de systems, all 3,004 segments
/// (`Fixtures/sacrebleu/wmt17.json`).
@Suite struct SacrebleuWMT17Tests {
    static let fixture = Result { try SacrebleuFixtures.load("wmt17.json", as: SacrebleuFixtures.WMT17.self) }

    @Test func segmentsDecode() throws {
        let fixture = try Self.fixture.get()
        let reference = fixture.texts("reference")
        #expect(reference.count == 3004)
        #expect(fixture.corpus.count == 4)
        for system in fixture.corpus.keys { #expect(fixture.texts(system).count == 3004) }
    }

    @Test(arguments: ["chrf", "chrf++", "bleu", "ter"])
    func corpusScoresMatch(variant: String) throws {
        let fixture = try Self.fixture.get()
        let metric = try #require(SacrebleuFixtures.variants[variant])
        let references = fixture.texts("reference").map { [$0] }
        for (system, scores) in fixture.corpus.sorted(by: { $0.key < $1.key }) {
            let actual = SacrebleuFixtures.corpusScore(metric, hypotheses: fixture.texts(system), references: references)
            let expected = try #require(scores[variant])
            #expect(abs(actual - expected) < 1e-9, "\(system): \(actual) vs \(expected)")
        }
    }

    @Test(arguments: ["chrf", "chrf++", "bleu", "ter"])
    func sentenceScoresMatch(variant: String) throws {
        let fixture = try Self.fixture.get()
        let metric = try #require(SacrebleuFixtures.variants[variant])
        let references = fixture.texts("reference")
        for (system, scores) in fixture.sentences {
            let expected = try #require(scores[variant])
            for (index, (hypothesis, reference)) in zip(fixture.texts(system), references).prefix(expected.count).enumerated() {
                let actual = metric.sentenceScore(hypothesis: hypothesis, references: [reference])
                #expect(abs(actual - expected[index]) < 1e-9, "\(system) segment \(index)")
            }
        }
    }
}
