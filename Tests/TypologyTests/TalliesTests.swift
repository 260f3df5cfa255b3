import BitCollections
import ErrataCore
import Foundation
import Testing
@testable import Typology
// `Tag` alone would be ambiguous with Testing's.
import struct Typology.Tag

@Suite struct TalliesTests {
    /// A tag of system A's output.
    private func a(_ instance: String, _ categories: [String], annotator: String = "ana") -> Tag {
        tag(instance, categories, system: "A", annotator: annotator)
    }

    /// Instances "1" ... "200" at rows 0 ... 199.
    private func row(_ id: String) -> Int? { Int(id).flatMap { (1 ... 200).contains($0) ? $0 - 1 : nil } }

    private let slices = [
        NamedSlice(name: "short", rows: BitSet(0 ..< 100)),
        NamedSlice(name: NamedSlice.allName, rows: BitSet(0 ..< 200)),
    ]

    /// System A: units 1-3 Accuracy/Omission (bob adds Accuracy/Mistranslation on 3), 4
    /// Fluency/Grammar and a made-up Hallucination/Entity, 5-10 Style/Awkward; unit 150 (outside
    /// "short") Accuracy/Addition. System B: unit 1 Style/Awkward. No system: unit 2 Source
    /// error. Instance "zzz" is unknown.
    private var tags: [Tag] {
        (1 ... 3).map { a("\($0)", ["Accuracy/Omission"]) } + [
            a("3", ["Accuracy/Mistranslation"], annotator: "bob"),
            a("4", ["Fluency/Grammar", "Hallucination/Entity"]),
        ] + (5 ... 10).map { a("\($0)", ["Style/Awkward"]) } + [
            a("150", ["Accuracy/Addition"]),
            tag("1", ["Style/Awkward"], system: "B"),
            tag("2", ["Source error"], system: nil),
            a("zzz", ["Other"]),
        ]
    }

    private func find(_ tallies: Tallies, _ slice: String, _ system: String?, _ category: String) throws -> Tallies.Row {
        try #require(tallies.rows.first { $0.slice == slice && $0.system == system && $0.category == category })
    }

    /// In "short", system A has 10 tagged units, 3 with Accuracy (unit 3 counts once though
    /// two annotators tagged it). Wilson 95% for 3/10, z = 1.959964, z² = 3.841459:
    /// centre (0.3 + z²/20) / (1 + z²/10) = 0.492073/1.384146 = 0.355506; half-width
    /// z·√(0.3·0.7/10 + z²/400) / 1.384146 = 1.959964·0.174939/1.384146 = 0.247715;
    /// [0.107791, 0.603222] (statsmodels: 0.10779126740630104, 0.6032218525388546).
    /// Slice size 100: estimate 30, interval [10.779, 60.322].
    @Test func countsProportionsIntervalsAndEstimates() throws {
        let tallies = Tallies(tags: tags, slices: slices, typology: .mqm, row: row)
        let accuracy = try find(tallies, "short", "A", "Accuracy")
        #expect(accuracy.count == 3 && accuracy.tagged == 10 && accuracy.sliceSize == 100)
        #expect(abs(accuracy.proportion - 0.3) < 1e-12)
        #expect(abs(accuracy.ciLow - 0.10779126740630104) < 1e-9)
        #expect(abs(accuracy.ciHigh - 0.6032218525388546) < 1e-9)
        #expect(abs(accuracy.estimate - 30) < 1e-9)
        #expect(abs(accuracy.estimateLow - 10.779126740630104) < 1e-7)
        #expect(abs(accuracy.estimateHigh - 60.32218525388546) < 1e-7)
        #expect(try find(tallies, "short", "A", "Accuracy/Mistranslation").count == 1)
        #expect(try find(tallies, "short", "A", "Style").count == 6)
        #expect(try find(tallies, "short", "A", "Terminology").count == 0)

        // The whole data set adds unit 150: 4 of 11, population 200.
        let all = try find(tallies, NamedSlice.allName, "A", "Accuracy")
        #expect(all.count == 4 && all.tagged == 11 && all.sliceSize == 200)
        #expect(abs(all.estimate - 200.0 * 4 / 11) < 1e-9)
    }

    /// One tagged unit of 3004, tagged: 100%, Wilson [1/(1 + z²), 1] = [0.20654, 1], so
    /// 3004 × 0.20654 = 620.5 at the low end; the estimate never comes without that interval.
    @Test func extrapolationCarriesItsInterval() throws {
        let z2 = 3.841458820694124
        let one = Tallies.Row(slice: "all", system: "A", category: "Accuracy", count: 1, tagged: 1, proportion: 1,
                              ciLow: 1 / (1 + z2), ciHigh: 1, sliceSize: 3004,
                              estimate: 3004, estimateLow: 3004 / (1 + z2), estimateHigh: 3004)
        #expect(one.extrapolation == "≈3004 [620–3004]")
        let tallies = Tallies(tags: tags, slices: slices, typology: .mqm, row: row)
        #expect(try find(tallies, "short", "A", "Accuracy").extrapolation == "≈30 [11–60]")
        let small = Tallies.Row(slice: "s", system: nil, category: "C", count: 1, tagged: 4, proportion: 0.25, ciLow: 0.0456,
                                ciHigh: 0.6994, sliceSize: 8, estimate: 2, estimateLow: 0.3648, estimateHigh: 5.5952)
        #expect(small.extrapolation == "≈2.0 [0.4–5.6]")
    }

    @Test func rowsComeBySliceSystemAndCategory() throws {
        let tallies = Tallies(tags: tags, slices: slices, typology: .mqm, row: row)
        let perGroup = Typology.mqm.paths.count + 2
        #expect(tallies.rows.count == 2 * 3 * perGroup)
        #expect(tallies.rows.map(\.slice) == Array(repeating: "short", count: 3 * perGroup)
            + Array(repeating: NamedSlice.allName, count: 3 * perGroup))
        #expect(tallies.rows.prefix(3 * perGroup).map(\.system) == Array(repeating: nil, count: perGroup)
            + Array(repeating: "A", count: perGroup) + Array(repeating: "B", count: perGroup))
        // The made-up category and its parent come after the typology's, sorted.
        #expect(tallies.rows[perGroup - 2 ..< perGroup].map(\.category) == ["Hallucination", "Hallucination/Entity"])
        #expect(try find(tallies, "short", "A", "Hallucination").count == 1)
        #expect(try find(tallies, "short", nil, "Source error").tagged == 1)
        #expect(tallies.unknownInstances == ["zzz"])
    }

    @Test func sliceWithoutTaggedUnitsHasNoRows() {
        let empty = NamedSlice(name: "tail", rows: BitSet(190 ..< 200))
        #expect(Tallies(tags: tags, slices: [empty], typology: .mqm, row: row).rows.isEmpty)
    }

    @Test func jsonKeysAreSnakeCaseWithNullSystem() throws {
        let tallies = Tallies(tags: [tag("2", ["Source error"], system: nil)], slices: slices, typology: .mqm, row: row)
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(tallies)) as! [String: Any]
        #expect(Set(object.keys) == ["confidence", "rows", "unknown_instances"])
        let first = (object["rows"] as! [[String: Any]])[0]
        #expect(Set(first.keys) == ["slice", "system", "category", "count", "tagged", "proportion", "ci_low", "ci_high",
                                    "slice_size", "estimate", "estimate_low", "estimate_high"])
        #expect(first["system"] is NSNull)
    }
}
