import Foundation

/// A rule for the path integral of Integrated Gradients: nodes in [0, 1] and weights summing
/// to 1, so that a constant integrand is integrated exactly and completeness is not biased by
/// the rule itself.
public enum QuadratureRule: String, Sendable, CaseIterable {
    /// n Gauss–Legendre nodes: exact for polynomials of degree 2n − 1 (captum's default).
    case gaussLegendre
    /// Left Riemann sum: nodes k/n, k = 0 … n − 1, weights 1/n.
    case left
    /// Right Riemann sum: nodes k/n, k = 1 … n, weights 1/n.
    case right
    /// Midpoint rule: nodes (k + ½)/n, weights 1/n.
    case middle
    /// Trapezoid rule on n nodes k/(n − 1), k = 0 … n − 1: inner weights 1/(n − 1), end
    /// weights 1/(2(n − 1)). They sum to 1; a common variant halves the ends of 1/n weights
    /// instead, sums to (n − 1)/n and under-estimates every attribution by 1/n.
    case trapezoid

    /// The nodes and weights of the rule with `steps` nodes (at least 2 for the trapezoid).
    /// - Complexity: O(steps) for Riemann rules; O(steps²) per Newton sweep for
    ///   Gauss–Legendre, which converges in a handful of sweeps.
    public func quadrature(steps n: Int) throws -> Quadrature {
        guard n >= (self == .trapezoid ? 2 : 1) else {
            throw AttributionError.invalidArgument("the \(rawValue) rule needs at least \(self == .trapezoid ? 2 : 1) steps")
        }
        let step = 1 / Double(n)
        switch self {
        case .gaussLegendre:
            return Self.gaussLegendre(n)
        case .left:
            return Quadrature(nodes: (0 ..< n).map { Double($0) * step }, weights: Array(repeating: step, count: n))
        case .right:
            return Quadrature(nodes: (1 ... n).map { Double($0) * step }, weights: Array(repeating: step, count: n))
        case .middle:
            return Quadrature(nodes: (0 ..< n).map { (Double($0) + 0.5) * step }, weights: Array(repeating: step, count: n))
        case .trapezoid:
            let width = 1 / Double(n - 1)
            var weights = Array(repeating: width, count: n)
            weights[0] = width / 2
            weights[n - 1] = width / 2
            return Quadrature(nodes: (0 ..< n).map { Double($0) * width }, weights: weights)
        }
    }

    /// Gauss–Legendre nodes as roots of P_n found by Newton's method from the asymptotic guess
    /// cos(π(i + ¾)/(n + ½)), P_n evaluated by the three-term recurrence
    /// j P_j = (2j − 1) x P_{j−1} − (j − 1) P_{j−2}; weights 2 / ((1 − x²) P_n′(x)²); both mapped
    /// from [−1, 1] to [0, 1].
    private static func gaussLegendre(_ n: Int) -> Quadrature {
        var nodes = [Double](repeating: 0, count: n)
        var weights = [Double](repeating: 0, count: n)
        for i in 0 ..< (n + 1) / 2 {
            var x = cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
            var derivative = 0.0
            for _ in 0 ..< 100 {
                var current = 1.0, previous = 0.0
                for j in 1 ... n {
                    (current, previous) = ((Double(2 * j - 1) * x * current - Double(j - 1) * previous) / Double(j), current)
                }
                derivative = Double(n) * (x * current - previous) / (x * x - 1)
                let update = current / derivative
                x -= update
                if abs(update) <= 1e-15 { break }
            }
            let weight = 1 / ((1 - x * x) * derivative * derivative)
            nodes[i] = (1 - x) / 2
            nodes[n - 1 - i] = (1 + x) / 2
            weights[i] = weight
            weights[n - 1 - i] = weight
        }
        return Quadrature(nodes: nodes, weights: weights)
    }
}

/// Nodes in [0, 1] and their weights.
public struct Quadrature: Sendable, Equatable {
    public var nodes: [Double]
    public var weights: [Double]

    public init(nodes: [Double], weights: [Double]) {
        self.nodes = nodes
        self.weights = weights
    }
}
