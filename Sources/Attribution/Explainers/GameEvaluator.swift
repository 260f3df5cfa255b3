/// Asks a game for values in batches of bounded size, counts the calls and checks the answers.
struct GameEvaluator<Game: CoalitionGame> {
    let game: Game
    let batchSize: Int
    private(set) var evaluations = 0

    init(game: Game, batchSize: Int) throws {
        guard batchSize > 0 else { throw AttributionError.invalidArgument("batch size must be positive") }
        self.game = game
        self.batchSize = batchSize
    }

    /// v(S) for each coalition, in order; `evaluated` hears the evaluations counted so far
    /// after each batch.
    /// - Complexity: ⌈n / batchSize⌉ calls of the game for n coalitions.
    mutating func values(of coalitions: [[Bool]], evaluated: (Int) -> Void = { _ in }) throws -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(coalitions.count)
        var start = 0
        while start < coalitions.count {
            let end = min(start + batchSize, coalitions.count)
            let batch = Array(coalitions[start ..< end])
            let values = try game.values(of: batch)
            guard values.count == batch.count else {
                throw AttributionError.resultCountMismatch(expected: batch.count, received: values.count)
            }
            guard values.allSatisfy(\.isFinite) else { throw AttributionError.nonFiniteValue }
            result.append(contentsOf: values)
            evaluations += batch.count
            start = end
            evaluated(evaluations)
        }
        return result
    }

    /// v(∅) and v(N), the endpoints every explainer needs.
    mutating func endpoints() throws -> (empty: Double, full: Double) {
        let m = game.playerCount
        let values = try values(of: [Array(repeating: false, count: m), Array(repeating: true, count: m)])
        return (values[0], values[1])
    }
}
