import ArgumentParser
import Attribution
import ErrataCore
import Foundation

/// Where the demo classifier lives: the cached MiniLM encoder and the head trained by
/// `errata train`, committed in the Rotten Tomatoes folder.
enum DemoClassifier {
    static let system = "minilm"

    static func load(dataset: String = "rotten-tomatoes") throws -> TextClassifier {
        let head = URL(fileURLWithPath: DatasetLocator.resolve(dataset)).appendingPathComponent("models/minilm-head.json")
        guard FileManager.default.fileExists(atPath: head.path) else {
            throw AnalysisError("no trained head at \(head.path): run errata train")
        }
        return try TextClassifier(modelDirectory: try ModelStore.minilm(), headFile: head)
    }
}

struct AttributeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attribute",
        abstract: "Explain the demo classifier's prediction for one instance: SHAP, gradients, Integrated Gradients, attention.",
        discussion: "Methods, defaults and formulas: docs/attribution.md.")

    @Argument(help: "The dataset holding the instance.")
    var dataset = "rotten-tomatoes"

    @Option(help: "The instance id.")
    var id: String

    @Option(help: "The system explained (the native MiniLM classifier).")
    var system = DemoClassifier.system

    @Option(help: "shap, kernelshap, permutation, exact, loo, grad, gxi, ig, attention or rollout.")
    var method: Explainer.Method = .shap

    @Option(help: "The class explained (default: the predicted one).")
    var target: String?

    @Flag(help: "Explain the logit instead of the probability.")
    var logit = false

    @Option(help: "Integrated Gradients baseline: pad, mask or zero.")
    var baseline: Explainer.Baseline = .pad

    @Option(help: "How masked players are hidden: mask, pad, unk or delete.")
    var masking: Masking = .mask

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

    @Option(help: "table or json.")
    var format: ReportFormat = .table

    func run() async throws {
        guard system == DemoClassifier.system else {
            throw AnalysisError("attribution runs on the native model '\(DemoClassifier.system)'; '\(system)' is not one")
        }
        let data = try DatasetLoader.load(DatasetLocator.resolve(dataset))
        guard let row = data.row(id: id) else { throw AnalysisError("no instance with id '\(id)' in \(data.name)") }
        guard let input = data.inputs.first else { throw AnalysisError("\(data.name) has no input text to explain") }
        var options = Explainer.Options()
        options.method = method
        options.targetClass = target
        options.logit = logit
        options.baseline = baseline
        options.masking = masking
        options.steps = steps == 0 ? nil : steps
        options.budget = budget
        options.seed = seed
        options.unit = words ? .words : .tokens
        options.layer = layer
        options.head = head
        let explanation = try Explainer(classifier: try DemoClassifier.load()).explain(input.displayValue(row), options: options)
        ReportWriter.write(format == .json ? try ReportWriter.json(explanation) : HeatText.render(explanation))
    }
}

struct PredictCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict", abstract: "Classify a text with the demo's MiniLM sentiment classifier.")

    @Option(help: "The text to classify.")
    var text: String

    @Option(help: "table or json.")
    var format: ReportFormat = .table

    struct Prediction: Encodable {
        var prediction: String
        var probabilities: [String: Double]
    }

    func run() async throws {
        let classifier = try DemoClassifier.load()
        let p = classifier.probabilities([text])[0]
        let labels = classifier.labels
        let best = p.indices.max { p[$0] < p[$1] }!
        let prediction = Prediction(prediction: labels[best], probabilities: Dictionary(uniqueKeysWithValues: zip(labels, p.map(Double.init))))
        if format == .json {
            ReportWriter.write(try ReportWriter.json(prediction))
        } else {
            ReportWriter.write("\(prediction.prediction)  " + zip(labels, p).map { "\($0) \(String(format: "%.4f", $1))" }.joined(separator: "  ") + "\n")
        }
    }
}

extension Explainer.Method: ExpressibleByArgument {}
extension Explainer.Baseline: ExpressibleByArgument {}
extension Masking: ExpressibleByArgument {}
