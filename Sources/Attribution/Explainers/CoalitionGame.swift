/// A cooperative game: the value v(S) of every coalition S of `playerCount` players.
///
/// The Shapley explainers see a model only through this protocol. For a text classifier a
/// player is a token, a coalition is the set of tokens kept, and v(S) is the model's output for
/// the class being explained with the other tokens masked. Values are asked for in batches
/// because a transformer evaluates many masked inputs in one forward pass; the explainers
/// decide how many coalitions go in one call.
public protocol CoalitionGame: Sendable {
    /// The number of players M.
    var playerCount: Int { get }

    /// v(S) for each coalition, in order. `coalitions[k][i]` is true when player `i` belongs to
    /// the k-th coalition; every coalition has `playerCount` entries.
    func values(of coalitions: [[Bool]]) throws -> [Double]
}

/// A game given by a function of one coalition, for value functions that are cheap to call
/// one at a time (tests, closed-form games, cached tables).
public struct FunctionGame: CoalitionGame {
    public let playerCount: Int
    private let value: @Sendable ([Bool]) throws -> Double

    public init(playerCount: Int, value: @escaping @Sendable ([Bool]) throws -> Double) {
        self.playerCount = playerCount
        self.value = value
    }

    public func values(of coalitions: [[Bool]]) throws -> [Double] {
        try coalitions.map(value)
    }
}
