/// Leave-one-out occlusion: the score of player i is v(N) − v(N ∖ {i}).
///
/// The cheapest attribution (M + 2 evaluations) and the one a reader checks first, but it sees
/// only the last marginal contribution of each player: two redundant tokens both score near
/// zero. It is not efficient; `Attribution.delta` shows by how much.
public struct LeaveOneOut: Sendable {
    /// Coalitions per call of the game.
    public var batchSize: Int

    public init(batchSize: Int = 1024) {
        self.batchSize = batchSize
    }

    /// The scores of `game`'s players; `progress` gets the evaluations done after every batch
    /// (the endpoints first).
    /// - Complexity: M + 2 evaluations (v(∅) is included so that `delta` is meaningful).
    public func explain(_ game: some CoalitionGame, progress: (_ evaluated: Int) -> Void = { _ in }) throws -> Attribution {
        let m = game.playerCount
        guard m >= 1 else { throw AttributionError.invalidArgument("a game needs at least one player") }
        var evaluator = try GameEvaluator(game: game, batchSize: batchSize)
        let (empty, full) = try evaluator.endpoints()
        progress(evaluator.evaluations)
        let coalitions = (0 ..< m).map { i in (0 ..< m).map { $0 != i } }
        let without = try evaluator.values(of: coalitions, evaluated: progress)
        return Attribution(
            scores: without.map { full - $0 }, standardErrors: Array(repeating: 0, count: m),
            baseValue: empty, value: full, evaluations: evaluator.evaluations, samples: 0)
    }
}
