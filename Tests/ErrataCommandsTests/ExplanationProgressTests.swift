import Testing
@testable import ErrataCommands

/// The progress line of a long explanation on the command line (any method that reports a
/// fraction: the Shapley family and Integrated Gradients).
@Suite struct ExplanationProgressTests {
    @Test func theLineGivesTheShareAndTheTimeLeftAtTheRateSoFar() {
        #expect(ExplanationProgress.line(method: "ig", fraction: 0.25, elapsed: 10) == "\rerrata: ig 25% of the evaluations, about 30 s left   ")
        #expect(ExplanationProgress.line(method: "shap", fraction: 0.5, elapsed: 95) == "\rerrata: shap 50% of the evaluations, about 1 min 35 s left   ")
    }

    @Test func noTimeLeftIsGuessedAtTheStartOrTheEnd() {
        #expect(ExplanationProgress.line(method: "ig", fraction: 0, elapsed: 3) == "\rerrata: ig 0% of the evaluations   ")
        #expect(ExplanationProgress.line(method: "ig", fraction: 1, elapsed: 3) == "\rerrata: ig 100% of the evaluations   ")
    }
}
