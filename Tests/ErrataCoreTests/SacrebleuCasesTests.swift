import Foundation
import Testing
@testable import ErrataCore

/// errata's text metrics against sacrebleu 2.6.0 on hand-made edge cases and seeded random pairs
/// (`Fixtures/sacrebleu/cases.json`).
@Suite struct SacrebleuCasesTests {
    static let fixture = Result { try SacrebleuFixtures.load("cases.json", as: SacrebleuFixtures.Cases.self) }

    @Test func fixtureCoversEveryVariant() throws {
        let fixture = try Self.fixture.get()
        #expect(fixture.cases.count > 250)
        #expect(Set(fixture.corpus.keys) == Set(SacrebleuFixtures.variants.keys))
    }

    @Test(arguments: SacrebleuFixtures.variants.keys.sorted())
    func sentenceScoresMatch(variant: String) throws {
        let metric = try #require(SacrebleuFixtures.variants[variant])
        for (index, pair) in try Self.fixture.get().cases.enumerated() {
            let expected = try #require(pair.scores[variant])
            let actual = metric.sentenceScore(hypothesis: pair.hypothesis, references: pair.references)
            #expect(abs(actual - expected) < 1e-9, "case \(index): \(pair.hypothesis.debugDescription)")
        }
    }

    /// The corpus score comes from summed statistics, not from averaging sentence scores.
    @Test(arguments: SacrebleuFixtures.variants.keys.sorted())
    func corpusScoreFromSummedStatisticsMatches(variant: String) throws {
        let metric = try #require(SacrebleuFixtures.variants[variant])
        let fixture = try Self.fixture.get()
        let actual = SacrebleuFixtures.corpusScore(
            metric, hypotheses: fixture.cases.map(\.hypothesis), references: fixture.cases.map(\.references))
        let expected = try #require(fixture.corpus[variant])
        #expect(abs(actual - expected) < 1e-9)
        let meanOfSentences = fixture.cases.map { $0.scores[variant]! }.reduce(0, +) / Double(fixture.cases.count)
        #expect(abs(meanOfSentences - expected) > 1e-3, "the fixture should tell a corpus score from a mean")
    }

    @Test func tokenizationMatches() throws {
        for (index, pair) in try Self.fixture.get().cases.enumerated() {
            let text = PythonText.rstrip(PythonText.scalars(pair.hypothesis))
            for (name, tokenize) in [("13a", Tokenizer13a.tokenize), ("intl", TokenizerIntl.tokenize)] {
                let tokenized = tokenize(text)
                let tokens = PythonText.split(tokenized).map { range in
                    String(String.UnicodeScalarView(tokenized[range].map { Unicode.Scalar($0)! }))
                }
                #expect(tokens.joined(separator: " ") == pair.tokenized[name], "case \(index), \(name)")
            }
        }
    }
}
