import BitCollections
import ErrataTestSupport
import Foundation
import Testing
@testable import ErrataCore

/// Pearson and Kendall's tau-b against scipy (Fixtures/statistics/correlation.py), and the
/// meta-evaluation of a metric against MQM on the bundled TED ratings, also computed there.
@Suite struct CorrelationTests {
    struct Case: Decodable {
        var name: String
        var x: [Double]
        var y: [Double]
        var pearson: Double?
        var kendall_b: Double?
    }

    struct Level: Decodable {
        var count: Int
        var pearson: Double?
        var kendall: Double?
        var kendall_by_item: Double?
        var items: Int?
    }

    struct TED: Decodable {
        var systems: [String]
        var system: Level
        var segment: Level
    }

    struct Fixture: Decodable {
        var cases: [Case]
        var ted: TED
    }

    static let fixture = Result { try StatisticsFixtures.load("correlation", as: Fixture.self) }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): abs(a - b) < 1e-12
        default: false
        }
    }

    @Test func pearsonAndKendallMatchScipy() throws {
        let cases = try Self.fixture.get().cases
        #expect(cases.count == 13)
        for c in cases {
            #expect(Self.close(Correlation.pearson(c.x, c.y), c.pearson), "\(c.name) pearson")
            #expect(Self.close(Correlation.kendallTauB(c.x, c.y), c.kendall_b), "\(c.name) kendall")
        }
    }

    @Test func metaEvaluationOnTheTEDRatingsMatchesScipy() throws {
        let fixture = try Self.fixture.get().ted
        let analysis = try MQMPublishedTableTests.ted.get()
        let all = NamedSlice(name: "all", rows: BitSet.all(analysis.dataset.count))
        let result = try analysis.metaEvaluation(slices: [all], human: "mqm", metrics: ["exact_match"])
        #expect(Set(result.systems) == Set(fixture.systems) && !result.systems.contains("ref"))
        let system = try #require(result.rows.first { $0.level == .system })
        #expect(system.count == fixture.system.count)
        #expect(Self.close(system.pearson, fixture.system.pearson) && Self.close(system.kendall, fixture.system.kendall))
        #expect(system.kendallByItem == nil && system.items == nil)
        let segment = try #require(result.rows.first { $0.level == .segment })
        #expect(segment.count == fixture.segment.count && segment.items == fixture.segment.items)
        #expect(Self.close(segment.pearson, fixture.segment.pearson) && Self.close(segment.kendall, fixture.segment.kendall))
        #expect(Self.close(segment.kendallByItem, fixture.segment.kendall_by_item))
    }

    @Test func agreementIsPositiveWhateverTheDirections() throws {
        let analysis = try MQMPublishedTableTests.ted.get()
        let all = NamedSlice(name: "all", rows: BitSet.all(analysis.dataset.count))
        // MQM against itself: lower-is-better on both sides, perfect agreement.
        let same = try analysis.metaEvaluation(slices: [all], human: "mqm", metrics: ["mqm"])
        for row in same.rows {
            #expect(row.pearson == 1 && row.kendall == 1, "\(row.level)")
        }
        #expect(same.rows.last?.kendallByItem == 1)
    }

    @Test func tooFewPointsAreUndefined() throws {
        let analysis = try MQMPublishedTableTests.ted.get()
        let one = NamedSlice(name: "one", rows: BitSet([0]))
        let result = try analysis.metaEvaluation(slices: [one], human: "mqm", metrics: ["chrf"], systems: ["Nemo"])
        #expect(result.rows.count == 2 && result.rows.allSatisfy { $0.pearson == nil && $0.kendall == nil && $0.count <= 1 })
        #expect(result.rows[1].kendallByItem == nil && result.rows[1].items == 0)
    }
}
