import Attribution
import ErrataCore

/// Games with known Shapley values, built from errata's seeded generator.
enum TestGames {
    /// The bit mask of a coalition (player i is bit i).
    static func mask(_ coalition: [Bool]) -> Int {
        coalition.enumerated().reduce(0) { $0 | ($1.element ? 1 << $1.offset : 0) }
    }

    /// A uniform double in [-1, 1).
    static func uniform(_ generator: inout SeededGenerator) -> Double {
        Double(generator.next() >> 11) * 0x1p-52 - 1
    }

    /// A game given by its value table, indexed by coalition mask.
    static func table(_ values: [Double], players: Int) -> FunctionGame {
        FunctionGame(playerCount: players) { values[mask($0)] }
    }

    /// A game whose 2^M values are independent uniforms: every interaction order present.
    static func random(players: Int, seed: UInt64) -> FunctionGame {
        var generator = SeededGenerator(seed: seed)
        return table((0 ..< (1 << players)).map { _ in uniform(&generator) }, players: players)
    }

    /// v(S) = Σ_{i∈S} a_i + Σ_{i<j ∈ S} b_ij: at most pairwise interactions.
    /// Shapley value: φ_i = a_i + ½ Σ_{j≠i} b_ij.
    static func pairwise(players m: Int, seed: UInt64) -> (game: FunctionGame, shapley: [Double]) {
        var generator = SeededGenerator(seed: seed)
        let a = (0 ..< m).map { _ in uniform(&generator) }
        var b = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
        for i in 0 ..< m {
            for j in (i + 1) ..< m {
                b[i][j] = uniform(&generator)
                b[j][i] = b[i][j]
            }
        }
        let pairs = b
        let game = FunctionGame(playerCount: m) { s in
            var total = 0.0
            for i in 0 ..< m where s[i] {
                total += a[i]
                for j in (i + 1) ..< m where s[j] { total += pairs[i][j] }
            }
            return total
        }
        let shapley = (0 ..< m).map { i in a[i] + 0.5 * b[i].reduce(0, +) }
        return (game, shapley)
    }

    /// v({}) = 0, v(A) = 20, v(B) = 10, v(AB) = 50: φ_A = 30, φ_B = 20.
    static let twoPlayer = table([0, 20, 10, 50], players: 2)

    /// A random game with a third-order term and a spread of scales, for sampling tests:
    /// v(S) = Σ w_i z_i + Σ c_ij z_i z_j + 3 z_0 z_1 z_2 + 2 max(z_3, z_4, z_5)
    /// + z_{M−2} z_{M−1} max(z_0, z_3), so that every player (M ≥ 8) has a higher-order term.
    static func interacting(players m: Int, seed: UInt64) -> FunctionGame {
        var generator = SeededGenerator(seed: seed)
        let w = (0 ..< m).map { i in uniform(&generator) * Double(i + 1) }
        let c = (0 ..< (m * m)).map { _ in uniform(&generator) }
        return FunctionGame(playerCount: m) { s in
            var total = 0.0
            for i in 0 ..< m where s[i] {
                total += w[i]
                for j in (i + 1) ..< m where s[j] { total += c[i * m + j] }
            }
            if s[0], s[1], s[2] { total += 3 }
            if s[3] || s[4] || s[5] { total += 2 }
            if s[m - 2], s[m - 1], s[0] || s[3] { total += 1 }
            return total
        }
    }
}

/// Asserting helpers.
func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count)
    return zip(a, b).map { abs($0 - $1) }.max() ?? 0
}
