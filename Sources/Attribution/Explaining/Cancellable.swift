/// A game that asks whether its caller still wants the answer before every batch, and
/// throws `CancellationError` when not. Every explainer asks its game for values batch by
/// batch, so wrapping the game makes exact, leave-one-out, permutation and KernelSHAP runs all
/// stop within one batch of being cancelled, without a check in each algorithm.
public struct CancellableGame: CoalitionGame {
    public let game: any CoalitionGame
    public let isCancelled: @Sendable () -> Bool

    public init(_ game: any CoalitionGame, isCancelled: @escaping @Sendable () -> Bool) {
        self.game = game
        self.isCancelled = isCancelled
    }

    public var playerCount: Int { game.playerCount }

    public func values(of coalitions: [[Bool]]) throws -> [Double] {
        if isCancelled() { throw CancellationError() }
        return try game.values(of: coalitions)
    }
}

/// The same for gradient methods: Integrated Gradients asks for its quadrature nodes in
/// batches, so it stops between step batches, and the adaptive mode between doublings.
public struct CancellableFunction<Function: DifferentiableFunction>: DifferentiableFunction {
    public let function: Function
    public let isCancelled: @Sendable () -> Bool

    public init(_ function: Function, isCancelled: @escaping @Sendable () -> Bool) {
        self.function = function
        self.isCancelled = isCancelled
    }

    public var dimension: Int { function.dimension }

    public func valuesAndGradients(at points: [[Double]]) throws -> [ValueAndGradient] {
        if isCancelled() { throw CancellationError() }
        return try function.valuesAndGradients(at: points)
    }
}
