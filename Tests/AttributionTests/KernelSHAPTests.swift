import ErrataCore
import Testing
@testable import Attribution

@Suite struct KernelSHAPTests {
    @Test func twoPlayerGame() throws {
        let result = try KernelSHAP().explain(TestGames.twoPlayer, budget: 4, seed: 0)
        #expect(abs(result.scores[0] - 30) < 1e-12 && abs(result.scores[1] - 20) < 1e-12)
        #expect(result.evaluations == 4 && result.standardErrors == [0, 0])
    }

    @Test(arguments: [2, 3, 4, 7, 10])
    func fullEnumerationIsExact(players: Int) throws {
        let game = TestGames.random(players: players, seed: UInt64(players))
        let exact = try ExactShapley().explain(game)
        let kernel = try KernelSHAP().explain(game, budget: 1 << players, seed: 1)
        #expect(maxAbsDifference(kernel.scores, exact.scores) < 1e-9)
        #expect(kernel.evaluations == 1 << players && kernel.samples == 0)
    }

    @Test func budgetAboveTwoToTheMIsCapped() throws {
        let game = TestGames.random(players: 5, seed: 2)
        let kernel = try KernelSHAP().explain(game, budget: 10_000, seed: 1)
        #expect(kernel.evaluations == 32)
    }

    @Test func efficiencyHoldsWhenSampling() throws {
        for seed in 0 ..< 5 as Range<UInt64> {
            let game = TestGames.random(players: 12, seed: seed)
            let result = try KernelSHAP(bootstrapReplicates: 20).explain(game, budget: 300, seed: seed)
            #expect(abs(result.delta) < 1e-9)
            #expect(result.evaluations <= 300 && result.samples > 0)
            #expect(try #require(result.standardErrors).allSatisfy { $0 > 0 })
        }
    }

    @Test func estimatesApproachExactValuesWithBudget() throws {
        let m = 12
        let game = TestGames.interacting(players: m, seed: 2)
        let exact = try ExactShapley().explain(game)
        let small = try KernelSHAP(bootstrapReplicates: 50).explain(game, budget: 200, seed: 3)
        let large = try KernelSHAP(bootstrapReplicates: 50).explain(game, budget: 3000, seed: 3)
        let smallError = maxAbsDifference(small.scores, exact.scores)
        let largeError = maxAbsDifference(large.scores, exact.scores)
        #expect(largeError < smallError)
        // The bootstrap errors are of the size of the actual error.
        #expect(largeError < 4 * large.standardErrors!.max()!)
    }

    @Test func tooSmallBudgetIsUnderdetermined() {
        let game = TestGames.random(players: 12, seed: 1)
        #expect(throws: AttributionError.self) { try KernelSHAP().explain(game, budget: 8, seed: 1) }
    }

    @Test func anytimeModeStopsByTheRule() throws {
        let m = 10
        let (game, shapley) = TestGames.pairwise(players: m, seed: 4)
        var reports: [Attribution] = []
        let rule = StoppingRule(evaluationBudget: 1000)
        let outcome = try KernelSHAP(batchSize: 50, bootstrapReplicates: 50).explain(game, until: rule, seed: 2) { reports.append($0) }
        #expect(!reports.isEmpty)
        #expect(outcome.attribution.evaluations <= 1000)
        if outcome.converged { #expect(rule.isConverged(outcome.attribution)) }
        #expect(maxAbsDifference(outcome.attribution.scores, shapley) < 0.1)
        #expect(abs(outcome.attribution.delta) < 1e-9)
    }
}
