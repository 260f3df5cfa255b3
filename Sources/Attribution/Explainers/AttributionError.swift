/// Why an explainer could not produce an attribution.
public enum AttributionError: Error, Equatable, CustomStringConvertible {
    /// Exact enumeration needs 2^M evaluations; above the limit an estimator must be used.
    case tooManyPlayers(players: Int, limit: Int)
    /// A game or function returned a different number of results than it was asked for.
    case resultCountMismatch(expected: Int, received: Int)
    /// A game or function returned NaN or an infinity.
    case nonFiniteValue
    /// An input, baseline, gradient or attention matrix has the wrong shape.
    case shapeMismatch(String)
    /// An argument outside its documented range (a budget, a step count, a group).
    case invalidArgument(String)
    /// The KernelSHAP regression has too few distinct coalitions to determine every value.
    case underdeterminedRegression(coalitions: Int, players: Int)

    public var description: String {
        switch self {
        case let .tooManyPlayers(players, limit):
            "exact Shapley values need 2^\(players) evaluations; at most \(limit) players are enumerated, use permutation sampling or KernelSHAP"
        case let .resultCountMismatch(expected, received):
            "asked for \(expected) values, received \(received)"
        case .nonFiniteValue:
            "the value function returned NaN or an infinity"
        case let .shapeMismatch(message):
            "shape mismatch: \(message)"
        case let .invalidArgument(message):
            "invalid argument: \(message)"
        case let .underdeterminedRegression(coalitions, players):
            "KernelSHAP cannot determine \(players) values from \(coalitions) distinct coalitions; raise the evaluation budget"
        }
    }
}
