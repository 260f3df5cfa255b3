/// Shapley values by enumerating every coalition (Shapley 1953).
///
/// φ_i = Σ_{S ⊆ N∖{i}} |S|! (M − |S| − 1)! / M! · (v(S ∪ {i}) − v(S)). Exact, deterministic and
/// the reference the estimators are tested against, but it needs all 2^M coalitions, so it
/// refuses games of more than `playerLimit` players (2^20 ≈ one million evaluations).
public struct ExactShapley: Sendable {
    /// The largest number of players enumerated.
    public static let playerLimit = 20

    /// Beyond this many players (2^14 = 16,384 evaluations, a few minutes of the transformer)
    /// the command line asks before it enumerates, with an estimate of the time.
    public static let playersWithoutConfirmation = 14

    /// Coalitions per call of the game.
    public var batchSize: Int

    public init(batchSize: Int = 1024) {
        self.batchSize = batchSize
    }

    /// The Shapley values of `game`; `progress` gets the evaluations done after every batch.
    /// - Complexity: 2^M evaluations of the game and O(M · 2^M) arithmetic.
    public func explain(_ game: some CoalitionGame, progress: (_ evaluated: Int) -> Void = { _ in }) throws -> Attribution {
        let m = game.playerCount
        guard m >= 1 else { throw AttributionError.invalidArgument("a game needs at least one player") }
        guard m <= Self.playerLimit else { throw AttributionError.tooManyPlayers(players: m, limit: Self.playerLimit) }
        var evaluator = try GameEvaluator(game: game, batchSize: batchSize)
        let count = 1 << m
        var table: [Double] = []
        table.reserveCapacity(count)
        var start = 0
        while start < count {
            let end = min(start + batchSize, count)
            let coalitions = (start ..< end).map { mask in (0 ..< m).map { mask & (1 << $0) != 0 } }
            table.append(contentsOf: try evaluator.values(of: coalitions))
            start = end
            progress(end)
        }
        // weight[s] = s! (M − s − 1)! / M! = 1 / (M · C(M − 1, s)).
        var weight = [Double](repeating: 0, count: m)
        var binomial = 1.0
        for s in 0 ..< m {
            weight[s] = 1 / (Double(m) * binomial)
            binomial = binomial * Double(m - 1 - s) / Double(s + 1)
        }
        var scores = [Double](repeating: 0, count: m)
        for mask in 0 ..< count - 1 {
            let w = weight[mask.nonzeroBitCount]
            for i in 0 ..< m where mask & (1 << i) == 0 {
                scores[i] += w * (table[mask | (1 << i)] - table[mask])
            }
        }
        return Attribution(
            scores: scores, standardErrors: Array(repeating: 0, count: m),
            baseValue: table[0], value: table[count - 1], evaluations: evaluator.evaluations, samples: 0)
    }
}
