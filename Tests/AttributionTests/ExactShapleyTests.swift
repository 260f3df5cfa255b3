import ErrataCore
import Testing
@testable import Attribution

@Suite struct ExactShapleyTests {
    @Test func twoPlayerGame() throws {
        let result = try ExactShapley().explain(TestGames.twoPlayer)
        #expect(result.scores == [30, 20])
        #expect(result.baseValue == 0 && result.value == 50 && result.evaluations == 4)
    }

    @Test func progressCountsTheEvaluationsAfterEveryBatch() throws {
        var reported: [Int] = []
        let result = try ExactShapley(batchSize: 5).explain(TestGames.random(players: 4, seed: 3)) { reported.append($0) }
        #expect(reported == [5, 10, 15, 16])
        #expect(result.evaluations == 16)
    }

    @Test(arguments: [1, 2, 5, 8])
    func efficiency(players: Int) throws {
        let game = TestGames.random(players: players, seed: 7)
        let result = try ExactShapley().explain(game)
        #expect(abs(result.delta) < 1e-12)
        #expect(result.evaluations == 1 << players)
    }

    @Test func symmetricPlayersGetEqualValues() throws {
        // v depends on players 0 and 1 only through how many of them are present.
        var generator = SeededGenerator(seed: 11)
        let m = 7
        let table = (0 ..< 3).map { _ in (0 ..< (1 << (m - 2))).map { _ in TestGames.uniform(&generator) } }
        let game = FunctionGame(playerCount: m) { s in
            table[(s[0] ? 1 : 0) + (s[1] ? 1 : 0)][TestGames.mask(s) >> 2]
        }
        let result = try ExactShapley().explain(game)
        #expect(abs(result.scores[0] - result.scores[1]) < 1e-14)
    }

    @Test func dummyPlayerGetsZero() throws {
        let base = TestGames.random(players: 6, seed: 3)
        // Player 6 never changes the value.
        let game = FunctionGame(playerCount: 7) { s in try base.values(of: [Array(s.prefix(6))])[0] }
        let result = try ExactShapley().explain(game)
        #expect(result.scores[6] == 0)
        let permutation = try PermutationShapley().explain(game, pairs: 5, seed: 1)
        #expect(abs(permutation.scores[6]) < 1e-15)
    }

    @Test func linearity() throws {
        let v = TestGames.random(players: 6, seed: 21)
        let w = TestGames.random(players: 6, seed: 22)
        let sum = FunctionGame(playerCount: 6) { s in
            try v.values(of: [s])[0] + 2.5 * w.values(of: [s])[0]
        }
        let (pv, pw, ps) = try (ExactShapley().explain(v), ExactShapley().explain(w), ExactShapley().explain(sum))
        let expected = zip(pv.scores, pw.scores).map { $0 + 2.5 * $1 }
        #expect(maxAbsDifference(ps.scores, expected) < 1e-13)
    }

    @Test func pairwiseGameMatchesClosedForm() throws {
        let (game, shapley) = TestGames.pairwise(players: 9, seed: 5)
        #expect(maxAbsDifference(try ExactShapley().explain(game).scores, shapley) < 1e-13)
    }

    @Test func refusesTooManyPlayers() {
        let game = FunctionGame(playerCount: 21) { _ in 0 }
        #expect(throws: AttributionError.tooManyPlayers(players: 21, limit: 20)) {
            try ExactShapley().explain(game)
        }
    }

    @Test func smallBatchesGiveTheSameValues() throws {
        let game = TestGames.random(players: 8, seed: 9)
        #expect(try ExactShapley(batchSize: 7).explain(game) == ExactShapley().explain(game))
    }

    @Test func leaveOneOut() throws {
        let result = try LeaveOneOut().explain(TestGames.twoPlayer)
        // v(AB) − v(B) = 40, v(AB) − v(A) = 30; not efficient: 50 − 70 = −20.
        #expect(result.scores == [40, 30])
        #expect(result.delta == -20 && result.evaluations == 4)
    }

    /// In batches, leave-one-out gives the same scores and reports the evaluations done after
    /// the endpoints and after each batch.
    @Test func leaveOneOutInBatchesReportsProgress() throws {
        let game = TestGames.random(players: 8, seed: 10)
        var reports: [Int] = []
        let batched = try LeaveOneOut(batchSize: 3).explain(game) { reports.append($0) }
        #expect(batched == (try LeaveOneOut().explain(game)))
        #expect(reports == [2, 5, 8, 10])
    }

    @Test func gameReturningTooFewValuesIsAnError() {
        struct Short: CoalitionGame {
            let playerCount = 3
            func values(of coalitions: [[Bool]]) throws -> [Double] { [1] }
        }
        #expect(throws: AttributionError.resultCountMismatch(expected: 8, received: 1)) {
            try ExactShapley().explain(Short())
        }
    }
}
