import ErrataCore
import ErrataTestSupport
import Foundation
import Testing
@testable import Attribution

/// The bag-of-words system explained as a coalition game.
@Suite struct BagOfWordsExplanationTests {
    static let model = Result {
        try JSONDecoder().decode(BagOfWordsClassifier.self, from: Data(contentsOf: Fixtures.bundledDatasets.appendingPathComponent("rotten-tomatoes/models/bow.json")))
    }

    @Test func spansKeepOffsetsIntoTheOriginalText() {
        let text = "'Tis Amélie's best, isn't it?"
        let spans = BagOfWords.spans(of: text)
        #expect(spans.map(\.word) == ["tis", "amélie's", "best", "isn't", "it"])
        #expect(spans.map { String(Encoding.substring(text, $0.offsets)) } == ["Tis", "Amélie's", "best", "isn't", "it"])
        #expect(BagOfWords.words(of: text) == spans.map(\.word))
    }

    /// On the logit, a linear model on presence is additive: each distinct word's Shapley value
    /// is its weight, a repeated word's weight is shared by its occurrences, and a word outside
    /// the vocabulary scores 0.
    @Test func exactShapleyOnTheLogitIsTheWeights() throws {
        let model = try Self.model.get()
        let text = "A dull, dull film with zzzqx and a great cast."
        var options = Explainer.Options()
        options.method = .exact
        options.logit = true
        options.targetClass = "positive"
        let e = try Explainer(bagOfWords: model).explain(text, options: options)
        let k = try #require(model.labels.firstIndex(of: "positive"))
        let words = BagOfWords.words(of: text)
        #expect(e.tokens.map(\.text) == ["A", "dull", "dull", "film", "with", "zzzqx", "and", "a", "great", "cast"])
        for (i, word) in words.enumerated() {
            let occurrences = Double(words.filter { $0 == word }.count)
            let weight = model.vocabulary.index(of: word).map { Double(model.head.weights[k][Int($0)]) } ?? 0
            #expect(abs(e.scores[i] - weight / occurrences) < 1e-9, "\(word)")
        }
        #expect(e.scores[5] == 0)
        #expect(abs(e.value - Double(model.logits(model.vocabulary.features(text))[k])) < 1e-9)
    }

    /// Every masking removes the word, and words are the only unit.
    @Test func maskingAndUnitDoNotChangeTheGame() throws {
        let explainer = Explainer(bagOfWords: try Self.model.get())
        var options = Explainer.Options()
        options.method = .exact
        let text = "An uneven but often hilarious comedy."
        let reference = try explainer.explain(text, options: options)
        for masking in ExplanationMasking.allCases {
            for unit in ExplanationUnit.allCases {
                options.masking = masking
                options.unit = unit
                #expect(try explainer.explain(text, options: options).scores == reference.scores, "\(masking), \(unit)")
            }
        }
    }

    @Test func gradientAndAttentionMethodsAreRefused() throws {
        let explainer = Explainer(bagOfWords: try Self.model.get())
        #expect(!explainer.supports(.ig) && !explainer.supports(.attention) && explainer.supports(.kernelshap))
        var options = Explainer.Options()
        options.method = .ig
        #expect(throws: AttributionError.self) { try explainer.explain("good", options: options) }
    }

    @Test func cancellationReachesTheGame() throws {
        var options = Explainer.Options()
        options.method = .kernelshap
        #expect(throws: CancellationError.self) {
            try Explainer(bagOfWords: try Self.model.get()).explain("a fine, warm and funny film", options: options, isCancelled: { true })
        }
    }
}
