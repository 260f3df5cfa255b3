import BitCollections
import ErrataTestSupport
import Testing
@testable import ErrataCore

/// Bins of a numeric column come from the whole dataset, so a filter never moves them.
@Suite struct FixedBinsTests {
    @Test func aFilterKeepsTheDatasetsBins() throws {
        // x = 1 ... 30: Sturges gives 6 bins of width 5 over the whole column.
        let text = "id,x\n" + (1 ... 30).map { "\($0),\($0)" }.joined(separator: "\n") + "\n"
        let analysis = Analysis(dataset: try Fixtures.load("x.csv", text))
        let all = try analysis.groups(by: "x", within: BitSet.all(30)).map(\.name)
        #expect(all == ["x in [1, 6)", "x in [6, 11)", "x in [11, 16)", "x in [16, 21)", "x in [21, 26)", "x in [26, 30]"])
        // Under x > 20 the bins stay those of the dataset (recomputed from the ten values left,
        // they would be one group per value, x = 21 ... x = 30).
        let filtered = try analysis.groups(by: "x", within: try analysis.evaluator.rows(where: "x > 20"))
        #expect(filtered.map(\.name) == ["x in [21, 26)", "x in [26, 30]"])
        #expect(filtered.map(\.rows.count) == [5, 5])
    }
}
