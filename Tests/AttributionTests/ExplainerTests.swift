import ErrataTestSupport
import Foundation
import Testing
@testable import Attribution

/// The explainers on the real demo model: MiniLM (fetched into the model cache) with the
/// sentiment head trained by `errata train` and committed in Datasets/rotten-tomatoes.
@Suite(.serialized) struct ExplainerTests {
    static let classifier = Result {
        try TextClassifier(modelDirectory: try ModelStore.minilm(),
                           headFile: Fixtures.bundledDatasets.appendingPathComponent("rotten-tomatoes/models/minilm-head.json"))
    }

    static let sentences = [
        "A quiet, sad and beautiful film.",
        "Not even Steven Spielberg has dreamed up such blatant and sickening product placement in a movie.",
        "The plot is predictable but the acting is superb.",
        "Disappointingly unfunny.",
        "It's a masterpiece of tension, restraint and genuinely surprising twists.",
    ]

    func options(_ method: Explainer.Method) -> Explainer.Options {
        var options = Explainer.Options()
        options.method = method
        return options
    }

    @Test func integratedGradientsIsCompleteWithinOnePercent() throws {
        let explainer = Explainer(classifier: try Self.classifier.get())
        var adaptive = options(.ig)
        adaptive.steps = nil
        for sentence in Self.sentences {
            let e = try explainer.explain(sentence, options: adaptive)
            let delta = try #require(e.delta), base = try #require(e.baseValue)
            #expect(abs(delta) <= 0.01 * abs(e.value - base), "\(sentence): delta \(delta) after \(e.steps ?? 0) steps")
            #expect(e.tokens.count == e.scores.count)
        }
    }

    /// Step batches are sized by rows (tokens of all points), and the scores do not depend on
    /// how the points are batched: 16 points per call, as before, give the same attribution.
    @Test func integratedGradientsBatchesByRows() throws {
        #expect(ClassifierFunction.pointsPerBatch(tokens: 26) == ClassifierFunction.rowsPerBatch / 26)
        #expect(ClassifierFunction.pointsPerBatch(tokens: 1) == ClassifierFunction.rowsPerBatch)
        #expect(ClassifierFunction.pointsPerBatch(tokens: ClassifierFunction.rowsPerBatch + 1) == 1)
        let classifier = try Self.classifier.get()
        let explainer = Explainer(classifier: classifier)
        let e = try explainer.explain(Self.sentences[0], options: options(.ig))
        let encoding = classifier.tokenizer.encode(Self.sentences[0])
        let function = ClassifierFunction(classifier: classifier, tokens: encoding.count,
                                          target: .probability(try #require(explainer.labels.firstIndex(of: e.target))))
        let input = classifier.encoder.embeddings(tokenIds: encoding.ids).values.map(Double.init)
        let hidden = classifier.encoder.config.hiddenSize
        let pad = classifier.encoder.embeddings(tokenIds: [classifier.tokenizer.padID]).values.map(Double.init)
        var baseline = input
        for position in 1 ..< encoding.count - 1 { for d in 0 ..< hidden { baseline[position * hidden + d] = pad[d] } }
        let groups = try FeatureGroups((0 ..< encoding.count).map { $0 * hidden ..< ($0 + 1) * hidden }, dimension: input.count)
        let sixteen = try IntegratedGradients(batchSize: 16).explain(function, input: input, baseline: baseline, groups: groups)
        #expect(e.evaluations == 52 && sixteen.attribution.evaluations == 52)
        #expect(abs(sixteen.attribution.delta - (e.delta ?? .nan)) < 1e-6)
        let scores = Array(sixteen.attribution.scores[1 ..< encoding.count - 1])
        #expect(scores.count == e.scores.count)
        for (a, b) in zip(scores, e.scores) { #expect(abs(a - b) < 1e-6) }
    }

    @Test func exactShapleyIsEfficientOnTheModel() throws {
        let explainer = Explainer(classifier: try Self.classifier.get())
        let e = try explainer.explain("Disappointingly unfunny.", options: options(.exact))
        #expect((2 ... 12).contains(e.tokens.count))
        let base = try #require(e.baseValue)
        #expect(abs(e.scores.reduce(0, +) - (e.value - base)) < 1e-6)
        #expect(e.evaluations == 1 << e.tokens.count)
        #expect(e.prediction == "negative")
    }

    @Test func permutationSamplingReportsErrorsAndStaysEfficient() throws {
        let explainer = Explainer(classifier: try Self.classifier.get())
        var sampling = options(.permutation)
        sampling.budget = 600
        let e = try explainer.explain(Self.sentences[1], options: sampling)
        let se = try #require(e.se)
        #expect(se.count == e.scores.count && se.allSatisfy { $0 >= 0 })
        #expect(e.evaluations <= 600)
        #expect(abs(e.scores.reduce(0, +) - (e.value - (e.baseValue ?? 0))) < 1e-9)
    }

    @Test func maskingHappensAtTokenLevel() throws {
        let classifier = try Self.classifier.get()
        let text = "Disappointingly unfunny."
        let encoding = classifier.tokenizer.encode(text)
        let words = Players(encoding: encoding, text: text, unit: .words)
        #expect(words.texts == ["Disappointingly", "unfunny", "."])
        let game = ClassifierGame(classifier: classifier, encoding: encoding, players: words, masking: .mask, target: .probability(0))
        let masked = game.ids(for: [false, true, true])
        #expect(masked.count == encoding.count)
        for position in words.tokenRanges[0] { #expect(masked[position] == classifier.tokenizer.maskID) }
        #expect(Array(masked[words.tokenRanges[1].lowerBound...]) == Array(encoding.ids[words.tokenRanges[1].lowerBound...]))
        let deletion = ClassifierGame(classifier: classifier, encoding: encoding, players: words, masking: .delete, target: .probability(0))
        #expect(deletion.ids(for: [true, false, true]) == encoding.ids.enumerated().filter { !words.tokenRanges[1].contains($0.offset) }.map(\.element))
        // Batched and one-by-one evaluation agree.
        let coalitions = [[true, true, true], [false, true, true], [true, false, false], [false, false, false]]
        let batched = try deletion.values(of: coalitions)
        let single = try coalitions.map { try deletion.values(of: [$0])[0] }
        for (a, b) in zip(batched, single) { #expect(abs(a - b) < 1e-5) }
    }

    /// Coalitions go to the encoder in calls of at most `rowsPerCall` tokens, in order; a
    /// sequence longer than the bound has a call of its own.
    @Test func gameCallsAreBoundedByRows() {
        #expect(ClassifierGame.calls(lengths: [], rows: 10) == [])
        #expect(ClassifierGame.calls(lengths: [4, 4, 4, 4, 4], rows: 10) == [0 ..< 2, 2 ..< 4, 4 ..< 5])
        #expect(ClassifierGame.calls(lengths: [3, 12, 3, 3], rows: 10) == [0 ..< 1, 1 ..< 2, 2 ..< 4])
        #expect(ClassifierGame.calls(lengths: [5, 5], rows: 10) == [0 ..< 2])
        // A long text: 512 tokens a coalition, 16 per call.
        let long = ClassifierGame.calls(lengths: Array(repeating: 512, count: 256), rows: ClassifierGame.rowsPerCall)
        #expect(long.count == 16 && long.allSatisfy { $0.count == 16 })
        // 256 coalitions of a 25-token sentence stay one call.
        #expect(ClassifierGame.calls(lengths: Array(repeating: 25, count: 256), rows: ClassifierGame.rowsPerCall) == [0 ..< 256])
    }

    @Test func attentionAndRollout() throws {
        let explainer = Explainer(classifier: try Self.classifier.get())
        let rollout = try explainer.explain(Self.sentences[0], options: options(.rollout))
        let matrix = try #require(rollout.matrix)
        for row in matrix { #expect(abs(row.reduce(0, +) - 1) < 1e-5) }
        #expect(rollout.matrixTokens?.first == "[CLS]" && rollout.matrixTokens?.last == "[SEP]")
        var head = options(.attention)
        head.layer = 2
        head.head = 5
        let attention = try explainer.explain(Self.sentences[0], options: head)
        #expect(attention.layer == 2 && attention.head == 5)
        #expect(attention.scores.allSatisfy { $0 >= 0 })
    }
}
