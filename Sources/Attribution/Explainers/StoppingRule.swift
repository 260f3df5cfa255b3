/// When an anytime estimator stops drawing samples.
///
/// The convergence test is the one of Covert & Lee (2021): stop once the largest standard error
/// is a small fraction of the spread of the estimates, max SE / (max φ − min φ) < tolerance, so
/// that the ranking of players is settled, whatever the scale of the model output.
public struct StoppingRule: Sendable, Equatable {
    /// The most value-function calls to spend, endpoints included.
    public var evaluationBudget: Int
    /// The convergence threshold on `Attribution.relativeStandardError`.
    public var tolerance: Double
    /// Samples to draw before the test is trusted: a standard error from a handful of samples
    /// can be zero or tiny by chance.
    public var minimumSamples: Int

    public init(evaluationBudget: Int, tolerance: Double = 0.01, minimumSamples: Int = 10) {
        self.evaluationBudget = evaluationBudget
        self.tolerance = tolerance
        self.minimumSamples = minimumSamples
    }

    /// Whether `attribution` satisfies the convergence test.
    public func isConverged(_ attribution: Attribution) -> Bool {
        guard attribution.samples >= minimumSamples, let ratio = attribution.relativeStandardError else { return false }
        return ratio < tolerance
    }
}

/// The last estimate of an anytime run and why the run ended.
public struct AnytimeAttribution: Sendable, Equatable {
    public var attribution: Attribution
    /// True when the stopping rule's convergence test passed; false when the budget ran out.
    public var converged: Bool

    public init(attribution: Attribution, converged: Bool) {
        self.attribution = attribution
        self.converged = converged
    }
}

extension AnytimeAttribution {
    /// A one-player game needs no sampling: its only player gets v(N) - v(∅), exactly.
    static func singlePlayer(empty: Double, full: Double, evaluator: GameEvaluator<some CoalitionGame>,
                             progress: (Attribution) throws -> Void) throws -> AnytimeAttribution {
        let exact = Attribution(scores: [full - empty], standardErrors: [0], baseValue: empty, value: full,
                                evaluations: evaluator.evaluations, samples: 0)
        try progress(exact)
        return AnytimeAttribution(attribution: exact, converged: true)
    }
}
