import Foundation
import Testing
@testable import Attribution

@Suite struct QuadratureTests {
    static let stepCounts = [1, 2, 3, 7, 8, 16, 50, 51, 128, 1024]

    @Test(arguments: QuadratureRule.allCases)
    func weightsSumToOne(rule: QuadratureRule) throws {
        for steps in Self.stepCounts where rule != .trapezoid || steps >= 2 {
            let quadrature = try rule.quadrature(steps: steps)
            #expect(quadrature.nodes.count == steps && quadrature.weights.count == steps)
            #expect(abs(quadrature.weights.reduce(0, +) - 1) < 1e-13, "\(rule) with \(steps) steps")
            #expect(quadrature.nodes.allSatisfy { (0 ... 1).contains($0) })
        }
    }

    @Test func trapezoidNeedsTwoNodes() {
        #expect(throws: AttributionError.self) { try QuadratureRule.trapezoid.quadrature(steps: 1) }
    }

    @Test func riemannNodes() throws {
        #expect(try QuadratureRule.left.quadrature(steps: 4).nodes == [0, 0.25, 0.5, 0.75])
        #expect(try QuadratureRule.right.quadrature(steps: 4).nodes == [0.25, 0.5, 0.75, 1])
        #expect(try QuadratureRule.middle.quadrature(steps: 4).nodes == [0.125, 0.375, 0.625, 0.875])
        let trapezoid = try QuadratureRule.trapezoid.quadrature(steps: 5)
        #expect(trapezoid.nodes == [0, 0.25, 0.5, 0.75, 1] && trapezoid.weights == [0.125, 0.25, 0.25, 0.25, 0.125])
    }

    /// n Gauss–Legendre nodes integrate t^k exactly for k ≤ 2n − 1, and not for k = 2n.
    @Test func gaussLegendreIsExactUpToDegreeTwoNMinusOne() throws {
        for n in [1, 2, 3, 4, 5, 8, 12, 20, 50] {
            let q = try QuadratureRule.gaussLegendre.quadrature(steps: n)
            func integral(_ k: Int) -> Double { zip(q.nodes, q.weights).reduce(0) { $0 + $1.1 * pow($1.0, Double(k)) } }
            for k in 0 ... (2 * n - 1) {
                #expect(abs(integral(k) * Double(k + 1) - 1) < 1e-12, "n = \(n), degree \(k)")
            }
            if n <= 5 { #expect(abs(integral(2 * n) * Double(2 * n + 1) - 1) > 1e-9, "n = \(n) is not exact at degree 2n") }
        }
    }

    @Test func gaussLegendreNodesAreSymmetricAndIncreasing() throws {
        let q = try QuadratureRule.gaussLegendre.quadrature(steps: 9)
        #expect(zip(q.nodes, q.nodes.dropFirst()).allSatisfy { $0 < $1 })
        for i in 0 ..< 9 { #expect(abs(q.nodes[i] + q.nodes[8 - i] - 1) < 1e-15) }
        #expect(abs(q.nodes[4] - 0.5) < 1e-16)
    }
}
