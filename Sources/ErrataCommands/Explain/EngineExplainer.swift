import Attribution
import ErrataCore
import Foundation
import Workbench

/// The explanation engine behind the workbench and `errata attribute`: the models a dataset
/// declares (`"explainers"` in its errata.json), explained through Attribution's
/// model-agnostic explainers, with results kept in the disk cache.
///
/// Only declared systems are explained. A model trained on English film reviews says nothing
/// about a German translation system's outputs, so a dataset that declares no explainer (the
/// WMT demo) is refused with a message rather than given a confident wrong answer.
///
/// Models load on first use (the MiniLM encoder takes a moment) and are kept; the engine is
/// safe to call from several effects at once.
public final class EngineExplainer: Explaining, @unchecked Sendable {
    /// The dataset's name, for messages.
    let dataset: String
    let folder: URL
    /// System -> model kind, as declared.
    let declared: [String: ModelKind]
    /// The declared systems in the dataset's order of systems (else by name).
    let order: [String]
    let cache: ExplanationCache?
    private let lock = NSLock()
    private var loaded: [String: Explainer] = [:]
    private var checksums: [String: String] = [:]

    init(dataset: String, folder: URL, declared: [String: ModelKind], order systems: [String], cache: ExplanationCache?) {
        self.dataset = dataset
        self.folder = folder
        self.declared = declared
        order = systems.filter { declared[$0] != nil } + declared.keys.filter { !systems.contains($0) }.sorted()
        self.cache = cache
    }

    /// The engine for the dataset at `path` (a folder with errata.json, or a file, which
    /// declares nothing), explaining those of `systems` it declares (all declared when empty).
    /// - Throws: `LoadError` naming the manifest and key when a declared kind is unknown.
    public convenience init(datasetPath path: String, name: String, systems: [String] = [],
                            cache: Bool = true) throws {
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        let folder = URL(fileURLWithPath: isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent, isDirectory: true)
        let manifestPath = folder.appendingPathComponent(Manifest.fileName).path
        var declared: [String: ModelKind] = [:]
        if isFolder.boolValue, FileManager.default.fileExists(atPath: manifestPath) {
            for (system, kindName) in try Manifest.load(manifestPath).explainers ?? [:] where systems.isEmpty || systems.contains(system) {
                guard let kind = ModelKind(rawValue: kindName) else {
                    throw LoadError(file: manifestPath, "key 'explainers.\(system)': unknown model kind '\(kindName)' (known: \(ModelKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                declared[system] = kind
            }
        }
        self.init(dataset: name, folder: folder, declared: declared, order: systems, cache: cache ? .standard : nil)
    }

    /// In the dataset's order of systems, so the first is the one a command explains by default.
    public func explainableSystems() -> [String] {
        order
    }

    /// The first explainable system: what commands explain when no `--system` is given.
    func defaultSystem() throws -> String {
        guard let first = order.first else { throw refusal(system: nil) }
        return first
    }

    /// The transformer has gradients and attention; the bag of words only the Shapley family.
    public func supportsGradients(system: String) -> Bool {
        declared[system] == .minilmSentiment
    }

    public func prepare(progress: @Sendable (Double) -> Void) throws {
        try withoutActuallyEscaping(progress) { progress in
            try ModelStore.reportingProgress(to: progress) {
                for system in order { _ = try model(system) }
            }
        }
    }

    public func classes(system: String) -> [String] {
        (try? model(system).labels) ?? []
    }

    /// Computes the explanation, or returns the cached one; a computed result is cached.
    public func explain(_ request: ExplanationRequest, progress: @Sendable (Explanation) -> Void,
                        fraction: @Sendable (Double) -> Void, isCancelled: @Sendable () -> Bool) throws -> Explanation {
        try compute(request, progress: progress, fraction: fraction, isCancelled: isCancelled)
    }

    /// `explain`, for callers whose `fraction` stays on the calling thread (the command line).
    private func compute(_ request: ExplanationRequest, progress: @Sendable (Explanation) -> Void, fraction: (Double) -> Void,
                         isCancelled: @Sendable () -> Bool) throws -> Explanation {
        let explainer = try model(request.system)
        guard explainer.supports(request.method) else {
            throw ExplanationError("system '\(request.system)' (\(declared[request.system]!.rawValue)) cannot be explained with \(request.method.rawValue): the model has no gradients or attention; use shap, kernelshap, permutation, exact or loo")
        }
        let key = try cache.map { $0.key(model: try checksum(request.system), request: request) }
        if let cache, let key, let hit = cache.read(key) { return hit }
        // The explainer wraps the check into its game for the length of this call only.
        let explanation = try withoutActuallyEscaping(isCancelled) { isCancelled in
            try explainer.explain(request.text, options: Self.options(request), progress: progress, fraction: fraction,
                                  isCancelled: isCancelled)
        }
        if let cache, let key { try? cache.write(explanation, key: key) }
        return explanation
    }

    /// Non-escaping callers (the command line) need no cancellation.
    func explain(_ request: ExplanationRequest, fraction: (Double) -> Void = { _ in }) throws -> Explanation {
        try compute(request, progress: { _ in }, fraction: fraction, isCancelled: { false })
    }

    /// What exact Shapley values of the requests' texts would cost (their players and masking).
    func exactCost(_ requests: [ExplanationRequest]) throws -> ExactCost {
        guard let first = requests.first else { return ExactCost(players: 0, evaluations: 0, seconds: 0) }
        return try model(first.system).exactCost(requests.map(\.text), options: Self.options(first))
    }

    /// A hash of the model file and a file read: the model itself is not loaded.
    public func cachedExplanation(_ request: ExplanationRequest) -> Explanation? {
        guard let cache, let checksum = try? checksum(request.system) else { return nil }
        return cache.read(cache.key(model: checksum, request: request))
    }

    public func predict(system: String, texts: [String]) throws -> [Prediction] {
        let explainer = try model(system)
        let labels = explainer.labels
        return explainer.probabilities(texts).map { p in
            Prediction(label: labels[p.indices.max { p[$0] < p[$1] }!], probabilities: p)
        }
    }

    public func attention(system: String, text: String) throws -> AttentionGrids {
        let explainer = try model(system)
        guard explainer.supports(.attention) else {
            throw ExplanationError("system '\(system)' (\(declared[system]!.rawValue)) has no attention to show")
        }
        return try explainer.attention(text)
    }

    public func faithfulness(of explanation: Explanation, request: ExplanationRequest) throws -> FaithfulnessScores {
        try model(request.system).faithfulness(
            of: explanation.scores, text: explanation.text, target: explanation.target, options: Self.options(request))
    }

    /// Head importance over `texts` (the transformer only), for `request`'s target and output.
    func headImportance(system: String, texts: [String], request: ExplanationRequest, progress: @Sendable (Double) -> Void = { _ in },
                        isCancelled: @Sendable () -> Bool = { false }) throws -> [[Double]] {
        let explainer = try model(system)
        guard explainer.supports(.attention) else {
            throw ExplanationError("system '\(system)' (\(declared[system]!.rawValue)) has no attention heads: head-importance needs minilm-sentiment")
        }
        return try explainer.headImportance(texts, options: Self.options(request), progress: progress, isCancelled: isCancelled)
    }

    public func headImportance(system: String, texts: [String], progress: @Sendable (Double) -> Void,
                               isCancelled: @Sendable () -> Bool) throws -> [[Double]] {
        try headImportance(system: system, texts: texts, request: ExplanationRequest(system: system, text: ""),
                           progress: progress, isCancelled: isCancelled)
    }

    /// The declared model of `system`, loaded once.
    func model(_ system: String) throws -> Explainer {
        try once(system, \.loaded) { try $0.load(folder: folder) }
    }

    /// The checksum of `system`'s model, computed once (without loading the model).
    func checksum(_ system: String) throws -> String {
        try once(system, \.checksums) { try $0.checksum(folder: folder) }
    }

    /// `table[system]`, made from the system's model kind on first use.
    private func once<Value>(_ system: String, _ table: ReferenceWritableKeyPath<EngineExplainer, [String: Value]>,
                             make: (ModelKind) throws -> Value) throws -> Value {
        guard let kind = declared[system] else { throw refusal(system: system) }
        return try lock.withLock {
            if let value = self[keyPath: table][system] { return value }
            let value = try make(kind)
            self[keyPath: table][system] = value
            return value
        }
    }

    /// Why `system` (or, for nil, any system) cannot be explained.
    private func refusal(system: String?) -> ExplanationError {
        if declared.isEmpty {
            return ExplanationError("\(dataset) declares no explainers, so none of its systems can be explained; a dataset names the model of each explainable system under \"explainers\" in its errata.json (docs/formats.md)")
        }
        return ExplanationError("\(dataset) declares no explainer for system '\(system ?? "")' (explainable: \(order.joined(separator: ", ")))")
    }

    static func options(_ request: ExplanationRequest) -> Explainer.Options {
        var options = Explainer.Options()
        options.method = request.method
        options.targetClass = request.target
        options.logit = request.logit
        options.unit = request.unit
        options.masking = request.masking
        options.baseline = request.baseline
        options.steps = request.steps
        options.budget = request.budget
        options.seed = request.seed
        options.layer = request.layer
        options.head = request.head
        options.precision = request.precision ?? .float32
        return options
    }
}
