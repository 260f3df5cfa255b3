import ErrataTestSupport
import Foundation
import Testing

/// `errata tags ...` end to end: the real binary on a dataset in a temporary folder.
@Suite(.serialized) struct TagsCommandTests {
    let folder: TemporaryDirectory
    let reviews: String
    let roles = ReviewsOnDisk.roles

    init() throws {
        (folder, reviews) = try ReviewsOnDisk.write()
    }

    func errata(_ arguments: [String]) throws -> ErrataProcess.Result {
        try ErrataProcess.run(arguments.prefix(2) + [reviews] + roles + arguments.dropFirst(2))
    }

    /// ana and bo tag bert's outputs on instances 1-3; ana also tags lr on 4.
    func tagTwoAnnotators() throws {
        let tags: [(String, String, String, String)] = [
            ("ana", "1", "bert", "A/B"), ("ana", "2", "bert", "A"), ("ana", "3", "bert", "C"), ("ana", "4", "lr", "C"),
            ("bo", "1", "bert", "A/B"), ("bo", "2", "bert", "C"), ("bo", "3", "bert", "C"),
        ]
        for (annotator, instance, system, category) in tags {
            let r = try errata(["tags", "add", "--instance", instance, "--system", system, "--category", category, "--annotator", annotator])
            #expect(r.status == 0 && r.stdout.hasPrefix("saved "), "\(r.stderr)")
        }
    }

    @Test func statsCountAncestorsWithWilsonIntervals() throws {
        try tagTwoAnnotators()
        let r = try errata(["tags", "stats", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try r.json()["rows"] as? [[String: Any]])
        let a = try #require(rows.first { $0["system"] as? String == "bert" && $0["category"] as? String == "A" })
        // Units of bert: instances 1, 2, 3. A (or below): 1 (A/B) and 2 (ana's A) = 2 of 3.
        // Wilson 95% for 2/3 (statsmodels proportion_confint, method="wilson"): 0.2076596, 0.9385081.
        #expect(a["count"] as? Int == 2 && a["tagged"] as? Int == 3 && a["slice_size"] as? Int == 10)
        #expect(abs((a["ci_low"] as? Double ?? 0) - 0.2076596008020477) < 1e-9)
        #expect(abs((a["ci_high"] as? Double ?? 0) - 0.9385080552796037) < 1e-9)
        #expect(abs((a["estimate"] as? Double ?? 0) - 20.0 / 3.0) < 1e-9)
        let horror = try errata(["tags", "stats", "--where", #"genre == "horror""#, "--format", "csv"])
        // Horror is instances 3, 4 and 8: bert's unit 3 (C) and lr's unit 4 (C).
        #expect(horror.stdout.split(separator: "\n").filter { $0.contains(",C,") }.map { $0.split(separator: ",").prefix(6).joined(separator: ",") }
            == [#""genre == ""horror""",bert,C,1,1,1.000000"#, #""genre == ""horror""",lr,C,1,1,1.000000"#])
        let table = try errata(["tags", "stats"])
        #expect(table.stdout.contains("A/B") && table.stdout.contains("2 / 3"))
    }

    @Test func agreementIsCohensKappaForTwoAnnotators() throws {
        try tagTwoAnnotators()
        let r = try errata(["tags", "agreement", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try r.json()
        #expect(json["method"] as? String == "cohen_kappa" && json["units"] as? Int == 3)
        let rows = try #require(json["rows"] as? [[String: Any]])
        // A: (yes, yes), (yes, no), (no, no): po = 2/3, pe = 2/3·1/3 + 1/3·2/3 = 4/9, kappa = (2/9)/(5/9) = 0.4.
        for category in ["A", "C"] {
            let row = try #require(rows.first { $0["category"] as? String == category })
            #expect(abs((row["value"] as? Double ?? 0) - 0.4) < 1e-12, "\(category)")
        }
        let disagreements = try #require(json["disagreements"] as? [[String: Any]])
        #expect(disagreements.map { $0["instance"] as? String } == ["2"])
        let table = try errata(["tags", "agreement", "--disagreements"])
        #expect(table.stdout.contains("  ana: A\n  bo: C\n"))
    }

    @Test func exportImportsIntoAFreshCopyExactly() throws {
        try tagTwoAnnotators()
        let exported = try errata(["tags", "export"])
        #expect(exported.stdout.split(separator: "\n").count == 7)
        let other = try TemporaryDirectory()
        defer { other.remove() }
        let copy = try other.write("reviews.csv", Fixtures.reviews)
        let file = try other.write("tags.jsonl", exported.stdout)
        let imported = try ErrataProcess.run(["tags", "import", copy] + roles + [file])
        #expect(imported.status == 0 && imported.stdout.hasPrefix("imported 7 tags"), "\(imported.stderr)")
        let again = try ErrataProcess.run(["tags", "export", copy] + roles)
        #expect(again.stdout == exported.stdout)
        let twice = try ErrataProcess.run(["tags", "import", copy] + roles + [file])
        #expect(twice.stdout.hasPrefix("imported 0 tags"))
    }

    @Test func badLinesAndUnknownInstancesImportNothing() throws {
        let good = #"{"instance":"1","system":"bert","categories":["A"],"severity":null,"note":"","annotator":"ana","time":"2026-11-26T10:00:00.000Z"}"#
        let unknown = good.replacingOccurrences(of: #""instance":"1""#, with: #""instance":"99""#)
        let file = try folder.write("tags.jsonl", [good, good.replacingOccurrences(of: "bert", with: "gpt"), ""].joined(separator: "\n"))
        let r = try errata(["tags", "import", file])
        #expect(r.status == 1)
        #expect(r.stderr.contains("tags.jsonl:2: system 'gpt' is not in reviews.csv"))
        let second = try folder.write("more.jsonl", good + "\n" + unknown + "\n")
        let s = try errata(["tags", "import", second])
        #expect(s.status == 1 && s.stderr.contains("more.jsonl:2: instance '99' is not in reviews.csv"))
        let malformed = try folder.write("bad.jsonl", good + "\n{\"instance\": \"1\"\n")
        let m = try errata(["tags", "import", malformed])
        #expect(m.status == 1 && m.stderr.contains("bad.jsonl:2:"))
        #expect(try errata(["tags", "export"]).stdout.isEmpty)
    }

    @Test func typologyPresetsEditsAndFiles() throws {
        let preset = try errata(["tags", "typology", "--preset", "mqm", "--format", "json"])
        #expect(preset.status == 0, "\(preset.stderr)")
        #expect(preset.stdout.contains(#""name": "Omission""#))
        let tagged = try errata(["tags", "add", "--instance", "5", "--system", "bert", "--category", "Accuracy/Omission", "--severity", "major"])
        #expect(tagged.status == 0, "\(tagged.stderr)")
        let edited = try errata(["tags", "typology", "--rename", "Accuracy/Omission=Missing content", "--move", "Style/Awkward=Fluency"])
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout.contains("  Missing content") && edited.stdout.contains("  Awkward"))
        let exported = try errata(["tags", "export"])
        #expect(exported.stdout.contains(#""categories":["Accuracy/Missing content"],"severity":"major""#))
        let file = try folder.write("typology.json", try errata(["tags", "typology", "--format", "json"]).stdout)
        let other = try TemporaryDirectory()
        defer { other.remove() }
        let copy = try other.write("reviews.csv", Fixtures.reviews)
        let reread = try ErrataProcess.run(["tags", "typology", copy] + roles + ["--import", file, "--format", "json"])
        #expect(reread.stdout == (try String(contentsOfFile: file, encoding: .utf8)))
        let bad = try errata(["tags", "typology", "--merge", "Accuracy=Accuracy/Mistranslation"])
        #expect(bad.status == 1 && bad.stderr.contains("Accuracy"))
        let unknown = try errata(["tags", "typology", "--preset", "nope"])
        #expect(unknown.status == 2 && unknown.stderr.contains("mqm, vilar, classification"))
    }
}
