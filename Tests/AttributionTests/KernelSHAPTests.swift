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

    /// The bootstrap standard error matches the spread of the estimate over independent seeds.
    @Test func bootstrapErrorsMatchTheSpreadOverSeeds() throws {
        let m = 12
        let game = TestGames.interacting(players: m, seed: 2)
        let runs = try (0 ..< 100).map { try KernelSHAP(bootstrapReplicates: 100).explain(game, budget: 600, seed: UInt64(500 + $0)) }
        for i in 0 ..< m {
            let estimates = runs.map { $0.scores[i] }
            let mean = estimates.reduce(0, +) / Double(runs.count)
            let empirical = (estimates.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(runs.count - 1)).squareRoot()
            let reported = runs.map { $0.standardErrors![i] }.reduce(0, +) / Double(runs.count)
            #expect(abs(empirical / reported - 1) < 0.25, "player \(i): empirical \(empirical), reported \(reported)")
        }
    }

    @Test func anytimeModeStopsByTheRuleAndImproves() throws {
        let m = 12
        let game = TestGames.interacting(players: m, seed: 2)
        let exact = try ExactShapley().explain(game)
        var reports: [Attribution] = []
        let rule = StoppingRule(evaluationBudget: 4000, tolerance: 0.004)
        let outcome = try KernelSHAP(batchSize: 100, bootstrapReplicates: 100).explain(game, until: rule, seed: 1) { reports.append($0) }
        #expect(outcome.converged && rule.isConverged(outcome.attribution))
        #expect(reports.count >= 3 && !rule.isConverged(reports[reports.count - 2]))
        #expect(reports.first!.evaluations <= 2 + 2 * 100 && outcome.attribution.evaluations <= 4000)
        #expect(reports.allSatisfy { abs($0.delta) < 1e-9 })
        let errors = reports.map { maxAbsDifference($0.scores, exact.scores) }
        #expect(errors.last! < errors.first! / 2)
    }

    @Test func anytimeModeStopsAtTheBudget() throws {
        let game = TestGames.interacting(players: 12, seed: 2)
        let outcome = try KernelSHAP(batchSize: 100, bootstrapReplicates: 20).explain(
            game, until: StoppingRule(evaluationBudget: 500, tolerance: 1e-6), seed: 1)
        #expect(!outcome.converged)
        #expect(outcome.attribution.evaluations <= 500 && outcome.attribution.evaluations > 400)
    }

    @Test func anytimeModeWithTheWholeGameAffordableIsExact() throws {
        let game = TestGames.random(players: 5, seed: 3)
        let exact = try ExactShapley().explain(game)
        let outcome = try KernelSHAP(batchSize: 64).explain(game, until: StoppingRule(evaluationBudget: 100), seed: 1)
        #expect(outcome.converged && outcome.attribution.samples == 0)
        #expect(maxAbsDifference(outcome.attribution.scores, exact.scores) < 1e-9)
    }
}
