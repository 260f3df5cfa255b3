import Attribution
import ErrataTestSupport
import Foundation
import Testing

/// The MiniLM folder in the shared model cache (fetched there on first use).
enum SharedModel {
    static func directory() throws -> String {
        try ModelStore.minilm().path
    }
}

/// `errata attribute` and `errata predict` as a user runs them: the real binary, the bundled
/// Rotten Tomatoes data, explanations cached in a fresh folder per test.
@Suite(.serialized) struct AttributeCommandTests {
    static let id = "rt-a10b34b00a"
    static let text = "Not even Steven Spielberg has dreamed up such blatant and sickening product placement in a movie."

    /// A private explanation cache; MiniLM is read from the shared model cache (fetched there
    /// on first use) through ERRATA_MODEL_PATH.
    static func environment(_ cache: TemporaryDirectory, minilm: Bool = false) throws -> [String: String] {
        var environment = ["ERRATA_MODEL_CACHE": cache.url.path, "NO_COLOR": "1"]
        if minilm { environment["ERRATA_MODEL_PATH"] = try SharedModel.directory() }
        return environment
    }

    @Test func exactShapleyOfTheBagOfWordsIsEfficientInJSON() throws {
        let cache = try TemporaryDirectory()
        let result = try ErrataProcess.run(["attribute", "rotten-tomatoes", "--instance", Self.id, "--system", "bow", "--method", "loo",
                                            "--format", "json"], environment: try Self.environment(cache))
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        let tokens = try #require(json["tokens"] as? [[String: Any]])
        #expect(tokens.map { $0["text"] as? String } == ["Not", "even", "Steven", "Spielberg", "has", "dreamed", "up", "such", "blatant",
                                                          "and", "sickening", "product", "placement", "in", "a", "movie"])
        #expect(json["method"] as? String == "loo" && json["faithfulness"] is NSNull)
        let value = try #require(json["value"] as? Double)
        let probabilities = try #require(json["probabilities"] as? [String: Double])
        #expect(abs(value - probabilities[json["target"] as! String]!) < 1e-9)
    }

    /// Sixteen words: every threshold selects a word. At 100 % comprehensiveness is
    /// p(x) - p(nothing), the Shapley explanation's value minus its base value, and
    /// sufficiency is 0.
    @Test func faithfulnessIsAddedToAnExplanation() throws {
        let cache = try TemporaryDirectory()
        let result = try ErrataProcess.run(["attribute", "rotten-tomatoes", "--instance", Self.id, "--system", "bow", "--method", "exact",
                                            "--faithfulness", "--format", "json"], environment: try Self.environment(cache))
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        let f = try #require(json["faithfulness"] as? [String: Any])
        #expect(f["percentages"] as? [Int] == [10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
        #expect(f["token_counts"] as? [Int] == [1, 3, 4, 6, 8, 9, 11, 12, 14, 16])
        let comprehensiveness = try #require(f["comprehensiveness"] as? [Double])
        let sufficiency = try #require(f["sufficiency"] as? [Double])
        let value = try #require(json["value"] as? Double), base = try #require(json["base_value"] as? Double)
        #expect(abs(comprehensiveness.last! - (value - base)) < 1e-9)
        #expect(abs(sufficiency.last!) < 1e-12)
        #expect(abs((f["aopc_comprehensiveness"] as? Double ?? 0) - comprehensiveness.reduce(0, +) / 10) < 1e-12)
        let table = try ErrataProcess.run(["attribute", "rotten-tomatoes", "--instance", Self.id, "--system", "bow", "--method", "exact",
                                           "--faithfulness"], environment: try Self.environment(cache))
        #expect(table.stdout.contains(String(format: "AOPC comprehensiveness %.4f", f["aopc_comprehensiveness"] as? Double ?? 0)))
        #expect(table.stdout.contains("100%      16"))
    }

    @Test func csvHasOneRowPerToken() throws {
        let cache = try TemporaryDirectory()
        let result = try ErrataProcess.run(["attribute", "rotten-tomatoes", "--instance", Self.id, "--system", "bow", "--method", "permutation",
                                            "--budget", "500", "--format", "csv"], environment: try Self.environment(cache))
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "id,token,start,end,score,se")
        #expect(lines.count == 17)
        let cells = lines[4].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(cells[0] == Self.id && cells[1] == "Spielberg" && cells[2] == "16" && cells[3] == "25")
        #expect(Double(cells[4]) != nil && (Double(cells[5]) ?? -1) >= 0)
    }

    @Test func aDatasetWithoutExplainersIsRefused() throws {
        let cache = try TemporaryDirectory()
        let result = try ErrataProcess.run(["attribute", "wmt17-en-de", "--instance", "1"], environment: try Self.environment(cache))
        #expect(result.status == 1)
        #expect(result.stderr.contains("wmt17-en-de declares no explainers"))
        #expect(result.stdout.isEmpty)
    }

    @Test func aFailingInstanceIsNamedAndTheRunResumable() throws {
        let cache = try TemporaryDirectory()
        // Exact Shapley values enumerate at most 20 players; these instances have more words.
        let result = try ErrataProcess.run(["attribute", "rotten-tomatoes", "--all", "--where", "tokens(text) > 30", "--system", "bow",
                                            "--method", "exact"], environment: try Self.environment(cache))
        #expect(result.status == 1)
        #expect(result.stderr.contains("errata: error: instance rt-"))
        #expect(result.stderr.contains("exact Shapley values need 2^"))
        #expect(result.stderr.contains("0 instances done and cached; run again to resume"))
    }

    /// Seventeen words of MiniLM are 131,072 evaluations, minutes to hours of work: without a terminal to
    /// ask on, the command says how long it would take and stops before starting.
    @Test func exactShapleyBeyondFourteenPlayersAsksFirst() throws {
        let cache = try TemporaryDirectory()
        let result = try ErrataProcess.run(["attribute", "rotten-tomatoes", "--instance", Self.id, "--system", "minilm", "--method", "exact",
                                            "--words"], environment: try Self.environment(cache, minilm: true))
        #expect(result.status == 1)
        #expect(result.stderr.contains("errata: error: exact Shapley values for 17 players need 131,072 model evaluations, about "))
        #expect(result.stderr.contains(" on this machine; pass --yes to run them, or use --method shap (sampled, with standard errors)"))
        #expect(result.stdout.isEmpty)
    }

    @Test func gradientMethodsOnTheBagOfWordsAreAUsageOfTheWrongModel() throws {
        let cache = try TemporaryDirectory()
        let result = try ErrataProcess.run(["attribute", "rotten-tomatoes", "--instance", Self.id, "--system", "bow", "--method", "ig"],
                                           environment: try Self.environment(cache))
        #expect(result.status == 1)
        #expect(result.stderr.contains("system 'bow' (bag-of-words) cannot be explained with ig"))
    }

    @Test func allPrecomputesASliceAndResumesFromTheCache() throws {
        let cache = try TemporaryDirectory()
        let arguments = ["attribute", "rotten-tomatoes", "--all", "--where", "movie == \"adam_sandlers_eight_crazy_nights\"", "--system", "bow",
                         "--method", "shap", "--faithfulness", "--format", "json"]
        let first = try ErrataProcess.run(arguments, environment: try Self.environment(cache))
        #expect(first.status == 0, "\(first.stderr)")
        let summary = try first.json()
        let instances = try #require(summary["instances"] as? Int)
        #expect(instances > 1)
        #expect(summary["computed"] as? Int == instances && summary["cached"] as? Int == 0)
        #expect((summary["sentences_per_second"] as? Double ?? 0) > 0)
        let comprehensiveness = try #require(summary["aopc_comprehensiveness"] as? Double)
        #expect(first.stderr.contains("\(instances)/\(instances) (0 cached)"))
        #expect(first.stderr.contains(" ETA "))
        let second = try ErrataProcess.run(arguments, environment: try Self.environment(cache))
        let again = try second.json()
        #expect(again["computed"] as? Int == 0 && again["cached"] as? Int == instances)
        #expect(second.stderr.contains("\(instances)/\(instances) (\(instances) cached)"))
        #expect(again["sentences_per_second"] is NSNull)
        #expect(again["aopc_comprehensiveness"] as? Double == comprehensiveness)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.url.appendingPathComponent("explanations").path)
        #expect(files.count == instances)
    }

    /// `--all` explains instances one per core at a time; in the slice's order, its rows are
    /// those of each instance explained on its own.
    @Test func allExplainsSideBySideAsEachInstanceAlone() throws {
        let cache = try TemporaryDirectory()
        let slice = "movie == \"adam_sandlers_eight_crazy_nights\""
        let all = try ErrataProcess.run(["attribute", "rotten-tomatoes", "--all", "--where", slice, "--system", "bow", "--method", "shap",
                                         "--format", "csv"], environment: try Self.environment(cache))
        #expect(all.status == 0, "\(all.stderr)")
        let listed = try ErrataProcess.run(["slice", "rotten-tomatoes", "--where", slice, "--format", "json"], environment: try Self.environment(cache))
        let ids = (try listed.json()["instances"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(ids.count > 2)
        func rows(_ csv: String) -> [Substring] { Array(csv.split(separator: "\n").dropFirst()) }
        var alone: [Substring] = []
        for id in ids {
            let one = try ErrataProcess.run(["attribute", "rotten-tomatoes", "--instance", id, "--system", "bow", "--method", "shap",
                                             "--format", "csv"], environment: try Self.environment(try TemporaryDirectory()))
            alone += rows(one.stdout)
        }
        #expect(!alone.isEmpty && rows(all.stdout) == alone)
    }

    @Test func predictQueriesAnyDeclaredSystem() throws {
        let cache = try TemporaryDirectory()
        let result = try ErrataProcess.run(["predict", "--dataset", "rotten-tomatoes", "--system", "bow", "--text", Self.text, "--format", "json"],
                                           environment: try Self.environment(cache))
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        #expect(json["system"] as? String == "bow")
        let probabilities = try #require(json["probabilities"] as? [String: Double])
        // The committed test-split prediction of this instance (predictions.jsonl, 6 decimals).
        let lines = try String(contentsOf: Fixtures.bundledDatasets.appendingPathComponent("rotten-tomatoes/predictions.jsonl"), encoding: .utf8)
        let line = try #require(lines.split(separator: "\n").first { $0.contains("\"\(Self.id)\"") && $0.contains("\"bow\"") })
        let committed = try #require((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["probabilities"] as? [String: Double])
        for (label, p) in committed { #expect(abs(probabilities[label]! - p) < 1e-6, "\(label)") }
        #expect(json["prediction"] as? String == committed.max { $0.value < $1.value }?.key)
        let csv = try ErrataProcess.run(["predict", "--dataset", "rotten-tomatoes", "--system", "bow", "--text", Self.text, "--format", "csv"],
                                        environment: try Self.environment(cache))
        let rows = csv.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count == 3 && rows[0] == ["system", "class", "probability"])
        #expect(rows[1][0] == "bow" && rows[1][1] == "negative" && abs(Double(rows[1][2])! - probabilities["negative"]!) < 1e-12)
    }

    @Test func headImportanceIsALayerByHeadTable() throws {
        let cache = try TemporaryDirectory()
        let result = try ErrataProcess.run(["attribute", "rotten-tomatoes", "--instance", Self.id, "--method", "head-importance",
                                            "--format", "json"], environment: try Self.environment(cache, minilm: true))
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        let importance = try #require(json["importance"] as? [[Double]])
        #expect(importance.count == 6 && importance.allSatisfy { $0.count == 12 })
        #expect(importance.joined().allSatisfy { $0 >= 0 } && importance.joined().contains { $0 > 0 })
        #expect(json["system"] as? String == "minilm" && json["instances"] as? Int == 1)
    }

    @Test func attributeTakesTheDatasetOptions() throws {
        let (folder, path) = try ReviewsOnDisk.write()
        _ = folder
        let result = try ErrataProcess.run(["attribute", path] + ReviewsOnDisk.roles + ["--instance", "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("reviews declares no explainers") || result.stderr.contains("declares no explainers"))
    }
}
