import Attribution
import ErrataCore
import Foundation

/// (d) How often Integrated Gradients is complete, |delta| ≤ 1% of |F(x) − F(x′)|, on the
/// test split: with the adaptive mode (doubling from 16 steps up to 1024) and at a fixed 50
/// steps. Long (every sentence costs several hundred gradient points), so it reports its
/// running state through `checkpoint` every `checkpointEvery` sentences: an interrupted run
/// still leaves the largest prefix it finished.
struct CompletenessSurvey {
    struct Sentence: Codable {
        var index: Int
        var tokens: Int
        var adaptiveSteps: Int
        /// |delta| / |F(x) − F(x′)|; nil when F(x) = F(x′).
        var adaptiveRelativeDelta: Double?
        var fixedRelativeDelta: Double?
        var seconds: Double
    }

    struct Result: Codable {
        var tolerance: Double
        var initialSteps: Int
        var maximumSteps: Int
        var fixedSteps: Int
        var sentencesInSplit: Int
        var sentencesDone: Int
        var adaptiveComplete: Int
        var fixedComplete: Int
        /// Sentences by the step count the adaptive mode stopped at.
        var stepsHistogram: [String: Int]
        var worstAdaptiveRelativeDelta: Double
        var worstFixedRelativeDelta: Double
        var seconds: Double
        var sentences: [Sentence]
    }

    /// The rule, first step count and ceiling that `Explainer` gives the adaptive mode
    /// (`IntegratedGradients.explainAdaptively`); recorded so the report states them.
    let tolerance = 0.01
    let initialSteps = 16
    let maximumSteps = 1024
    var fixedSteps = 50
    var checkpointEvery = 50

    func run(_ inputs: BenchmarkInputs, limit: Int?, checkpoint: (Result) throws -> Void) throws -> Result {
        let explainer = Explainer(classifier: inputs.classifier)
        var adaptive = Explainer.Options()
        adaptive.method = .ig
        adaptive.steps = nil
        var fixed = adaptive
        fixed.steps = fixedSteps
        let count = min(limit ?? inputs.sentences.count, inputs.sentences.count)
        var sentences: [Sentence] = []
        let started = ContinuousClock.now
        for index in 0 ..< count {
            let text = inputs.sentences[index]
            let ((flexible, rigid), seconds) = try Stopwatch.time {
                (try explainer.explain(text, options: adaptive), try explainer.explain(text, options: fixed))
            }
            sentences.append(Sentence(index: index, tokens: inputs.classifier.tokenizer.encode(text).count,
                                      adaptiveSteps: flexible.steps ?? 0,
                                      adaptiveRelativeDelta: Self.relativeDelta(flexible),
                                      fixedRelativeDelta: Self.relativeDelta(rigid), seconds: seconds))
            if sentences.count % checkpointEvery == 0 || sentences.count == count {
                let elapsed = (ContinuousClock.now - started).components
                try checkpoint(summary(sentences, split: inputs.sentences.count,
                                       seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18))
            }
        }
        let elapsed = (ContinuousClock.now - started).components
        return summary(sentences, split: inputs.sentences.count, seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
    }

    private static func relativeDelta(_ explanation: Explanation) -> Double? {
        guard let delta = explanation.delta, let base = explanation.baseValue, explanation.value != base else { return nil }
        return abs(delta) / abs(explanation.value - base)
    }

    /// A sentence whose F(x) equals F(x′) counts as complete only when its delta is 0, which
    /// the relative delta cannot express: it is left out of the worst case and counted as not
    /// complete.
    private func summary(_ sentences: [Sentence], split: Int, seconds: Double) -> Result {
        let adaptiveDeltas = sentences.compactMap(\.adaptiveRelativeDelta)
        let fixedDeltas = sentences.compactMap(\.fixedRelativeDelta)
        return Result(
            tolerance: tolerance, initialSteps: initialSteps, maximumSteps: maximumSteps, fixedSteps: fixedSteps,
            sentencesInSplit: split, sentencesDone: sentences.count,
            adaptiveComplete: adaptiveDeltas.filter { $0 <= tolerance }.count,
            fixedComplete: fixedDeltas.filter { $0 <= tolerance }.count,
            stepsHistogram: Dictionary(grouping: sentences, by: { String($0.adaptiveSteps) }).mapValues(\.count),
            worstAdaptiveRelativeDelta: adaptiveDeltas.max() ?? 0, worstFixedRelativeDelta: fixedDeltas.max() ?? 0,
            seconds: seconds, sentences: sentences)
    }
}
