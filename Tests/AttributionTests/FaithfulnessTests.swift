import Testing
@testable import Attribution

@Suite struct FaithfulnessTests {
    /// p(S) = 0.1 + Σ_{i∈S} c_i.
    static let contributions = [0.3, -0.1, 0.2, 0.05, 0.15]
    static let additive = FunctionGame(playerCount: 5) { s in
        zip(s, contributions).reduce(0.1) { $0 + ($1.0 ? $1.1 : 0) }
    }

    /// With the true contributions as scores, the ranking is 0, 2, 4, 3, 1 and the top-k sums
    /// are 0.3, 0.5, 0.65, 0.7, 0.6. Five tokens: 10 % selects none (skipped), 20 % and 30 %
    /// select one, 40 % and 50 % two, and so on.
    @Test func additiveGameByHand() throws {
        let report = try Faithfulness(of: Self.contributions, probabilities: Self.additive)
        #expect(report.percentages == [20, 30, 40, 50, 60, 70, 80, 90, 100])
        #expect(report.tokenCounts == [1, 1, 2, 2, 3, 3, 4, 4, 5])
        #expect(abs(report.probability - 0.7) < 1e-15)
        let comprehensiveness = [0.3, 0.3, 0.5, 0.5, 0.65, 0.65, 0.7, 0.7, 0.6]
        let sufficiency = [0.3, 0.3, 0.1, 0.1, -0.05, -0.05, -0.1, -0.1, 0]
        #expect(maxAbsDifference(report.comprehensiveness, comprehensiveness) < 1e-14)
        #expect(maxAbsDifference(report.sufficiency, sufficiency) < 1e-14)
        #expect(abs(report.aopcComprehensiveness - 4.9 / 9) < 1e-14)
        #expect(abs(report.aopcSufficiency - 0.5 / 9) < 1e-14)
    }

    /// A reversed ranking removes the least useful tokens first: lower comprehensiveness.
    @Test func worseRankingScoresWorse() throws {
        let good = try Faithfulness(of: Self.contributions, probabilities: Self.additive)
        let bad = try Faithfulness(of: Self.contributions.map { -$0 }, probabilities: Self.additive)
        #expect(bad.aopcComprehensiveness < good.aopcComprehensiveness)
        #expect(bad.aopcSufficiency > good.aopcSufficiency)
    }

    @Test func tenTokensUseEveryThresholdAndTiesKeepTokenOrder() throws {
        let game = FunctionGame(playerCount: 10) { s in
            var total = 0.0
            for i in 0 ..< 10 where s[i] { total += Double(i + 1) }
            return total
        }
        // Equal scores: tokens are taken in order 0, 1, 2, …; removing the first k removes 1 + … + k.
        let report = try Faithfulness(of: Array(repeating: 1, count: 10), probabilities: game)
        #expect(report.percentages == Array(stride(from: 10, through: 100, by: 10)))
        #expect(report.tokenCounts == Array(1 ... 10))
        let removed: [Double] = (1 ... 10).map { k in Double(k * (k + 1) / 2) }
        #expect(report.comprehensiveness == removed)
        #expect(report.sufficiency == removed.map { 55 - $0 })
    }

    @Test func scoreCountMustMatch() {
        #expect(throws: AttributionError.self) { try Faithfulness(of: [1, 2], probabilities: Self.additive) }
    }
}
