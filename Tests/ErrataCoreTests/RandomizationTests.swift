import Testing
@testable import ErrataCore

@Suite struct RandomizationTests {
    /// `Fixtures/statistics/randomization.json`, written by `randomization.py` (exact
    /// enumeration in numpy, mean cases checked against scipy's `permutation_test`).
    struct Fixture: Decodable {
        struct Case: Decodable {
            let name: String
            let baseline: [[Double]]
            let system: [[Double]]
            let p: Double
        }
        let cases: [Case]
    }

    /// sum(x) / sum(y): a mean when every y is 1, a corpus-level ratio otherwise.
    static let ratio = MeanMetric(name: "ratio")

    static func matrices(_ c: Fixture.Case) -> (StatisticsMatrix, StatisticsMatrix) {
        (StatisticsMatrix(width: 2, values: c.baseline.flatMap { $0 }), StatisticsMatrix(width: 2, values: c.system.flatMap { $0 }))
    }

    @Test func exactTestMatchesEnumerationAndScipy() throws {
        let fixture: Fixture = try StatisticsFixtures.load("randomization")
        let small = fixture.cases.filter { $0.baseline.count <= pairedRandomizationExactLimit }
        #expect(small.map(\.name) == ["one", "two", "mean5", "mean10", "mean16", "ratio12", "ratio16"])
        for c in small {
            let (a, b) = Self.matrices(c)
            let result = pairedRandomization(metric: Self.ratio, baseline: a, system: b, rows: Array(0 ..< a.rows))
            #expect(result.method == .randomizationExact)
            #expect(abs(result.pValue - c.p) < 1e-12, "\(c.name): \(result.pValue) vs \(c.p)")
            #expect(!result.pIsUpperBound)
        }
    }

    @Test func oneInstanceIsNeverSignificant() {
        // Whatever the difference, the only other assignment mirrors it: p = 2/2 = 1.
        let a = StatisticsMatrix(width: 2, values: [10, 1]), b = StatisticsMatrix(width: 2, values: [90, 1])
        let result = pairedRandomization(metric: Self.ratio, baseline: a, system: b, rows: [0])
        #expect(result.pValue == 1 && result.method == .randomizationExact)
        // Two instances: identity and full swap reach |delta|, one swap gives 0: p = 2/4.
        let a2 = StatisticsMatrix(width: 2, values: [10, 1, 10, 1]), b2 = StatisticsMatrix(width: 2, values: [90, 1, 90, 1])
        #expect(pairedRandomization(metric: Self.ratio, baseline: a2, system: b2, rows: [0, 1]).pValue == 0.5)
    }

    @Test func sampledTestAgreesWithTheExactValue() throws {
        let fixture: Fixture = try StatisticsFixtures.load("randomization")
        let c = try #require(fixture.cases.first { $0.name == "ratio20" })
        let (a, b) = Self.matrices(c)
        let samples = 20_000
        let result = pairedRandomization(metric: Self.ratio, baseline: a, system: b, rows: Array(0 ..< 20), samples: samples, seed: 7)
        #expect(result.method == .randomizationSampled)
        // Four Monte-Carlo standard errors plus the +1 of (c + 1) / (R + 1).
        let tolerance = 4 * (c.p * (1 - c.p) / Double(samples)).squareRoot() + 1.0 / Double(samples + 1)
        #expect(abs(result.pValue - c.p) <= tolerance, "\(result.pValue) vs exact \(c.p)")
        // Seeded: the same seed gives the same p, bit for bit.
        #expect(pairedRandomization(metric: Self.ratio, baseline: a, system: b, rows: Array(0 ..< 20), samples: samples, seed: 7) == result)
    }

    @Test func floorIsReportedAsABound() {
        // 40 instances, the system 1 point better on each: no assignment reaches all 40.
        let a = StatisticsMatrix(width: 2, values: (0 ..< 40).flatMap { [Double($0), 1] })
        let b = StatisticsMatrix(width: 2, values: (0 ..< 40).flatMap { [Double($0) + 1, 1] })
        let result = pairedRandomization(metric: Self.ratio, baseline: a, system: b, rows: Array(0 ..< 40), samples: 999)
        #expect(result.pValue == 1.0 / 1000 && result.pIsUpperBound)
        // Identical systems: every assignment ties, p = 1, no bound.
        let same = pairedRandomization(metric: Self.ratio, baseline: a, system: a, rows: Array(0 ..< 40), samples: 999)
        #expect(same.pValue == 1 && !same.pIsUpperBound)
    }

    @Test func proportionsUseMcNemar() {
        // Baseline right on rows 0-2, system on rows 2-9: b = 2, c = 7 -> 2 P(X <= 2), X ~ Bin(9, 1/2) = 92/512.
        let a = StatisticsMatrix(width: 2, values: (0 ..< 10).flatMap { [$0 < 3 ? 1 : 0, 1] })
        let b = StatisticsMatrix(width: 2, values: (0 ..< 10).flatMap { [$0 >= 2 ? 1 : 0, 1] })
        for metric in [Accuracy(), ExactMatch()] as [any CorpusMetric] {
            let result = pairedTest(metric: metric, baseline: a, system: b, rows: Array(0 ..< 10), bootstrap: BootstrapSettings())
            #expect(result.method == .mcnemarExact && result.pValue == 92.0 / 512, "\(metric.name)")
        }
        let mean = pairedTest(metric: Self.ratio, baseline: a, system: b, rows: Array(0 ..< 10), bootstrap: BootstrapSettings())
        #expect(mean.method == .randomizationExact)
    }
}
