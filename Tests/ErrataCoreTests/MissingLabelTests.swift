import BitCollections
import ErrataTestSupport
import Testing
@testable import ErrataCore

/// Empty or null gold labels and predictions: left out of every metric and count, never a crash.
@Suite struct MissingLabelTests {
    /// The reviews fixture with bert's prediction of row 5 empty and the gold label of row 8 empty.
    static let gappy = Fixtures.reviews
        .replacingOccurrences(of: #""I laughed, I cried",pos,neg,pos"#, with: #""I laughed, I cried",pos,,pos"#)
        .replacingOccurrences(of: #""Worst film of the year",neg,pos,neg"#, with: #""Worst film of the year",,pos,neg"#)

    static func analysis(_ contents: String = gappy) throws -> Analysis {
        Analysis(dataset: try Fixtures.load("reviews.csv", contents, roles: Fixtures.reviewRoles))
    }

    @Test func f1WithAnEmptyPredictionScoresTheRest() throws {
        let analysis = try Self.analysis()
        let all = [NamedSlice(name: "all", rows: BitSet.all(10))]
        // bert on rows 1-4, 6, 7, 9, 10 (5 has no prediction, 8 no gold): all 8 right.
        for metric in ["macro_f1", "micro_f1", "accuracy"] {
            let summary = try analysis.summary(slices: all, systems: ["bert"], metric: metric, resamples: 10)
            #expect(summary.rows[0].count == 8, "\(metric)")
            #expect(summary.rows[0].value == 1.0, "\(metric)")
        }
        // lr has every prediction; row 8 has no gold: 9 rows, right on 1, 4 and 5.
        let lr = try analysis.summary(slices: all, systems: ["lr"], metric: "accuracy", resamples: 10)
        #expect(lr.rows[0].count == 9)
        #expect(abs(try #require(lr.rows[0].value) - 3.0 / 9) < 1e-12)
        let comparison = try analysis.comparison(slices: all, systems: ["lr", "bert"], metric: "macro_f1",
                                                  bootstrap: BootstrapSettings(resamples: 10))
        #expect(comparison.rows[0].count == 8)
    }
}
