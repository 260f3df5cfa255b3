import ErrataCore
import ErrataTestSupport
import Workbench
import Foundation
import Testing
@testable import ErrataCommands

/// The engine behind the workbench and `errata attribute`: declared systems only, the disk
/// cache, and the bag-of-words model through the Shapley explainers.
@Suite struct EngineExplainerTests {
    static let folder = Fixtures.bundledDatasets.appendingPathComponent("rotten-tomatoes")

    func engine(cache: ExplanationCache?) throws -> EngineExplainer {
        EngineExplainer(dataset: "rotten-tomatoes", folder: Self.folder, declared: ["minilm": .minilmSentiment, "bow": .bagOfWords],
                        order: ["minilm", "bow"], cache: cache)
    }

    @Test func theManifestDeclaresBothDemoSystemsInTheDatasetsOrder() throws {
        let engine = try EngineExplainer(datasetPath: Self.folder.path, name: "rotten-tomatoes", systems: ["minilm", "bow"], cache: false)
        #expect(engine.explainableSystems() == ["minilm", "bow"])
        #expect(try engine.defaultSystem() == "minilm")
        #expect(engine.classes(system: "bow") == ["negative", "positive"])
    }

    @Test func aDatasetWithoutDeclarationsIsRefused() throws {
        let wmt = try EngineExplainer(datasetPath: Fixtures.bundledDatasets.appendingPathComponent("wmt17-en-de").path,
                                      name: "wmt17-en-de", cache: false)
        #expect(wmt.explainableSystems().isEmpty)
        let error = try #require(throws: ExplanationError.self) {
            try wmt.predict(system: "uedin-nmt", texts: ["Ein Test."])
        }
        #expect(error.description.hasPrefix("wmt17-en-de declares no explainers"))
        #expect(throws: ExplanationError.self) { try wmt.defaultSystem() }
    }

    @Test func anUnknownKindNamesTheManifestAndKey() throws {
        let folder = try TemporaryDirectory()
        try folder.write("errata.json", #"{"data": "d.csv", "explainers": {"bert": "gpt-9"}}"#)
        let error = try #require(throws: LoadError.self) {
            try EngineExplainer(datasetPath: folder.url.path, name: "d", cache: false)
        }
        #expect("\(error)".contains("errata.json"))
        #expect("\(error)".contains("explainers.bert") && "\(error)".contains("gpt-9"))
    }

    @Test func bagOfWordsRefusesGradientMethodsByName() throws {
        let error = try #require(throws: ExplanationError.self) {
            try engine(cache: nil).explain(ExplanationRequest(system: "bow", text: "good", method: .ig))
        }
        #expect(error.description.contains("'bow'") && error.description.contains(" ig"))
        #expect(throws: ExplanationError.self) { try engine(cache: nil).attention(system: "bow", text: "good") }
    }

    /// The engine's bag-of-words predictions are those committed in predictions.jsonl.
    @Test func bagOfWordsPredictionsMatchTheCommittedOnes() throws {
        let text = "Not even Steven Spielberg has dreamed up such blatant and sickening product placement in a movie."
        let lines = try String(contentsOf: Self.folder.appendingPathComponent("predictions.jsonl"), encoding: .utf8).split(separator: "\n")
        let line = try #require(lines.first { $0.contains("\"rt-a10b34b00a\"") && $0.contains("\"bow\"") })
        let record = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let committed = try #require(record["probabilities"] as? [String: Double])
        let prediction = try engine(cache: nil).predict(system: "bow", texts: [text])[0]
        #expect(prediction.label == record["output"] as? String)
        #expect(abs(prediction.probabilities[0] - committed["negative"]!) < 1e-6)
        #expect(abs(prediction.probabilities[1] - committed["positive"]!) < 1e-6)
    }

    @Test func aCacheHitReturnsTheIdenticalExplanation() throws {
        let folder = try TemporaryDirectory()
        let engine = try engine(cache: ExplanationCache(directory: folder.url))
        let request = ExplanationRequest(system: "bow", text: "A warm, funny and clever film.", method: .permutation, budget: 300, seed: 7)
        #expect(engine.cachedExplanation(request) == nil)
        let computed = try engine.explain(request)
        #expect(engine.cachedExplanation(request) == computed)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(files.count == 1 && files[0].hasSuffix(".json"))
    }

    /// Exact values report the share of their 2^M coalitions done after every batch of 1,024,
    /// which the workbench's status line prints.
    @Test func exactValuesReportTheShareDone() throws {
        let folder = try TemporaryDirectory()
        let engine: any Explaining = try engine(cache: ExplanationCache(directory: folder.url))
        let text = "An uneven, overlong and often tedious but sometimes hilarious comedy about dogs."
        let fractions = Collector<Double>()
        let result = try engine.explain(ExplanationRequest(system: "bow", text: text, method: .exact), progress: { _ in },
                                        fraction: fractions.append, isCancelled: { false })
        #expect(result.tokens.count == 12)
        #expect(fractions.items == [0.25, 0.5, 0.75, 1.0])
    }

    /// Through the protocol: partial explanations arrive with standard errors, a cancelled
    /// run throws `CancellationError`, and nothing of it is cached.
    @Test func progressAndCancellationThroughTheProtocol() throws {
        let folder = try TemporaryDirectory()
        let engine: any Explaining = try engine(cache: ExplanationCache(directory: folder.url))
        let text = "An uneven, overlong and often tedious but sometimes hilarious and warm comedy about two brothers and a dog."
        let request = ExplanationRequest(system: "bow", text: text, method: .permutation, budget: 4000)
        let reports = Collector<Explanation>()
        let result = try engine.explain(request, progress: { reports.append($0) }, isCancelled: { false })
        #expect(reports.count >= 2)
        #expect(reports.items.last?.scores == result.scores && result.se != nil)
        #expect(throws: CancellationError.self) {
            try engine.explain(ExplanationRequest(system: "bow", text: text, method: .kernelshap), progress: { _ in }, isCancelled: { true })
        }
        #expect(engine.cachedExplanation(ExplanationRequest(system: "bow", text: text, method: .kernelshap)) == nil)
        #expect(engine.cachedExplanation(request) == result)
    }

    @Test func everyParameterChangesTheKey() {
        let cache = ExplanationCache(directory: URL(fileURLWithPath: "/unused"))
        let base = ExplanationRequest(system: "bow", text: "good film")
        var variants: [ExplanationRequest] = []
        func vary(_ change: (inout ExplanationRequest) -> Void) {
            var request = base
            change(&request)
            variants.append(request)
        }
        vary { $0.system = "minilm" }
        vary { $0.text = "good films" }
        vary { $0.method = .shap }
        vary { $0.target = "negative" }
        vary { $0.unit = .words }
        vary { $0.masking = .pad }
        vary { $0.baseline = .zero }
        vary { $0.steps = nil }
        vary { $0.budget = 2001 }
        vary { $0.seed = 2 }
        vary { $0.layer = 0 }
        vary { $0.head = 0 }
        vary { $0.logit = true }
        let keys = [cache.key(model: "m", request: base), cache.key(model: "other model", request: base)]
            + variants.map { cache.key(model: "m", request: $0) }
        #expect(Set(keys).count == keys.count)
        #expect(keys.allSatisfy { $0.count == 64 })
        #expect(cache.key(model: "m", request: base) == cache.key(model: "m", request: ExplanationRequest(system: "bow", text: "good film")))
    }

    @Test func aTruncatedFileIsAMissAndIsRewritten() throws {
        let folder = try TemporaryDirectory()
        let engine = try engine(cache: ExplanationCache(directory: folder.url))
        let request = ExplanationRequest(system: "bow", text: "Dull and far too long.", method: .exact)
        let computed = try engine.explain(request)
        let file = folder.url.appendingPathComponent(try FileManager.default.contentsOfDirectory(atPath: folder.url.path)[0])
        let bytes = try Data(contentsOf: file)
        try bytes.prefix(bytes.count / 2).write(to: file)
        #expect(engine.cachedExplanation(request) == nil)
        #expect(try engine.explain(request) == computed)
        #expect(try Data(contentsOf: file) == bytes)
    }
}

