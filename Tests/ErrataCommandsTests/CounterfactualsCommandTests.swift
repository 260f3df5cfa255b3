import ErrataCore
import ErrataTestSupport
import Foundation
import Testing

/// `errata counterfactuals`: the flip rate per slice with its Wilson interval, and the export.
@Suite struct CounterfactualsCommandTests {
    @Test func flipRatesPerSliceAndTheExport() throws {
        let (folder, reviews) = try ReviewsOnDisk.write()
        defer { folder.remove() }
        let dataset = try DatasetLoader.load(reviews, overrides: Fixtures.reviewRoles)
        let positive = Prediction(label: "pos", probabilities: [0.1, 0.9]), negative = Prediction(label: "neg", probabilities: [0.8, 0.2])
        // Instance 1 and 5 are comedies, 2 a drama; two of the three edits flip.
        for (parent, system, after) in [("1", "bert", negative), ("2", "bert", positive), ("5", "lr", negative)] {
            try Counterfactuals.append(Counterfactual(parent: parent, system: system, original: "x", edited: "y", before: positive, after: after), for: dataset)
        }
        let r = try ErrataProcess.run(["counterfactuals", reviews] + ReviewsOnDisk.roles + ["--by", "genre", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(r.json()["rows"] as? [[String: Any]])
        #expect(rows.map { $0["slice"] as? String } == ["All instances", "genre = drama", "genre = comedy", "genre = horror"])
        #expect(rows.map { $0["counterfactuals"] as? Int } == [3, 1, 2, 0] && rows.map { $0["flipped"] as? Int } == [2, 0, 2, 0])
        // Wilson at 2 of 3: (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n) = [0.2077, 0.9385].
        #expect(abs((rows[0]["ci_low"] as? Double ?? 0) - 0.2077) < 1e-3 && abs((rows[0]["ci_high"] as? Double ?? 0) - 0.9385) < 1e-3)
        #expect(rows[3]["rate"] is NSNull && rows[3]["ci_low"] is NSNull)

        let bert = try ErrataProcess.run(["counterfactuals", reviews] + ReviewsOnDisk.roles + ["--system", "bert", "--format", "json"])
        let all = try #require((bert.json()["rows"] as? [[String: Any]])?.first)
        #expect(all["counterfactuals"] as? Int == 2 && all["flipped"] as? Int == 1)

        let export = try ErrataProcess.run(["counterfactuals", reviews] + ReviewsOnDisk.roles + ["--format", "jsonl"])
        let lines = export.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["parent"] as? String == "1" && first["edited"] as? String == "y" && (first["after"] as? [String: Any])?["label"] as? String == "neg")
    }

    @Test func sliceSelectsTheInstancesWithAKeptEdit() throws {
        let (folder, reviews) = try ReviewsOnDisk.write()
        defer { folder.remove() }
        let dataset = try DatasetLoader.load(reviews, overrides: Fixtures.reviewRoles)
        let positive = Prediction(label: "pos", probabilities: [0.1, 0.9]), negative = Prediction(label: "neg", probabilities: [0.8, 0.2])
        try Counterfactuals.append(Counterfactual(parent: "2", system: "bert", original: "x", edited: "y", before: positive, after: negative), for: dataset)
        try Counterfactuals.append(Counterfactual(parent: "5", system: "lr", original: "x", edited: "z", before: positive, after: positive), for: dataset)
        func ids(_ expression: String) throws -> [String] {
            let r = try ErrataProcess.run(["slice", reviews] + ReviewsOnDisk.roles + ["--where", expression, "--format", "json"])
            #expect(r.status == 0, "\(r.stderr)")
            return (try r.json()["instances"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        #expect(try ids("counterfactual") == ["2", "5"])
        #expect(try ids("flipped") == ["2"])
        #expect(try ids("counterfactual(lr)") == ["5"])
    }
}
