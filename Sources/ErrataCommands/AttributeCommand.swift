import ArgumentParser
import Attribution
import ErrataCore
import Foundation

/// `errata attribute`: explains a system's predictions, for one instance or (`--all`) a whole
/// slice precomputed into the cache.
struct AttributeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attribute",
        abstract: "Explain a system's prediction for one instance, or precompute a slice's explanations (--all).",
        discussion: "Methods, defaults, the cache and formulas: docs/attribution.md.")

    @OptionGroup var data: DatasetOptions

    @Option(help: "The instance id.")
    var instance: String?

    @Flag(help: "Explain every instance (of --where) into the cache; resumable: cached ones are skipped.")
    var all = false

    @OptionGroup var filter: FilterOption

    @Option(help: "The system explained (default: the dataset's first explainable system).")
    var system: String?

    @Option(help: "shap, kernelshap, permutation, exact, loo, grad, gxi, ig, attention, rollout, or head-importance.")
    var method: AttributeMethod = .explanation(.shap)

    @Option(help: "The class explained (default: the predicted one).")
    var target: String?

    @Flag(help: "Explain the logit instead of the probability.")
    var logit = false

    @Option(help: "Integrated Gradients baseline: pad, mask or zero.")
    var baseline: ExplanationBaseline = .pad

    @Option(help: "How masked players are hidden: mask, pad, unk or delete.")
    var masking: ExplanationMasking = .mask

    @Option(help: "Integrated Gradients steps (0: adaptive, doubling until the completeness delta is within 1%).")
    var steps = 50

    @Option(help: "Evaluation budget of sampling methods.")
    var budget = 2000

    @Option(help: "Seed of sampling methods.")
    var seed: UInt64 = 1

    @Flag(help: "Score whole words (word pieces merged) instead of tokens.")
    var words = false

    @Option(help: "Attention: layer (default the last).")
    var layer: Int?

    @Option(help: "Attention: head (default the average of all heads).")
    var head: Int?

    @Flag(help: "Add comprehensiveness and sufficiency (and their AOPC) of the scores.")
    var faithfulness = false

    @Option(help: "Perturbation methods' arithmetic: float32, or bf16 (AVX512-BF16 processors; faster, reports the f(x) error it adds).")
    var precision: ExplanationPrecision = .float32

    @Flag(help: "Run exact Shapley values beyond 14 players without asking (the time is estimated first).")
    var yes = false

    @Option(help: "table, json or csv (one row per token).")
    var format: ReportFormat = .table

    func validate() throws {
        guard all != (instance != nil) else { throw ValidationError("give either --instance ID or --all") }
        if filter.expression != nil, !all { throw ValidationError("--where selects the instances of --all") }
        if case .headImportance = method, faithfulness { throw ValidationError("--faithfulness scores explanations, not head importance") }
        try Self.validate(precision: precision, method: method)
    }

    func run() async throws {
        let analysis = try data.load()
        let dataset = analysis.dataset
        let engine = try EngineExplainer(datasetPath: DatasetLocator.resolve(data.dataset), name: dataset.name,
                                         systems: dataset.systems.map(\.name))
        let system = try system ?? engine.defaultSystem()
        _ = try engine.model(system)
        guard let input = dataset.inputs.first else { throw AnalysisError("\(dataset.name) has no input text to explain") }
        let rows: [Int]
        if let instance {
            guard let row = dataset.row(id: instance) else { throw AnalysisError("no instance with id '\(instance)' in \(dataset.name)") }
            rows = [row]
        } else {
            rows = Array(try filter.rows(analysis))
        }
        let texts = rows.map { input.displayValue($0) }
        switch method {
        case .headImportance:
            let importance = try engine.headImportance(system: system, texts: texts, request: request(system: system, text: ""))
            ReportWriter.write(try HeadImportanceReport(system: system, instances: texts.count, importance: importance).render(format))
        case .explanation:
            if method == .explanation(.exact), !yes {
                let uncached = texts.map { request(system: system, text: $0) }.filter { engine.cachedExplanation($0) == nil }
                try ExactConfirmation.confirm(try engine.exactCost(uncached))
            }
            if all {
                let run = try Precomputation(engine: engine, faithfulness: faithfulness)
                    .run(ids: rows.map { dataset.ids[$0] }, requests: texts.map { request(system: system, text: $0) },
                         system: system, method: method.name)
                ReportWriter.write(try run.render(format))
            } else {
                let request = request(system: system, text: texts[0])
                let progress = ExplanationProgress(method: method.name)
                var explanation = try engine.explain(request, fraction: progress.show)
                progress.finish()
                if faithfulness { explanation.faithfulness = try engine.faithfulness(of: explanation, request: request) }
                ReportWriter.write(try Self.render(explanation, id: dataset.ids[rows[0]], format))
            }
        }
    }

    /// bf16 is for the perturbation methods, and only where the processor runs its kernel;
    /// `processorSupports` is a parameter so tests can refuse on any processor.
    static func validate(precision: ExplanationPrecision, method: AttributeMethod,
                         processorSupports: Bool = BFloat16Weights.processorSupports) throws {
        guard precision == .bf16 else { return }
        guard method.explanationMethod?.isModelAgnostic == true else {
            throw ValidationError("--precision bf16 applies to the perturbation methods (shap, kernelshap, permutation, exact, loo), not \(method.name)")
        }
        guard processorSupports else {
            throw ValidationError("\(BFloat16Weights.refusal); use --precision float32")
        }
    }

    func request(system: String, text: String) -> ExplanationRequest {
        ExplanationRequest(system: system, text: text, method: method.explanationMethod ?? .ig, target: target,
                           unit: words ? .words : .tokens, masking: masking, baseline: baseline, steps: steps == 0 ? nil : steps,
                           budget: budget, seed: seed, layer: layer, head: head, logit: logit,
                           precision: precision == .float32 ? nil : precision)
    }

    static func render(_ explanation: Explanation, id: String, _ format: ReportFormat) throws -> String {
        switch format {
        case .json: try ReportWriter.json(explanation)
        case .csv: ReportWriter.csv(header: TokenRows.header, rows: TokenRows.rows(explanation, id: id))
        case .table: HeatText.render(explanation)
        }
    }
}

/// `--method`: an explanation method, or head importance (a property of the model over
/// instances, not an explanation of one prediction).
enum AttributeMethod: ExpressibleByArgument, Equatable {
    case explanation(ExplanationMethod)
    case headImportance

    init?(argument: String) {
        if argument == "head-importance" {
            self = .headImportance
        } else if let method = ExplanationMethod(rawValue: argument) {
            self = .explanation(method)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { ExplanationMethod.allCases.map(\.rawValue) + ["head-importance"] }

    var explanationMethod: ExplanationMethod? {
        if case .explanation(let method) = self { return method }
        return nil
    }

    var name: String { explanationMethod?.rawValue ?? "head-importance" }
}

/// One CSV row per token: what `--format csv` prints for explanations.
enum TokenRows {
    static let header = ["id", "token", "start", "end", "score", "se"]

    static func rows(_ explanation: Explanation, id: String) -> [[String]] {
        explanation.tokens.enumerated().map { i, token in
            [id, token.text, String(token.start), String(token.end), String(explanation.scores[i]),
             explanation.se.map { String($0[i]) } ?? ""]
        }
    }
}

extension ExplanationBaseline: ExpressibleByArgument {}
extension ExplanationMasking: ExpressibleByArgument {}
extension ExplanationPrecision: ExpressibleByArgument {}
