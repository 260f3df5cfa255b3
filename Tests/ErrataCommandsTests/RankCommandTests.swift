import ErrataTestSupport
import Foundation
import Testing

/// `errata rank`: every system ranked with clusters, in the three formats, and its errors.
@Suite(.serialized) struct RankCommandTests {
    let folder: TemporaryDirectory
    let reviews: String
    let roles = ReviewsOnDisk.roles

    init() throws {
        (folder, reviews) = try ReviewsOnDisk.write()
    }

    @Test func jsonHasEntriesAndPairs() throws {
        let r = try ErrataProcess.run(["rank", reviews] + roles + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try r.json()
        #expect(json["metric"] as? String == "accuracy" && json["higher_is_better"] as? Bool == true && json["count"] as? Int == 10)
        let entries = try #require(json["entries"] as? [[String: Any]])
        #expect(entries.map { $0["system"] as? String } == ["bert", "lr"])
        #expect(entries.map { $0["value"] as? Double } == [0.8, 0.4])
        // McNemar's exact test on 6 discordant pairs against 2: p = 74/256, not significant.
        #expect(entries.map { $0["cluster"] as? Int } == [1, 1] && entries.map { $0["rank_high"] as? Int } == [2, 2])
        let pairs = try #require(json["pairs"] as? [[String: Any]])
        #expect(pairs.count == 1 && pairs[0]["p_value"] as? Double == 74.0 / 256 && pairs[0]["test"] as? String == "mcnemar-exact")
    }

    @Test func anEmptySliceGivesNullsAndDashes() throws {
        let json = try ErrataProcess.run(["rank", reviews] + roles + ["--where", "year > 3000", "--format", "json"]).json()
        let entries = try #require(json["entries"] as? [[String: Any]])
        #expect(entries.allSatisfy { $0["value"] is NSNull && $0["cluster"] is NSNull && $0["rank_low"] is NSNull })
        let table = try ErrataProcess.run(["rank", reviews] + roles + ["--where", "year > 3000"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("0 clusters") && table.stdout.contains("on 0 instances of year > 3000"))
        #expect(table.stdout.split(separator: "\n")[2].hasPrefix("      —     —  bert"))
    }

    @Test func csvAndTheBaseline() throws {
        let r = try ErrataProcess.run(["rank", reviews] + roles + ["--baseline", "lr", "--format", "csv"])
        #expect(r.stdout == """
            position,cluster,rank_low,rank_high,system,value,ci_low,ci_high,delta,p_adjusted,better
            1,1,1,2,bert,0.800000,0.490162,0.943318,0.400000,0.2890625,
            2,1,1,2,lr,0.400000,0.168180,0.687326,,,

            """)
        let unknown = try ErrataProcess.run(["rank", reviews] + roles + ["--baseline", "cnn"])
        #expect(unknown.status == 1 && unknown.stderr == "errata: error: the baseline 'cnn' is not among the ranked systems\n")
    }
}
