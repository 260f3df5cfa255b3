/// Scores that share out the change of a model output between a baseline and an input.
///
/// One type serves every explainer: Shapley estimators (scores per player, `baseValue` = v(∅),
/// `value` = v(N)), occlusion, and Integrated Gradients (scores per input group, `baseValue` =
/// F(x'), `value` = F(x)).
public struct Attribution: Sendable, Equatable {
    /// One score per player (or input group).
    public var scores: [Double]
    /// The standard error of each score when it is a random estimate; zeros for a deterministic
    /// Shapley estimate; nil for gradient methods, which have no sampling error, and when too
    /// few samples were drawn to estimate one.
    public var standardErrors: [Double]?
    /// The output with every player absent: v(∅), or F(baseline).
    public var baseValue: Double
    /// The output with every player present: v(N), or F(input).
    public var value: Double
    /// Calls of the value function (coalitions or gradient points) spent, endpoints included.
    public var evaluations: Int
    /// Independent random samples behind the standard errors (permutation pairs, KernelSHAP
    /// draws); 0 for deterministic methods.
    public var samples: Int

    public init(scores: [Double], standardErrors: [Double]?, baseValue: Double, value: Double, evaluations: Int, samples: Int) {
        self.scores = scores
        self.standardErrors = standardErrors
        self.baseValue = baseValue
        self.value = value
        self.evaluations = evaluations
        self.samples = samples
    }

    /// value − baseValue − Σ scores: the efficiency gap of Shapley estimates, or the
    /// completeness delta of Integrated Gradients (Sundararajan et al. 2017, reported as
    /// captum does). Zero up to rounding for every Shapley estimator here.
    public var delta: Double {
        value - baseValue - scores.reduce(0, +)
    }

    /// max SE / (max score − min score): the convergence measure of the anytime rule. Nil
    /// without standard errors; 0 when every score and error is 0; infinity when the scores are
    /// all equal but uncertain.
    public var relativeStandardError: Double? {
        guard let standardErrors, let largest = standardErrors.max(), let high = scores.max(), let low = scores.min() else {
            return nil
        }
        let range = high - low
        if range > 0 { return largest / range }
        return largest == 0 ? 0 : .infinity
    }
}
