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

    @Test func missingCountsAreReported() throws {
        let missing = try Self.analysis().dataset.missing
        #expect(missing == MissingValues(labels: 1, outputs: ["bert": 1]))
        #expect(missing.notes == [
            "1 instance has no gold label (an empty or null cell): left out of every count and metric",
            "system 'bert' has no output for 1 instance: left out of its counts and metrics",
        ])
    }

    @Test func wordsPandasReadsAsMissingAreClasses() throws {
        // Classes named None, NA, none and null; JSON null and an absent key are missing.
        let lines = [
            #"{"id": "1", "gold": "None", "pred": "None"}"#,
            #"{"id": "2", "gold": "NA", "pred": "NA"}"#,
            #"{"id": "3", "gold": "none", "pred": "null"}"#,
            #"{"id": "4", "gold": "null", "pred": "null"}"#,
            #"{"id": "5", "gold": null, "pred": "NA"}"#,
            #"{"id": "6", "gold": "NA", "pred": null}"#,
            #"{"id": "7", "gold": "None"}"#,
            #"{"id": "8", "gold": "None", "pred": "None"}"#,
        ]
        var roles = ColumnRoles()
        roles.id = "id"
        roles.label = "gold"
        roles.outputs = [("m", "pred")]
        roles.task = .classification
        let dataset = try Fixtures.load("words.jsonl", lines.joined(separator: "\n") + "\n", roles: roles)
        #expect(dataset.classes == ["None", "NA", "none", "null"])
        #expect(dataset.missing == MissingValues(labels: 1, outputs: ["m": 2]))
        let analysis = Analysis(dataset: dataset)
        let summary = try analysis.summary(slices: [NamedSlice(name: "all", rows: BitSet.all(8))], metric: "accuracy", resamples: 10)
        // Scored: rows 1, 2, 3, 4, 8 (5 has no gold, 6 and 7 no prediction); wrong only on 3.
        #expect(summary.rows[0].count == 5)
        #expect(summary.rows[0].value == 0.8)
    }
}
