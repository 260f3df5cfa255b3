import Foundation
import Testing
@testable import Attribution

/// Agreement with shap's Exact explainer on the games of Fixtures/make_shapley_fixtures.py.
@Suite struct ShapFixtureTests {
    struct Term: Decodable {
        var players: [Int]
        var coefficient: Double
    }

    struct Parameters: Decodable {
        var weights: [Double]?
        var quota: Double?
        var constant: Double?
        var terms: [Term]?
        var bias: Double?
    }

    struct Fixture: Decodable {
        var name: String
        var kind: String
        var players: Int
        var parameters: Parameters
        var shapley: [Double]
        var baseValue: Double
        var value: Double

        /// The game, rebuilt from its parameters as the script defines it.
        func game() throws -> FunctionGame {
            let p = parameters
            switch kind {
            case "weighted-majority":
                let weights = try #require(p.weights), quota = try #require(p.quota)
                return FunctionGame(playerCount: players) { z in
                    zip(z, weights).reduce(0) { $0 + ($1.0 ? $1.1 : 0) } >= quota ? 1 : 0
                }
            case "polynomial":
                let constant = try #require(p.constant), terms = try #require(p.terms)
                return FunctionGame(playerCount: players) { z in
                    terms.reduce(constant) { $0 + ($1.players.allSatisfy { z[$0] } ? $1.coefficient : 0) }
                }
            case "tanh-unit":
                let weights = try #require(p.weights), bias = try #require(p.bias)
                return FunctionGame(playerCount: players) { z in
                    tanh(zip(z, weights).reduce(0) { $0 + ($1.0 ? $1.1 : 0) } + bias)
                }
            default:
                throw AttributionError.invalidArgument("unknown game kind \(kind)")
            }
        }
    }

    static func fixtures() throws -> [Fixture] {
        struct File: Decodable { var games: [Fixture] }
        let url = try #require(Bundle.module.url(forResource: "shapley_fixtures", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).games
    }

    @Test func exactShapleyMatchesShap() throws {
        let fixtures = try Self.fixtures()
        #expect(fixtures.count == 3)
        for fixture in fixtures {
            let result = try ExactShapley().explain(try fixture.game())
            #expect(maxAbsDifference(result.scores, fixture.shapley) < 1e-9, "\(fixture.name)")
            #expect(abs(result.baseValue - fixture.baseValue) < 1e-12 && abs(result.value - fixture.value) < 1e-12)
        }
    }

    @Test func kernelSHAPAtFullEnumerationMatchesShap() throws {
        for fixture in try Self.fixtures() {
            let result = try KernelSHAP().explain(try fixture.game(), budget: 1 << fixture.players, seed: 0)
            #expect(maxAbsDifference(result.scores, fixture.shapley) < 1e-9, "\(fixture.name)")
        }
    }

    @Test func permutationSamplingAgreesWithShapWithinItsErrors() throws {
        // The polynomial game has terms of order 3 and 4, so sampling is not exact on it; many
        // pairs bring the estimate within a few standard errors.
        let fixture = try #require(Self.fixtures().first { $0.kind == "polynomial" })
        let result = try PermutationShapley().explain(try fixture.game(), pairs: 2000, seed: 3)
        let errors = try #require(result.standardErrors)
        for i in 0 ..< fixture.players {
            #expect(abs(result.scores[i] - fixture.shapley[i]) <= 4 * errors[i] + 1e-12, "player \(i)")
        }
    }
}
