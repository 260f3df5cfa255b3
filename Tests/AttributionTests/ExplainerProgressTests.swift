import ErrataCore
import ErrataTestSupport
import Foundation
import Testing
@testable import Attribution

/// Progress reports and cancellation of the explainers on the real demo model.
@Suite(.serialized) struct ExplainerProgressTests {
    /// Ten word pieces: 18 evaluations per ordering pair, 14 pairs per batch of 256.
    static let sentence = "The plot is predictable but the acting is superb."

    func permutation(budget: Int) -> Explainer.Options {
        var options = Explainer.Options()
        options.method = .permutation
        options.budget = budget
        return options
    }

    @Test func cancellingAfterTheFirstReportStopsBeforeAnotherBatch() throws {
        let explainer = Explainer(classifier: try ExplainerTests.classifier.get())
        let flag = Flag()
        let reports = Counter()
        let asked = Counter()
        #expect(throws: CancellationError.self) {
            try explainer.explain(Self.sentence, options: permutation(budget: 4000), progress: { _ in
                reports.increment()
                flag.raise()
            }, isCancelled: {
                asked.increment()
                return flag.isRaised
            })
        }
        #expect(reports.value == 1)
        // Asked before the endpoints, before the first batch, then once after the report.
        #expect(asked.value == 3)
    }

    @Test func integratedGradientsStopsBetweenStepBatches() throws {
        let explainer = Explainer(classifier: try ExplainerTests.classifier.get())
        var options = Explainer.Options()
        options.method = .ig
        options.steps = nil
        let asked = Counter()
        // The first batch of nodes runs; the check before the second ends the run.
        #expect(throws: CancellationError.self) {
            try explainer.explain(Self.sentence, options: options, isCancelled: {
                asked.increment()
                return asked.value > 1
            })
        }
        #expect(asked.value == 2)
    }

    /// Integrated Gradients reports the share of its evaluations after each batch of nodes:
    /// 50 steps and the two endpoints, in batches of the encoder's rows per call.
    @Test func integratedGradientsReportsItsShareAfterEachBatch() throws {
        let classifier = try ExplainerTests.classifier.get()
        var options = Explainer.Options()
        options.method = .ig
        options.steps = 50
        let perBatch = ClassifierFunction.pointsPerBatch(tokens: classifier.tokenizer.encode(Self.sentence).ids.count)
        var fractions: [Double] = []
        _ = try Explainer(classifier: classifier).explain(Self.sentence, options: options, fraction: { fractions.append($0) })
        let expected = stride(from: perBatch, to: 52, by: perBatch).map { Double($0) / 52 } + [1]
        #expect(perBatch < 52 && fractions == expected)
    }

    /// Leave-one-out reports its share after the endpoints and after its one batch here.
    @Test func leaveOneOutReportsItsShare() throws {
        var options = Explainer.Options()
        options.method = .loo
        var fractions: [Double] = []
        let explanation = try Explainer(classifier: try ExplainerTests.classifier.get())
            .explain(Self.sentence, options: options, fraction: { fractions.append($0) })
        let players = Double(explanation.tokens.count)
        #expect(players > 2 && fractions == [2 / (players + 2), 1])
    }

    /// Each report's largest standard error is below the previous one, and falls as
    /// 1/sqrt(pairs): the last over the first is within 25% of sqrt(first pairs / last pairs).
    @Test func standardErrorsFallFromReportToReport() throws {
        // Budget 4,000: room for 222 pairs, so the run ends by the 1% rule, not the budget.
        let explainer = Explainer(classifier: try ExplainerTests.classifier.get())
        let collected = Collector<Explanation>()
        let result = try explainer.explain(Self.sentence, options: permutation(budget: 4000), progress: { collected.append($0) })
        let reports = collected.items
        let maxima = reports.map { $0.se!.max()! }
        #expect(reports.count >= 3)
        for (earlier, later) in zip(maxima, maxima.dropFirst()) { #expect(later < earlier) }
        let perPair = Double(2 * (result.tokens.count - 1))
        let pairs = reports.map { (Double($0.evaluations) - 2) / perPair }
        let expectedRatio = (pairs.first! / pairs.last!).squareRoot()
        #expect(abs(maxima.last! / maxima.first! / expectedRatio - 1) < 0.25, "\(maxima) over \(pairs) pairs")
        // Measured with seed 1 (14 pairs, then 112 when the stopping rule is met); 1% covers
        // the difference between OpenBLAS and the SIMD kernels.
        #expect(reports.count == 8)
        #expect(abs(maxima.first! / 0.012738 - 1) < 0.01, "first max SE \(maxima.first!)")
        #expect(abs(maxima.last! / 0.004536 - 1) < 0.01, "last max SE \(maxima.last!)")
        #expect(result.converged == true)
        #expect(reports.last!.scores == result.scores)
    }
}

/// A flag set from a `@Sendable` callback.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    var isRaised: Bool { lock.withLock { raised } }
    func raise() { lock.withLock { raised = true } }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}

