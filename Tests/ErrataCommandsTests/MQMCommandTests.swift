import ErrataTestSupport
import Foundation
import Testing

/// MQM ratings through the command line: the raw TSV opens by its header, `mqm` is a metric
/// of every report, `metaeval` correlates metrics with it, and `--systems` narrows `slice`
/// and `histogram`.
@Suite(.serialized) struct MQMCommandTests {
    let folder: TemporaryDirectory
    let ratings: String

    init() throws {
        folder = try TemporaryDirectory()
        ratings = try folder.write("ratings.tsv", Fixtures.mqmRatings)
    }

    @Test func summaryOfTheRawTSVByMQM() throws {
        let r = try ErrataProcess.run(["summary", ratings, "--metric", "mqm", "--format", "json", "--resamples", "40"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try r.json()
        #expect(json["metric"] as? String == "mqm" && json["higher_is_better"] as? Bool == false)
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.map { $0["system"] as? String } == ["sysA", "sysB", "ref"])
        #expect(abs((rows[0]["value"] as? Double ?? 0) - 3.05) < 1e-12 && rows[1]["value"] as? Double == 0)
    }

    @Test func compareByMQMNamesTheSystemWithFewerErrorPoints() throws {
        let r = try ErrataProcess.run(["compare", ratings, "--metric", "mqm", "--systems", "sysB,sysA"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("metric: mqm (lower is better)"))
    }

    @Test func chrfNeedsAReferenceAndTheFlagGivesOne() throws {
        let without = try ErrataProcess.run(["summary", ratings, "--metric", "chrf"])
        #expect(without.status == 1 && without.stderr.contains("chrf needs a reference column"))
        let with = try ErrataProcess.run(["summary", ratings, "--metric", "chrf", "--reference-system", "ref", "--format", "csv", "--resamples", "40"])
        #expect(with.status == 0, "\(with.stderr)")
        #expect(with.stdout.contains("All instances,ref,2,100.000000,"))
    }

    @Test func metaevalPrintsEveryKeyWithNullsWhereUndefined() throws {
        let r = try ErrataProcess.run(["metaeval", ratings, "--reference-system", "ref", "--metrics", "chrf,ter", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try r.json()
        #expect(json["human"] as? String == "mqm" && json["systems"] as? [String] == ["sysA", "sysB"])
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { Set($0.keys) == ["slice", "metric", "level", "count", "pearson", "kendall", "kendall_by_item", "items"] })
        // Two systems: a system-level correlation is ±1 or undefined, never anything else.
        let system = try #require(rows.first { $0["metric"] as? String == "chrf" && $0["level"] as? String == "system" })
        #expect(system["count"] as? Int == 2 && system["kendall_by_item"] is NSNull)

        let csv = try ErrataProcess.run(["metaeval", ratings, "--reference-system", "ref", "--metrics", "mqm", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("slice,metric,level,n,pearson,kendall,kendall_by_item,items\nAll instances,mqm,system,2,1.000000,1.000000,,\n"))

        let table = try ErrataProcess.run(["metaeval", ratings, "--reference-system", "ref", "--by", "seg_id"])
        #expect(table.status == 0 && table.stdout.contains("seg_id = 1") && table.stdout.contains("—"))
    }

    @Test func sliceAndHistogramShowOnlyTheChosenSystems() throws {
        let slice = try ErrataProcess.run(["slice", ratings, "--metric", "mqm", "--systems", "sysB,ref", "--format", "csv"])
        #expect(slice.status == 0, "\(slice.stderr)")
        #expect(slice.stdout.hasPrefix("id,source,sysB,ref,mqm(sysB),mqm(ref),doc,doc_id,seg_id,raters\n"))
        let json = try ErrataProcess.run(["slice", ratings, "--systems", "sysA", "--format", "json"]).json()
        let outputs = (json["instances"] as? [[String: Any]])?.first?["outputs"] as? [String: String]
        #expect(outputs.map { Array($0.keys) } == ["sysA"])
        let unknown = try ErrataProcess.run(["slice", ratings, "--systems", "sysC"])
        #expect(unknown.status == 1 && unknown.stderr.contains("unknown system 'sysC'"))

        let histogram = try ErrataProcess.run(["histogram", ratings, "--column", "doc", "--systems", "sysA", "--metric", "mqm", "--format", "csv"])
        #expect(histogram.stdout == "column,bin,low,high,count,sysA\ndoc,talk.1,,,2,3.050000\n")
    }

    @Test func validateCountsTheExpertRatings() throws {
        let r = try ErrataProcess.run(["validate", ratings, "--reference-system", "ref", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try r.json()
        #expect(json["reference_system"] as? String == "ref" && json["expert_ratings"] as? Int == 6)
        #expect(json["expert_raters"] as? [String] == ["rater1", "rater2"] && json["expert_errors"] as? Int == 4)
        let table = try ErrataProcess.run(["validate", ratings])
        #expect(table.stdout.contains("expert ratings: 6 by 2 raters (rater1, rater2), 4 errors\n"))
    }

    @Test func aMalformedMarkFailsWithItsLocation() throws {
        let bad = try folder.write("bad.tsv", "system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\ns\td\t1\t1\tr\tsrc\tab</v>\tOther\tMinor\n")
        let r = try ErrataProcess.run(["summary", bad])
        #expect(r.status == 1)
        #expect(r.stderr == "errata: error: \(bad):2:17: malformed span mark in target: a </v> with no <v> before it\n")
    }
}
