import ErrataCore
import Foundation
import Testing
@testable import Attribution

@Suite struct PermutationShapleyTests {
    @Test func twoPlayerGameIsExactWithOnePair() throws {
        let result = try PermutationShapley().explain(TestGames.twoPlayer, pairs: 1, seed: 0)
        #expect(result.scores == [30, 20])
        #expect(result.evaluations == 2 + 2 * 1)
        #expect(result.standardErrors == nil)
    }

    @Test(arguments: [1, 2, 3, 17])
    func exactOnPairwiseGames(pairs: Int) throws {
        for m in [3, 6, 12] {
            let (game, shapley) = TestGames.pairwise(players: m, seed: UInt64(m))
            let result = try PermutationShapley().explain(game, pairs: pairs, seed: UInt64(pairs))
            #expect(maxAbsDifference(result.scores, shapley) < 1e-12)
            #expect(result.evaluations == 2 + 2 * (m - 1) * pairs)
            if let errors = result.standardErrors { #expect(errors.allSatisfy { $0 < 1e-12 }) }
        }
    }

    @Test func efficiencyOnRandomGames() throws {
        for seed in 0 ..< 5 as Range<UInt64> {
            let result = try PermutationShapley().explain(TestGames.random(players: 9, seed: seed), pairs: 3, seed: seed)
            #expect(abs(result.delta) < 1e-12)
        }
    }

    @Test func sameSeedSameEstimateWhateverTheBatchSize() throws {
        let game = TestGames.random(players: 8, seed: 4)
        let a = try PermutationShapley(batchSize: 14).explain(game, pairs: 9, seed: 42)
        let b = try PermutationShapley(batchSize: 1000).explain(game, pairs: 9, seed: 42)
        #expect(a == b)
    }

    /// The reported standard error matches the spread of the estimate over independent seeds.
    @Test func standardErrorsMatchTheSpreadOverSeeds() throws {
        let m = 8
        let game = TestGames.interacting(players: m, seed: 3)
        let runs = try (0 ..< 200).map { try PermutationShapley().explain(game, pairs: 40, seed: UInt64(1000 + $0)) }
        for i in 0 ..< m {
            let estimates = runs.map { $0.scores[i] }
            let mean = estimates.reduce(0, +) / Double(runs.count)
            let empirical = (estimates.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(runs.count - 1)).squareRoot()
            let reported = runs.map { $0.standardErrors![i] }.reduce(0, +) / Double(runs.count)
            #expect(abs(empirical / reported - 1) < 0.2, "player \(i): empirical \(empirical), reported \(reported)")
        }
    }

    @Test func anytimeStopsByTheRuleAndImproves() throws {
        let m = 10
        let game = TestGames.interacting(players: m, seed: 8)
        let exact = try ExactShapley().explain(game)
        var reports: [Attribution] = []
        let rule = StoppingRule(evaluationBudget: 2_000_000)
        let outcome = try PermutationShapley(batchSize: 18 * 8).explain(game, until: rule, seed: 5) { reports.append($0) }
        #expect(outcome.converged)
        let final = outcome.attribution
        #expect(try #require(final.relativeStandardError) < 0.01)
        // The previous report did not yet satisfy the rule.
        #expect(!rule.isConverged(reports[reports.count - 2]))
        #expect(final.evaluations == 2 + 18 * final.samples)
        // Errors against the exact values shrink as evaluations grow.
        let errors = reports.map { maxAbsDifference($0.scores, exact.scores) }
        #expect(errors.last! < errors.first! / 4)
        #expect(maxAbsDifference(final.scores, exact.scores) < 4 * final.standardErrors!.max()!)
    }

    @Test func anytimeStopsAtTheBudget() throws {
        let game = TestGames.interacting(players: 10, seed: 8)
        let outcome = try PermutationShapley(batchSize: 18).explain(game, until: StoppingRule(evaluationBudget: 2 + 18 * 7), seed: 1)
        #expect(!outcome.converged)
        #expect(outcome.attribution.samples == 7 && outcome.attribution.evaluations == 2 + 18 * 7)
    }
}
