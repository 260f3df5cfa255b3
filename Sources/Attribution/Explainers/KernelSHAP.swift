import ErrataCore

/// Shapley values as the solution of a weighted linear regression (KernelSHAP, Lundberg & Lee
/// 2017).
///
/// With the Shapley kernel π(S) = (M − 1) / (C(M, |S|) · |S| · (M − |S|)), the additive model
/// g(S) = φ₀ + Σ_{i∈S} φ_i that best fits v in weighted least squares, under the efficiency
/// constraint Σ φ_i = v(N) − v(∅), is exactly the Shapley value; fitting it on a subset of
/// coalitions estimates it. Coalitions are chosen as shap's KernelExplainer chooses them
/// (`KernelSampler`: whole size classes when the budget allows, paired random draws otherwise)
/// and the constrained problem is solved with the constraint eliminated and a QR factorisation
/// (`ConstrainedLeastSquares`), so efficiency holds to rounding and a budget of 2^M evaluations
/// reproduces exact Shapley values.
///
/// Standard errors. The estimator solves a regression whose matrices are sample means, so its
/// variance has no simple closed form (Covert & Lee 2021 analyse it asymptotically). It is
/// estimated by the bootstrap (Efron & Tibshirani 1993): the random draws (each a coalition and
/// its complement, the unit of paired sampling) are resampled with replacement, the enumerated
/// classes held fixed, the regression re-solved, and the standard error is the standard
/// deviation of the `bootstrapReplicates` re-estimates. The tests check it against the spread of
/// estimates over independent seeds. An estimate without random draws (every class enumerated)
/// is deterministic and reports zero errors.
public struct KernelSHAP: Sendable {
    /// Coalitions per call of the game; the anytime mode draws this many new coalitions between
    /// reports.
    public var batchSize: Int
    /// Bootstrap re-estimates behind each set of standard errors.
    public var bootstrapReplicates: Int

    public init(batchSize: Int = 1024, bootstrapReplicates: Int = 200) {
        self.batchSize = batchSize
        self.bootstrapReplicates = bootstrapReplicates
    }

    /// The estimate from at most `budget` evaluations (v(∅) and v(N) included; the budget is
    /// capped at 2^M, which enumerates every coalition).
    /// - Complexity: at most `budget` evaluations; O(B · K · M²) arithmetic for K coalitions and
    ///   B bootstrap replicates.
    public func explain(_ game: some CoalitionGame, budget: Int, seed: UInt64) throws -> Attribution {
        try run(game, budget: budget, seed: seed, rule: nil, progress: { _ in }).attribution
    }

    /// Draws `batchSize` new coalitions at a time until `rule` is met or its budget is spent,
    /// calling `progress` with each estimate (a `progress` that throws cancels the run). The size classes enumerated whole are those the
    /// first batch affords (so the first estimate comes after about `batchSize` evaluations);
    /// everything after is paired random draws. A deterministic estimate (nothing left to draw)
    /// counts as converged.
    /// - Complexity: at most `rule.evaluationBudget` evaluations; one regression and its
    ///   bootstrap per report.
    public func explain(
        _ game: some CoalitionGame, until rule: StoppingRule, seed: UInt64,
        progress: (Attribution) throws -> Void = { _ in }
    ) throws -> AnytimeAttribution {
        try run(game, budget: rule.evaluationBudget, seed: seed, rule: rule, progress: progress)
    }

    private func run(
        _ game: some CoalitionGame, budget: Int, seed: UInt64, rule: StoppingRule?,
        progress: (Attribution) throws -> Void
    ) throws -> AnytimeAttribution {
        let m = game.playerCount
        guard m >= 1 else { throw AttributionError.invalidArgument("a game needs at least one player") }
        guard budget >= 2 else { throw AttributionError.invalidArgument("KernelSHAP needs a budget of at least 2 evaluations") }
        guard bootstrapReplicates >= 2 else { throw AttributionError.invalidArgument("at least two bootstrap replicates are needed") }
        var evaluator = try GameEvaluator(game: game, batchSize: batchSize)
        let (empty, full) = try evaluator.endpoints()
        if m == 1 { return try AnytimeAttribution.singlePlayer(empty: empty, full: full, evaluator: evaluator, progress: progress) }
        let sampleBudget = m < 62 ? min(budget - 2, (1 << m) - 2) : budget - 2
        var sampler = KernelSampler(
            playerCount: m, enumerationBudget: rule == nil ? sampleBudget : batchSize, sampleBudget: sampleBudget, seed: seed)
        var targets = try evaluator.values(of: sampler.coalitions).map { $0 - empty }
        var bootstrapGenerator = SeededGenerator(seed: seed, stream: 1)
        while true {
            if sampler.canDraw {
                let added = sampler.draw(newCoalitions: rule == nil ? Int.max : batchSize)
                targets += try evaluator.values(of: Array(sampler.coalitions[added])).map { $0 - empty }
            }
            let estimate: Attribution
            do {
                let scores = try ConstrainedLeastSquares.solve(
                    coalitions: sampler.coalitions, targets: targets,
                    weights: sampler.weights(multiplicity: Array(repeating: 1, count: sampler.draws.count)),
                    total: full - empty, players: m)
                estimate = Attribution(
                    scores: scores,
                    standardErrors: sampler.isRandom ? bootstrapErrors(sampler, targets: targets, total: full - empty, generator: &bootstrapGenerator) : Array(repeating: 0, count: m),
                    baseValue: empty, value: full, evaluations: evaluator.evaluations, samples: sampler.draws.count)
            } catch AttributionError.underdeterminedRegression where rule != nil && sampler.canDraw {
                continue
            }
            try progress(estimate)
            if !sampler.isRandom { return AnytimeAttribution(attribution: estimate, converged: true) }
            if let rule, rule.isConverged(estimate) { return AnytimeAttribution(attribution: estimate, converged: true) }
            if !sampler.canDraw { return AnytimeAttribution(attribution: estimate, converged: false) }
        }
    }

    /// The standard deviation of the bootstrap re-estimates; nil when fewer than two of them
    /// could be solved.
    /// - Complexity: O(B · K · M²).
    private func bootstrapErrors(_ sampler: KernelSampler, targets: [Double], total: Double, generator: inout SeededGenerator) -> [Double]? {
        let m = sampler.playerCount
        let drawCount = sampler.draws.count
        var moments = RunningMoments(dimension: m)
        for _ in 0 ..< bootstrapReplicates {
            var multiplicity = [Int](repeating: 0, count: drawCount)
            for _ in 0 ..< drawCount { multiplicity[generator.nextIndex(below: drawCount)] += 1 }
            let weights = sampler.weights(multiplicity: multiplicity)
            guard let scores = try? ConstrainedLeastSquares.solve(
                coalitions: sampler.coalitions, targets: targets, weights: weights, total: total, players: m)
            else { continue }
            moments.add(scores)
        }
        return moments.standardDeviations
    }
}
