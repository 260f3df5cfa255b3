import ErrataCore

/// Shapley values estimated from random orderings of the players, each paired with its reverse.
///
/// φ_i is the mean, over the M! orderings, of i's marginal contribution v(P ∪ {i}) − v(P) where P
/// holds the players before i (Shapley 1953). Sampling orderings uniformly gives an unbiased
/// estimate (Štrumbelj & Kononenko 2014); walking each ordering forwards and backwards
/// (antithetic sampling, Mitchell et al. 2022) cancels the pairwise interaction terms: for
/// v(S) = Σ a_i + Σ b_ij the predecessors of i in the reverse walk are exactly the players that
/// follow it in the forward walk, so one pair already yields a_i + ½ Σ_j b_ij, the exact value.
///
/// The sampling unit is the pair: its contribution is the mean of the two walks, the estimate is
/// the mean over pairs, and the standard error is sd / √n over the n pair contributions
/// (accumulated with Welford's update). Every walk telescopes to v(N) − v(∅), so efficiency holds
/// to rounding for any number of pairs.
///
/// Cost: v(∅) and v(N) once, then each pair evaluates the M − 1 proper prefixes of the ordering
/// and the M − 1 of its reverse: exactly 2 + 2(M − 1)·n evaluations for n pairs (shap's
/// Permutation explainer spends 2M + 1 per pair because it re-evaluates the endpoints).
public struct PermutationShapley: Sendable {
    /// Coalitions per call of the game; a batch holds ⌊batchSize / (2(M − 1))⌋ pairs (at least
    /// one), and the anytime mode reports after every batch.
    public var batchSize: Int

    public init(batchSize: Int = 1024) {
        self.batchSize = batchSize
    }

    /// The estimate from `pairs` ordering pairs drawn with `seed`.
    /// - Complexity: 2 + 2(M − 1)·pairs evaluations and O(M · pairs) arithmetic.
    public func explain(_ game: some CoalitionGame, pairs: Int, seed: UInt64) throws -> Attribution {
        guard pairs >= 1 else { throw AttributionError.invalidArgument("at least one ordering pair is needed") }
        return try run(game, seed: seed, maximumPairs: pairs, rule: nil, progress: { _ in }).attribution
    }

    /// Draws pairs until `rule` is met or its budget would be exceeded, calling `progress` with
    /// the estimate after every batch (a `progress` that throws cancels the run).
    /// - Complexity: at most `rule.evaluationBudget` evaluations.
    public func explain(
        _ game: some CoalitionGame, until rule: StoppingRule, seed: UInt64,
        progress: (Attribution) throws -> Void = { _ in }
    ) throws -> AnytimeAttribution {
        let perPair = 2 * max(game.playerCount - 1, 0)
        let affordable = perPair == 0 ? 1 : (rule.evaluationBudget - 2) / perPair
        guard rule.evaluationBudget >= 2, affordable >= 1 else {
            throw AttributionError.invalidArgument("a budget of \(rule.evaluationBudget) evaluations does not cover one ordering pair (\(2 + perPair))")
        }
        return try run(game, seed: seed, maximumPairs: affordable, rule: rule, progress: progress)
    }

    private func run(
        _ game: some CoalitionGame, seed: UInt64, maximumPairs: Int, rule: StoppingRule?,
        progress: (Attribution) throws -> Void
    ) throws -> AnytimeAttribution {
        let m = game.playerCount
        guard m >= 1 else { throw AttributionError.invalidArgument("a game needs at least one player") }
        var evaluator = try GameEvaluator(game: game, batchSize: batchSize)
        let (empty, full) = try evaluator.endpoints()
        if m == 1 { return try AnytimeAttribution.singlePlayer(empty: empty, full: full, evaluator: evaluator, progress: progress) }
        let perPair = 2 * (m - 1)
        let pairsPerBatch = max(1, batchSize / perPair)
        var generator = SeededGenerator(seed: seed)
        var ordering = Array(0 ..< m)
        var moments = RunningMoments(dimension: m)
        while true {
            let pairs = min(pairsPerBatch, maximumPairs - moments.count)
            var orderings: [[Int]] = []
            var coalitions: [[Bool]] = []
            coalitions.reserveCapacity(pairs * perPair)
            for _ in 0 ..< pairs {
                shuffle(&ordering, using: &generator)
                orderings.append(ordering)
                appendPrefixes(of: ordering, to: &coalitions)
                appendPrefixes(of: ordering.reversed(), to: &coalitions)
            }
            let values = try evaluator.values(of: coalitions)
            for (p, ordering) in orderings.enumerated() {
                var contribution = [Double](repeating: 0, count: m)
                let forward = values[(p * perPair) ..< (p * perPair + m - 1)]
                let backward = values[(p * perPair + m - 1) ..< ((p + 1) * perPair)]
                accumulate(ordering, prefixValues: forward, empty: empty, full: full, into: &contribution)
                accumulate(ordering.reversed(), prefixValues: backward, empty: empty, full: full, into: &contribution)
                moments.add(contribution)
            }
            let estimate = Attribution(
                scores: moments.mean, standardErrors: moments.standardErrors, baseValue: empty, value: full,
                evaluations: evaluator.evaluations, samples: moments.count)
            try progress(estimate)
            if let rule, rule.isConverged(estimate) {
                return AnytimeAttribution(attribution: estimate, converged: true)
            }
            if moments.count >= maximumPairs {
                return AnytimeAttribution(attribution: estimate, converged: false)
            }
        }
    }

    /// Fisher–Yates shuffle driven by errata's seeded generator.
    private func shuffle(_ ordering: inout [Int], using generator: inout SeededGenerator) {
        for i in stride(from: ordering.count - 1, to: 0, by: -1) {
            ordering.swapAt(i, generator.nextIndex(below: i + 1))
        }
    }

    /// The coalitions of the first 1, 2, …, M − 1 players of `ordering`.
    private func appendPrefixes(of ordering: some Collection<Int>, to coalitions: inout [[Bool]]) {
        var coalition = [Bool](repeating: false, count: ordering.count)
        for player in ordering.dropLast() {
            coalition[player] = true
            coalitions.append(coalition)
        }
    }

    /// Adds half of each player's marginal contribution along `ordering` (one walk of a pair).
    private func accumulate(
        _ ordering: some Collection<Int>, prefixValues: ArraySlice<Double>, empty: Double, full: Double,
        into contribution: inout [Double]
    ) {
        var previous = empty
        for (k, player) in ordering.enumerated() {
            let current = k < prefixValues.count ? prefixValues[prefixValues.startIndex + k] : full
            contribution[player] += (current - previous) / 2
            previous = current
        }
    }
}
