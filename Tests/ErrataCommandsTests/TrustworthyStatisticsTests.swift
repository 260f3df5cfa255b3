import ErrataTestSupport
import Foundation
import Testing

/// What the reports claim on slices too small or empty to support a claim, end to end.
@Suite(.serialized) struct TrustworthyStatisticsTests {
    static let bundled = ["ERRATA_DATASETS": Fixtures.bundledDatasets.path]
    let folder: TemporaryDirectory
    let reviews: String

    init() throws {
        (folder, reviews) = try ReviewsOnDisk.write()
    }

    @Test func oneInstanceIsNotSignificant() throws {
        let arguments = ["compare", "wmt17-en-de", "--systems", "LIUM-NMT,C-3MA", "--where", #"id == "newstest2017-0001""#]
        let r = try ErrataProcess.run(arguments + ["--format", "json"], environment: Self.bundled)
        #expect(r.status == 0, "\(r.stderr)")
        let row = try #require((try r.json()["rows"] as? [[String: Any]])?.first)
        #expect(row["count"] as? Int == 1)
        #expect(row["test"] as? String == "randomization-exact")
        #expect(row["p_value"] as? Double == 1 && row["p_is_upper_bound"] as? Bool == false)
        #expect(row["better"] is NSNull)
        #expect(row["delta_low"] is NSNull && row["delta_high"] is NSNull)
        #expect(row["delta_reason"] as? String == "fewer than 20 instances: too few for a bootstrap interval")
        let table = try ErrataProcess.run(arguments, environment: Self.bundled)
        #expect(table.stdout.contains("—: fewer than 20 instances: too few for a bootstrap interval"))
        #expect(table.stdout.contains("p from exact randomization test"))
    }

    @Test func pAtTheMonteCarloFloorIsABound() throws {
        let arguments = ["compare", "wmt17-en-de", "--systems", "LIUM-NMT,uedin-nmt", "--resamples", "200"]
        let r = try ErrataProcess.run(arguments + ["--format", "json"], environment: Self.bundled)
        let row = try #require((try r.json()["rows"] as? [[String: Any]])?.first)
        #expect(row["test"] as? String == "randomization-sampled")
        #expect(abs((row["p_value"] as? Double ?? 0) - 1.0 / 201) < 1e-12 && row["p_is_upper_bound"] as? Bool == true)
        let table = try ErrataProcess.run(arguments, environment: Self.bundled)
        #expect(table.stdout.contains("<0.0050"))
        let csv = try ErrataProcess.run(arguments + ["--format", "csv"], environment: Self.bundled)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasSuffix("p_value,p_adjusted,p_is_upper_bound,test,better") == true)
        #expect(lines.dropFirst().first?.hasSuffix(",true,randomization-sampled,uedin-nmt") == true, "\(csv.stdout)")
    }

    @Test func tooFewSamplesForHolmAreNamed() throws {
        // Three comparisons at the floor 1/41: Holm gives at least 3/41 = 0.0732.
        let arguments = ["compare", "wmt17-en-de", "--systems", "LIUM-NMT,uedin-nmt", "--by", "tokens(reference) > 25", "--resamples", "40"]
        let table = try ErrataProcess.run(arguments, environment: Self.bundled)
        #expect(table.stdout.contains("note: with 3 comparisons and 40 samples the smallest Holm-adjusted p is 0.0732, not below 0.05: use --resamples 60 or more"), "\(table.stdout)")
        let enough = try ErrataProcess.run(Array(arguments.dropLast()) + ["60"], environment: Self.bundled)
        #expect(!enough.stdout.contains("note:"))
    }

    @Test func emptySlicesAreNullAndDash() throws {
        let filter = ["--where", #"genre == "western""#]
        let summary = try ErrataProcess.run(["summary", reviews] + ReviewsOnDisk.roles + filter + ["--format", "json"])
        #expect(summary.status == 0, "\(summary.stderr)")
        let row = try #require((try summary.json()["rows"] as? [[String: Any]])?.first)
        #expect(Set(row.keys) == ["slice", "system", "count", "value", "ci_low", "ci_high", "ci_method", "ci_reason"])
        #expect(row["count"] as? Int == 0 && row["value"] is NSNull && row["ci_low"] is NSNull && row["ci_method"] is NSNull)
        #expect(row["ci_reason"] as? String == "no instances")
        let table = try ErrataProcess.run(["summary", reviews] + ReviewsOnDisk.roles + filter)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.count == 5 && lines[2].hasSuffix("bert    0         —  —") && lines[4] == "—: no instances", "\(table.stdout)")

        let compare = try ErrataProcess.run(["compare", reviews] + ReviewsOnDisk.roles + filter + ["--systems", "lr,bert", "--format", "json"])
        let c = try #require((try compare.json()["rows"] as? [[String: Any]])?.first)
        for key in ["value", "baseline_value", "delta", "delta_low", "p_value", "p_adjusted", "better"] {
            #expect(c[key] is NSNull, "\(key)")
        }
        let compareTable = try ErrataProcess.run(["compare", reviews] + ReviewsOnDisk.roles + filter + ["--systems", "lr,bert"])
        #expect(!compareTable.stdout.contains("0.0000"), "\(compareTable.stdout)")
    }

    @Test func smallProportionsGetWilsonIntervals() throws {
        // lr is wrong on all four dramas: Wilson [0, 0.4899], not [0, 0].
        let r = try ErrataProcess.run(["summary", reviews] + ReviewsOnDisk.roles + ["--where", #"genre == "drama""#, "--systems", "lr", "--format", "json"])
        let row = try #require((try r.json()["rows"] as? [[String: Any]])?.first)
        #expect(row["value"] as? Double == 0 && row["ci_low"] as? Double == 0 && row["ci_method"] as? String == "wilson")
        #expect(abs((row["ci_high"] as? Double ?? 0) - 0.4898908) < 1e-6)
    }

    @Test func tooFewResamplesIsAUsageError() throws {
        for count in ["1", "39"] {
            let r = try ErrataProcess.run(["summary", reviews] + ReviewsOnDisk.roles + ["--resamples", count])
            #expect(r.status == 2)
            #expect(r.stderr.contains("a 95% interval needs at least 40 resamples"), "\(r.stderr)")
        }
        #expect(try ErrataProcess.run(["summary", reviews] + ReviewsOnDisk.roles + ["--resamples", "40"]).status == 0)
    }

    @Test func histogramBinsWithoutASystemAreNullAndDash() throws {
        // System y has no output for the one horror instance.
        let file = try folder.write("long.csv", """
            id,ref,system,hyp,genre
            1,a b c,x,a b c,comedy
            1,a b c,y,a b d,comedy
            2,d e f,x,d e f,drama
            2,d e f,y,d e g,drama
            3,g h i,x,g h i,horror

            """)
        let roles = ["--id", "id", "--label", "ref", "--system-column", "system", "--output-column", "hyp", "--column", "genre"]
        let json = try ErrataProcess.run(["histogram", file] + roles + ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let histograms = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let horror = try #require((histograms.first?["bins"] as? [[String: Any]])?.first { $0["label"] as? String == "horror" })
        let values = try #require(horror["values"] as? [String: Any])
        #expect(values["x"] as? Double == 100 && values["y"] is NSNull, "\(values)")
        let table = try ErrataProcess.run(["histogram", file] + roles)
        let line = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("horror") })
        #expect(line.hasSuffix("100.0000        —"), "\(line)")
    }
}
