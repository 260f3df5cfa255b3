import ArgumentParser
import ErrataCore
import Foundation

/// `errata predict`: a declared system's prediction for any text, so a what-if edit can be
/// tried from the shell.
struct PredictCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict", abstract: "Classify a text with a system the dataset declares a model for (default: the demo's MiniLM classifier).")

    @Option(help: "The dataset whose declared models are used.")
    var dataset = "rotten-tomatoes"

    @Option(help: "The system (default: the dataset's first explainable system).")
    var system: String?

    @Option(help: "The text to classify.")
    var text: String

    @Option(help: "table, json or csv (one row per class).")
    var format: ReportFormat = .table

    /// The `--format json` shape.
    struct Output: Encodable {
        var system: String
        var prediction: String
        var probabilities: [String: Double]
    }

    func run() async throws {
        let path = DatasetLocator.resolve(dataset)
        let data = try DatasetLoader.load(path)
        let engine = try EngineExplainer(datasetPath: path, name: data.name, systems: data.systems.map(\.name), cache: false)
        let system = try system ?? engine.defaultSystem()
        let prediction = try engine.predict(system: system, texts: [text])[0]
        let labels = engine.classes(system: system)
        switch format {
        case .json:
            ReportWriter.write(try ReportWriter.json(Output(system: system, prediction: prediction.label,
                                                            probabilities: Dictionary(uniqueKeysWithValues: zip(labels, prediction.probabilities)))))
        case .csv:
            ReportWriter.write(ReportWriter.csv(header: ["system", "class", "probability"],
                                                rows: zip(labels, prediction.probabilities).map { [system, $0, String($1)] }))
        case .table:
            ReportWriter.write("\(prediction.label)  " + zip(labels, prediction.probabilities).map { "\($0) \(String(format: "%.4f", $1))" }.joined(separator: "  ") + "\n")
        }
    }
}
