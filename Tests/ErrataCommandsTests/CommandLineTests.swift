import ErrataTestSupport
import Foundation
import Testing

/// End-to-end tests of the command line: real binary, real files, exit codes and outputs.
@Suite(.serialized) struct CommandLineTests {
    let folder: TemporaryDirectory
    let reviews: String
    let roles = ReviewsOnDisk.roles

    init() throws {
        (folder, reviews) = try ReviewsOnDisk.write()
    }

    @Test func summaryJSONHasTheDocumentedShape() throws {
        let r = try ErrataProcess.run(["summary", reviews] + roles + ["--by", "genre", "--format", "json", "--resamples", "200"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try r.json()
        #expect(json["metric"] as? String == "accuracy")
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.count == 8)
        let first = rows[0]
        #expect(Set(first.keys) == ["slice", "system", "count", "value", "ci_low", "ci_high", "ci_method", "ci_reason"])
        #expect(first["slice"] as? String == "All instances" && first["system"] as? String == "bert")
        #expect(first["count"] as? Int == 10 && first["value"] as? Double == 0.8)
        let drama = rows.first { $0["slice"] as? String == "genre = drama" && $0["system"] as? String == "lr" }
        #expect(drama?["value"] as? Double == 0)
    }

    @Test func compareAddsDeltaAndPValue() throws {
        let r = try ErrataProcess.run(["compare", reviews] + roles + ["--systems", "lr,bert", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try r.json()["rows"] as? [[String: Any]])
        let row = try #require(rows.first)
        #expect(abs((row["delta"] as? Double ?? 0) - 0.4) < 1e-12)
        #expect(abs((row["p_value"] as? Double ?? 0) - 74.0 / 256.0) < 1e-12)
        #expect(row["test"] as? String == "mcnemar-exact")
        let table = try ErrataProcess.run(["compare", reviews] + roles + ["--systems", "lr,bert", "--by", "genre"])
        #expect(table.stdout.contains("Holm-adjusted over 4 comparisons"))
    }

    @Test func csvOutput() throws {
        let r = try ErrataProcess.run(["summary", reviews] + roles + ["--format", "csv", "--resamples", "40"])
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "slice,system,count,value,ci_low,ci_high")
        #expect(lines.dropFirst().first?.hasPrefix("All instances,bert,10,0.800000,") == true)
    }

    @Test func sliceListsMatchesAndSavesThem() throws {
        let r = try ErrataProcess.run(["slice", reviews] + roles + ["--where", #"genre == "horror" and length(input) > 20"#, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try r.json()
        #expect(json["count"] as? Int == 3)
        let ids = (json["instances"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == ["3", "4", "8"])

        let saved = try ErrataProcess.run(["slice", reviews] + roles + ["--where", "correct(bert) and not correct(lr)", "--save", "bert-only", "--folder", "wins"])
        #expect(saved.status == 0 && saved.stderr.contains("saved slice 'bert-only' (6 instances)"))
        let store = folder.url.appendingPathComponent(".errata/reviews.csv/slices.json")
        let text = try String(contentsOf: store, encoding: .utf8)
        #expect(text.contains(#""filter" : "correct(bert) and not correct(lr)""#))
        let summary = try ErrataProcess.run(["summary", reviews] + roles + ["--saved", "--format", "json", "--resamples", "40"])
        let slices = (try summary.json()["rows"] as? [[String: Any]])?.compactMap { $0["slice"] as? String }
        #expect(slices?.contains("wins/bert-only") == true)
        let list = try ErrataProcess.run(["slices", reviews] + roles)
        #expect(list.stdout.contains("bert-only") && list.stdout.contains("6"))
    }

    @Test func histogramJSON() throws {
        let r = try ErrataProcess.run(["histogram", reviews] + roles + ["--column", "genre", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let all = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        let bins = try #require(all?.first?["bins"] as? [[String: Any]])
        #expect(bins.map { $0["label"] as? String } == ["drama", "comedy", "horror"])
        #expect(bins.map { $0["count"] as? Int } == [4, 3, 3])
    }

    @Test func badInputExitsOneWithALocatedMessage() throws {
        let bad = try folder.write("bad.csv", "id,text,gold\n1,a,pos\n2,\"b,neg\n")
        let r = try ErrataProcess.run(["validate", bad])
        #expect(r.status == 1)
        #expect(r.stderr == "errata: error: \(bad):3:3: unterminated quoted field: no closing '\"' before the end of the file\n")
        let ragged = try folder.write("ragged.csv", "id,text,gold\n1,a,pos\n2,b\n3,c,neg\n")
        let skipped = try ErrataProcess.run(["validate", ragged, "--skip-bad-lines", "--format", "json"])
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("skipped 1 bad line"))
        #expect(try skipped.json()["instances"] as? Int == 2)
        let missing = try ErrataProcess.run(["summary", folder.url.appendingPathComponent("nope.csv").path])
        #expect(missing.status == 1 && missing.stderr.contains("no such file or folder"))
    }

    @Test func badExpressionAndUnknownNamesExitOne() throws {
        let r = try ErrataProcess.run(["slice", reviews] + roles + ["--where", #"genre = "horror""#])
        #expect(r.status == 1)
        #expect(r.stderr == "errata: error: invalid slice expression at column 7: use '==' to compare\n  genre = \"horror\"\n        ^\n")
        let metric = try ErrataProcess.run(["summary", reviews] + roles + ["--metric", "acuracy"])
        #expect(metric.status == 1 && metric.stderr.contains("did you mean 'accuracy'?"))
        let system = try ErrataProcess.run(["compare", reviews] + roles + ["--systems", "bert,lstm"])
        #expect(system.status == 1 && system.stderr.contains("unknown system 'lstm'"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try ErrataProcess.run(["summary", reviews, "--no-such-flag"]).status == 2)
        #expect(try ErrataProcess.run(["summary", reviews, "--output", "nonsense"]).status == 2)
        #expect(try ErrataProcess.run(["summary", reviews, "--format", "xml"]).status == 2)
        let help = try ErrataProcess.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("summary"))
    }

    @Test func bundledDatasetsOpenWithNoFlags() throws {
        let wmt = try ErrataProcess.run(["validate", "wmt17-en-de", "--format", "json"], environment: ["ERRATA_DATASETS": Fixtures.bundledDatasets.path])
        #expect(wmt.status == 0, "\(wmt.stderr)")
        let json = try wmt.json()
        #expect(json["instances"] as? Int == 3004)
        #expect((json["systems"] as? [String])?.count == 16)
        let rt = try ErrataProcess.run(["summary", "rotten-tomatoes", "--by", "has_plot", "--format", "json"], environment: ["ERRATA_DATASETS": Fixtures.bundledDatasets.path])
        #expect(rt.status == 0, "\(rt.stderr)")
        let rows = try #require(try rt.json()["rows"] as? [[String: Any]])
        #expect(rows.first?["count"] as? Int == 2425)
    }

    @Test func noArgumentsPrintsTheDemoSummary() throws {
        let r = try ErrataProcess.run([], in: folder.url, environment: ["ERRATA_DATASETS": Fixtures.bundledDatasets.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("uedin-nmt") && r.stdout.contains("chrf"))
    }
}
