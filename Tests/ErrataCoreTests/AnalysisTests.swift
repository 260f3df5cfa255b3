import BitCollections
import ErrataTestSupport
import Testing
@testable import ErrataCore

@Suite struct AnalysisTests {
    let analysis: Analysis

    init() throws {
        analysis = Analysis(dataset: try Fixtures.reviewsDataset())
    }

    @Test func summaryPerSliceAndSystem() throws {
        let slices = [NamedSlice(name: "All instances", rows: BitSet.all(10))]
            + (try analysis.groups(by: "genre", within: BitSet.all(10)))
        let summary = try analysis.summary(slices: slices, resamples: 500)
        #expect(summary.metric == "accuracy")
        let values = summary.rows.map { "\($0.slice)|\($0.system ?? "")|\($0.count)|\($0.value.map { String(format: "%.4f", $0) } ?? "")" }
        #expect(values == [
            "All instances|bert|10|0.8000", "All instances|lr|10|0.4000",
            "genre = drama|bert|4|1.0000", "genre = drama|lr|4|0.0000",
            "genre = comedy|bert|3|0.6667", "genre = comedy|lr|3|0.6667",
            "genre = horror|bert|3|0.6667", "genre = horror|lr|3|0.6667",
        ])
        for row in summary.rows {
            let (low, high, value) = (try #require(row.ciLow), try #require(row.ciHigh), try #require(row.value))
            #expect(low <= value && value <= high)
        }
    }

    @Test func comparisonUsesMcNemarForAccuracy() throws {
        let c = try analysis.comparison(slices: [NamedSlice(name: "all", rows: BitSet.all(10))], systems: ["lr", "bert"])
        let row = try #require(c.rows.first)
        #expect(row.test == .mcnemarExact)
        #expect(abs(try #require(row.delta) - 0.4) < 1e-12)
        // Only bert right on 6 instances, only lr right on 2: p = 2 * P(X <= 2), X ~ Bin(8, 1/2).
        #expect(abs(try #require(row.pValue) - 74.0 / 256.0) < 1e-12)
        #expect(row.better == nil)
        #expect(c.correction == "none")
    }

    @Test func macroF1AndMeanMetrics() throws {
        let all = [NamedSlice(name: "all", rows: BitSet.all(10))]
        let f1 = try analysis.summary(slices: all, systems: ["bert"], metric: "macro_f1", resamples: 10)
        // bert: pos tp 4 fp 1 fn 1 -> F1 0.8; neg tp 4 fp 1 fn 1 -> 0.8.
        #expect(abs(try #require(f1.rows[0].value) - 0.8) < 1e-12)
        let year = try analysis.summary(slices: all, systems: ["bert"], metric: "year", resamples: 10)
        #expect(try #require(year.rows[0].value) == 2010)
        #expect(throws: UnknownMetric.self) { try analysis.summary(slices: all, metric: "chrf") }
    }

    @Test func histogramsCountAndScorePerBin() throws {
        let h = try analysis.histogram(of: "genre", within: BitSet.all(10), metric: nil, systems: ["bert"])
        #expect(h.bins.map(\.label) == ["drama", "comedy", "horror"])
        #expect(h.bins.map(\.count) == [4, 3, 3])
        #expect(h.bins[0].values["bert"] == 1.0)
        #expect(h.bins[0].filter == #"genre == "drama""#)
        let years = try analysis.histogram(of: "year", within: BitSet.all(10), metric: nil, systems: [])
        #expect(years.bins.count == 10)
        #expect(years.bins.allSatisfy { $0.count == 1 })
    }

    @Test func everyBinFilterSelectsExactlyItsInstances() throws {
        let tagged = try Fixtures.load("t.jsonl", (1 ... 30).map { i in
            #"{"id": "\#(i)", "n": \#(i * 7 % 23), "tags": \#(i % 3 == 0 ? #"["a", "b"]"# : #"["b"]"#), "ok": \#(i % 2 == 0), "c": "k\#(i % 4)"}"#
        }.joined(separator: "\n") + "\n")
        let analysis = Analysis(dataset: tagged)
        for expression in ["n", "tags", "ok", "c", "n * 2 > 20", "length(c)"] {
            let h = try analysis.histogram(of: expression, within: BitSet.all(30), metric: nil, systems: [])
            #expect(h.bins.map(\.count).reduce(0, +) >= 30, "\(expression)")
            for bin in h.bins {
                #expect(try analysis.evaluator.rows(where: bin.filter).count == bin.count, "\(expression): \(bin.filter)")
            }
        }
        let tags = try analysis.histogram(of: "tags", within: BitSet.all(30), metric: nil, systems: [])
        #expect(tags.bins.map(\.label) == ["b", "a"] && tags.bins.map(\.count) == [30, 10])
        #expect(tags.bins[1].filter == #""a" in tags"#)
    }

    @Test func numericBinsFollowSturges() {
        let values = (0 ..< 100).map { Double($0) + 0.5 }
        let bins = Histogram.numericBins(values, rows: BitSet.all(100))
        #expect(bins.count == 8)  // ceil(log2 100) + 1
        #expect(bins.map(\.rows.count) == [13, 12, 13, 12, 12, 13, 12, 13])
        #expect(bins.first?.label == "[0.5, 12.875)" && bins.last?.label == "[87.125, 99.5]")
        // Whole numbers get whole-number edges.
        let counts = Histogram.numericBins((0 ..< 100).map(Double.init), rows: BitSet.all(100))
        #expect(counts.map(\.label) == ["[0, 13)", "[13, 26)", "[26, 39)", "[39, 52)", "[52, 65)", "[65, 78)", "[78, 91)", "[91, 99]"])
        #expect(counts.map(\.rows.count) == [13, 13, 13, 13, 13, 13, 13, 9])
    }
}

extension Analysis {
    func summary(slices: [NamedSlice], systems: [String]? = nil, metric: String? = nil, resamples: Int) throws -> Summary {
        try summary(slices: slices, systems: systems, metric: metric, bootstrap: BootstrapSettings(resamples: resamples))
    }
}
