import ErrataCore

/// Faithfulness of an attribution: how much the model's confidence depends on the tokens the
/// attribution ranks highest (DeYoung et al. 2020, ERASER; thresholds as in ferret).
///
/// For k = 10 %, 20 %, …, 100 % of the M tokens:
/// - comprehensiveness(k) = p(x) − p(x without its top-k tokens): high when the top tokens
///   are needed;
/// - sufficiency(k) = p(x) − p(only the top-k tokens): low when they suffice.
/// The AOPC scores are their means over the thresholds.
///
/// Rounding: the top-k set at j·10 % holds ⌊j · M / 10⌋ tokens, computed in integers (ferret
/// takes int(fraction · M), which agrees except where 0.1 · j is not exact in binary). Thresholds
/// that select no token (j · M < 10) are skipped, as ferret skips them, and enter neither the
/// lists nor the means. Tokens are ranked by score, highest first, whatever the sign; equal
/// scores keep token order.
///
/// The result is the core's `FaithfulnessScores`, so explanations carry it to the workbench and
/// the cache; this extension computes it.
public typealias Faithfulness = FaithfulnessScores

extension FaithfulnessScores {
    /// Scores `scores` (one per token) against `probabilities`, whose v(S) is the model's
    /// probability of the explained class with only the tokens of S kept.
    /// - Complexity: at most 21 evaluations of `probabilities`, in one batch.
    public init(of scores: [Double], probabilities: some CoalitionGame) throws {
        let m = probabilities.playerCount
        guard m >= 1, scores.count == m else {
            throw AttributionError.shapeMismatch("\(scores.count) scores for \(m) tokens")
        }
        let ranking = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        let included = (1 ... 10).filter { $0 * m >= 10 }
        let tokenCounts = included.map { $0 * m / 10 }
        var coalitions = [[Bool](repeating: true, count: m)]
        for count in tokenCounts {
            var top = [Bool](repeating: false, count: m)
            for i in ranking.prefix(count) { top[i] = true }
            coalitions.append(top.map { !$0 })
            coalitions.append(top)
        }
        var evaluator = try GameEvaluator(game: probabilities, batchSize: coalitions.count)
        let values = try evaluator.values(of: coalitions)
        let full = values[0]
        self.init(percentages: included.map { $0 * 10 }, tokenCounts: tokenCounts,
                  comprehensiveness: tokenCounts.indices.map { full - values[1 + 2 * $0] },
                  sufficiency: tokenCounts.indices.map { full - values[2 + 2 * $0] }, probability: full)
    }
}
