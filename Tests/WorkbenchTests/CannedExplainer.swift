import ErrataCore
import Workbench

/// An `Explaining` with fixed answers and no model, for golden screens and update tests: the
/// screens show exactly these numbers on every machine, with no 90 MB encoder to fetch.
///
/// `explain` hands each of `partials` to `progress` (checking `isCancelled` after each, as the
/// engine checks between batches), then returns the text's explanation with the request's
/// method. A system outside `systems` or a text without an entry is refused with an
/// `ExplanationError`, as the engine refuses what it cannot explain.
struct CannedExplainer: Explaining {
    /// Each explainable system's classes.
    var systems: [String: [String]] = ["minilm": ["negative", "positive"], "bow": ["negative", "positive"]]
    /// The final explanation of each text.
    var explanations: [String: Explanation] = [CannedExplainer.sentence: CannedExplainer.shap]
    /// What `progress` receives before the result, in order.
    var partials: [Explanation] = [CannedExplainer.shapHalfway]
    /// Requests found in the "disk cache".
    var cached: [ExplanationRequest: Explanation] = [:]
    var predictions: [String: Prediction] = [CannedExplainer.sentence: Prediction(label: "positive", probabilities: [0.25, 0.75])]
    var grids: [String: AttentionGrids] = [CannedExplainer.sentence: CannedExplainer.attention].compactMapValues { $0 }
    var faithfulness = FaithfulnessScores(percentages: [40, 80], tokenCounts: [1, 2], comprehensiveness: [0.5, 0.6],
                                          sufficiency: [0.1, 0.0], probability: 0.75)

    static let sentence = "quiet sad beautiful"

    /// Scores of the three words, with standard errors as permutation SHAP reports them.
    static let shap = Explanation(
        method: "shap", text: sentence,
        tokens: [.init(text: "quiet", start: 0, end: 5), .init(text: "sad", start: 6, end: 9), .init(text: "beautiful", start: 10, end: 19)],
        scores: [0.05, -0.2, 0.4], se: [0.01, 0.02, 0.015], baseValue: 0.5, value: 0.75, prediction: "positive",
        probabilities: ["negative": 0.25, "positive": 0.75], target: "positive", output: "probability", delta: 0,
        evaluations: 400, converged: true)

    /// The same after fewer samples: larger errors, scores not yet settled.
    static let shapHalfway: Explanation = {
        var partial = shap
        partial.scores = [0.1, -0.15, 0.3]
        partial.se = [0.05, 0.08, 0.06]
        partial.evaluations = 200
        partial.converged = nil
        return partial
    }()

    /// Two layers of two heads over `[CLS] quiet sad beautiful [SEP]`: in layer l, head h,
    /// query q gives 0.6 to key (q + l + h) mod 5 and 0.1 to each other key, so every map
    /// differs and every row sums to 1.
    static let attention: AttentionGrids? = {
        let tokens = ["[CLS]", "quiet", "sad", "beautiful", "[SEP]"]
        var values: [Float] = []
        for l in 0 ..< 2 {
            for h in 0 ..< 2 {
                for q in 0 ..< 5 {
                    for k in 0 ..< 5 { values.append(k == (q + l + h) % 5 ? 0.6 : 0.1) }
                }
            }
        }
        return try? AttentionGrids(layers: 2, heads: 2, tokens: tokens, values: values)
    }()

    func explainableSystems() -> [String] { systems.keys.sorted() }

    /// Reports half and then all of a fetch, as the engine does while it downloads.
    func prepare(progress: @Sendable (Double) -> Void) throws {
        progress(0.5)
        progress(1)
    }

    func classes(system: String) -> [String] { systems[system] ?? [] }

    func supportsGradients(system: String) -> Bool { system != "bow" }

    func explain(_ request: ExplanationRequest, progress: @Sendable (Explanation) -> Void,
                 fraction: @Sendable (Double) -> Void, isCancelled: @Sendable () -> Bool) throws -> Explanation {
        try check(request.system)
        guard var explanation = explanations[request.text] else {
            throw ExplanationError("no canned explanation of '\(request.text)'")
        }
        for partial in partials {
            if isCancelled() { throw CancellationError() }
            progress(partial)
        }
        if isCancelled() { throw CancellationError() }
        explanation.method = request.method.rawValue
        return explanation
    }

    func cachedExplanation(_ request: ExplanationRequest) -> Explanation? { cached[request] }

    func predict(system: String, texts: [String]) throws -> [Prediction] {
        try check(system)
        return try texts.map { text in
            guard let prediction = predictions[text] else { throw ExplanationError("no canned prediction of '\(text)'") }
            return prediction
        }
    }

    func attention(system: String, text: String) throws -> AttentionGrids {
        try check(system)
        guard let grid = grids[text] else { throw ExplanationError("no canned attention of '\(text)'") }
        return grid
    }

    /// Each head's importance is the number of texts times (layer + 1) + head / 10, so a test can
    /// tell the scope and the position apart.
    func headImportance(system: String, texts: [String], progress: @Sendable (Double) -> Void,
                        isCancelled: @Sendable () -> Bool) throws -> [[Double]] {
        try check(system)
        guard let grid = grids.values.first else { throw ExplanationError("no canned attention to shape head importance") }
        progress(0.5)
        return (0 ..< grid.layers).map { l in (0 ..< grid.heads).map { Double(texts.count * (l + 1)) + Double($0) / 10 } }
    }

    func faithfulness(of explanation: Explanation, request: ExplanationRequest) throws -> FaithfulnessScores {
        try check(request.system)
        return faithfulness
    }

    private func check(_ system: String) throws {
        guard systems[system] != nil else { throw ExplanationError("system '\(system)' has no explainer") }
    }
}
