import ErrataCore
import Foundation
import Testing
@testable import Attribution

/// `--precision bf16` on the real demo model: exact Shapley values of a test sentence in bf16
/// against float32, and the f(x) error the explanation reports.
@Suite(.serialized) struct BFloat16ExplanationTests {
    func options(_ method: Explainer.Method, _ precision: ExplanationPrecision) -> Explainer.Options {
        var options = Explainer.Options()
        options.method = method
        options.precision = precision
        return options
    }

    /// Every Shapley value is an average of differences v(S ∪ i) − v(S), so bf16 moves it by at
    /// most twice its largest change to a v(S); on MiniLM that is below 0.01 in probability
    /// (PyTorch's bf16 moved f by 7.6e-3 at most over 768 perturbations, docs/performance.md),
    /// hence the tolerance of 0.02.
    @Test(.enabled(if: BFloat16Weights.processorSupports, "the processor lacks AVX512-BF16"))
    func exactShapleyValuesInBF16StayWithinToleranceOfFloat32() throws {
        let explainer = Explainer(classifier: try ExplainerTests.classifier.get())
        let text = ExplainerTests.sentences[0]
        let float32 = try explainer.explain(text, options: options(.exact, .float32))
        let bf16 = try explainer.explain(text, options: options(.exact, .bf16))
        #expect(float32.precision == nil && float32.precisionError == nil)
        #expect(bf16.precision == .bf16)
        let error = try #require(bf16.precisionError)
        #expect(abs(error - abs(bf16.value - float32.value)) < 1e-12)
        #expect(error < 0.01)
        let largest = zip(bf16.scores, float32.scores).map { abs($0 - $1) }.max()!
        #expect(largest > 0 && largest < 0.02, "largest change \(largest)")
        // Still efficient: the bf16 game is a game of its own.
        #expect(abs(bf16.scores.reduce(0, +) - (bf16.value - (bf16.baseValue ?? 0))) < 1e-6)
    }

    /// Gradient methods stay float32: asking for bf16 is refused, not ignored.
    @Test func gradientMethodsRefuseBF16() throws {
        let explainer = Explainer(classifier: try ExplainerTests.classifier.get())
        #expect(throws: AttributionError.self) { try explainer.explain("Disappointingly unfunny.", options: options(.ig, .bf16)) }
    }
}
