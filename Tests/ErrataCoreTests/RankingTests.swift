import BitCollections
import ErrataTestSupport
import Foundation
import Testing
@testable import ErrataCore

/// Ranking with significance clusters on hand-made MQM points (lower is better): `clean` has
/// no error, `near` one major error (5 points) on the last of twelve sentences, `sloppy` a
/// major error on every sentence.
@Suite struct RankingTests {
    static let points: String = {
        var lines = ["id,source,reference,system,hypothesis,mqm"]
        for i in 1 ... 12 {
            lines.append("\(i),source \(i),Referenz \(i),clean,Referenz \(i),0")
            lines.append("\(i),source \(i),Referenz \(i),near,Referenz \(i),\(i == 12 ? 5 : 0)")
            lines.append("\(i),source \(i),Referenz \(i),sloppy,Falsch \(i),5")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static let analysis = Result { Analysis(dataset: try Fixtures.load("points.csv", points, roles: MetricDirectionTests.roles())) }

    func rank(_ rows: [Int], baseline: String? = nil) throws -> Ranking {
        let analysis = try Self.analysis.get()
        return try analysis.ranking(slice: NamedSlice(name: "test", rows: BitSet(rows)), baseline: baseline, metric: "mqm")
    }

    @Test func twoIndistinguishableSystemsShareTheFirstCluster() throws {
        let r = try rank(Array(0 ..< 12))
        #expect(!r.higherIsBetter && r.count == 12)
        // Ascending: MQM is lower-is-better.
        #expect(r.entries.map(\.system) == ["clean", "near", "sloppy"])
        #expect(r.entries.map(\.value) == [0, 5.0 / 12, 5])
        #expect(r.entries.map(\.cluster) == [1, 1, 2])
        #expect(r.entries.map(\.rankRange) == ["1–2", "1–2", "3"])
        #expect(r.clusterCount == 2)
        // Exact randomization over 2^11 assignments: clean–sloppy differ on all 12 rows
        // (p = 1/2048), near–sloppy on 11 (p = 2/2048), clean–near on one (every assignment
        // is as extreme: p = 1). Holm over the three: ×3, ×2, ×1.
        let pairs = Dictionary(uniqueKeysWithValues: r.pairs.map { ("\($0.first)>\($0.second)", $0) })
        #expect(pairs["clean>sloppy"]?.pValue == 1.0 / 2048 && pairs["clean>sloppy"]?.pAdjusted == 3.0 / 2048)
        #expect(pairs["near>sloppy"]?.pValue == 2.0 / 2048 && pairs["near>sloppy"]?.pAdjusted == 4.0 / 2048)
        #expect(pairs["clean>near"]?.pValue == 1 && pairs["clean>near"]?.pAdjusted == 1)
        #expect(r.pairs.map(\.significant) == [false, true, true])
        #expect(r.correction == "holm")
    }

    @Test func deltasAndMarksAreAgainstTheBaseline() throws {
        let r = try rank(Array(0 ..< 12), baseline: "near")
        let bySystem = Dictionary(uniqueKeysWithValues: r.entries.map { ($0.system, $0) })
        #expect(bySystem["near"]?.delta == nil && bySystem["near"]?.better == nil)
        #expect(bySystem["clean"]?.delta == -5.0 / 12 && bySystem["clean"]?.better == nil && bySystem["clean"]?.pAdjusted == 1)
        #expect(bySystem["sloppy"]?.delta == 5 - 5.0 / 12 && bySystem["sloppy"]?.better == "near")
    }

    @Test func noInstancesRankNothing() throws {
        let r = try rank([])
        #expect(r.count == 0 && r.pairs.isEmpty && r.clusterCount == 0)
        #expect(r.entries.map(\.system) == ["clean", "near", "sloppy"])
        #expect(r.entries.allSatisfy { $0.value == nil && $0.cluster == nil && $0.rankRange == nil && $0.position == nil })
        let json = String(decoding: try JSONEncoder().encode(r), as: UTF8.self)
        #expect(json.contains("\"value\":null") && json.contains("\"rank_low\":null") && json.contains("\"cluster\":null"))
    }

    @Test func oneInstanceSeparatesNoOne() throws {
        // Row 12: near and sloppy made a major error, clean none. With one instance the only
        // other assignment mirrors the observed one: p = 1 for every pair.
        let r = try rank([11])
        #expect(r.entries.map(\.system) == ["clean", "near", "sloppy"])
        #expect(r.entries.map(\.value) == [0, 5, 5])
        #expect(r.entries.map(\.cluster) == [1, 1, 1])
        #expect(r.entries.map(\.rankRange) == ["1–3", "1–3", "1–3"])
        #expect(r.pairs.allSatisfy { $0.pValue == 1 && !$0.significant })
        // Fewer than 20 instances: no bootstrap interval.
        #expect(r.entries.allSatisfy { $0.ciLow == nil && $0.ciHigh == nil })
    }

    @Test func aSingleSystemIsRankedAlone() throws {
        let analysis = try Self.analysis.get()
        let r = try analysis.ranking(slice: NamedSlice(name: "all", rows: BitSet.all(12)), systems: ["sloppy"], metric: "mqm")
        #expect(r.entries.map(\.rankRange) == ["1"] && r.pairs.isEmpty && r.correction == "none")
    }

    @Test func higherIsBetterMetricsRankDescending() throws {
        let analysis = try Self.analysis.get()
        let r = try analysis.ranking(slice: NamedSlice(name: "all", rows: BitSet.all(12)), metric: "chrf")
        #expect(r.higherIsBetter)
        // clean and near copy the reference; sloppy writes "Falsch".
        #expect(r.entries.last?.system == "sloppy")
        #expect(r.entries.first.map { $0.value! > r.entries.last!.value! } == true)
    }

    @Test func enoughSamplesForHolmToReachAlpha() throws {
        // The randomization test's floor 1/(R+1), Holm-multiplied by the number of pairs, must
        // fall below 0.05: three pairs raise 100 samples to 40 per pair.
        let analysis = try Self.analysis.get()
        let r = try analysis.ranking(slice: NamedSlice(name: "all", rows: BitSet.all(12)), metric: "mqm",
                                     bootstrap: BootstrapSettings(resamples: 100))
        #expect(r.samples == 120)
    }
}
