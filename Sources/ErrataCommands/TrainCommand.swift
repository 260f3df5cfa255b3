import ArgumentParser
import Attribution
import BitCollections
import ErrataCore
import Foundation

/// `errata train`: trains the demo's two sentiment systems on Rotten Tomatoes and writes
/// their models and test-split predictions into the dataset folder.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the demo's sentiment systems (MiniLM + logistic head, bag-of-words) on Rotten Tomatoes.",
        discussion: """
            Reads train.jsonl and test.jsonl of the dataset folder, embeds every review with \
            all-MiniLM-L6-v2 (fetched on first use), chooses each model's L2 penalty on a seeded \
            tenth of the training split, refits on all of it, and writes models/minilm-head.json, \
            models/bow.json and predictions.jsonl (the systems' outputs on the test split). \
            Deterministic given --seed.
            """)

    @Option(help: "The Rotten Tomatoes dataset folder.")
    var dataset = "rotten-tomatoes"

    @Option(help: "Seed of the validation split.")
    var seed: UInt64 = 1

    func run() async throws {
        let folder = URL(fileURLWithPath: DatasetLocator.resolve(dataset))
        var roles = ColumnRoles()
        roles.id = "id"
        roles.inputs = ["text"]
        roles.label = "label"
        roles.task = .classification
        let train = try DatasetLoader.load(folder.appendingPathComponent("train.jsonl").path, overrides: roles)
        let test = try DatasetLoader.load(folder.appendingPathComponent("test.jsonl").path, overrides: roles)
        let classes = train.classes.sorted()
        func texts(_ d: Dataset) -> [String] { (0 ..< d.count).map { d.inputs[0].displayValue($0) } }
        func labels(_ d: Dataset) -> [Int] { (0 ..< d.count).map { classes.firstIndex(of: d.label!.displayValue($0))! } }
        let training = SentimentTraining(seed: seed)

        let modelDirectory = try ModelStore.minilm()
        let encoder = try BertEncoder(directory: modelDirectory)
        let tokenizer = try WordPieceTokenizer(vocabulary: try Vocabulary(contentsOf: modelDirectory.appendingPathComponent("vocab.txt")),
                                               maxLength: encoder.config.maxPositionEmbeddings)
        let all = texts(train) + texts(test)
        let start = Date()
        let embeddings = TextClassifier.embeddings(all, tokenizer: tokenizer, encoder: encoder) { done in
            ReportWriter.writeError("\rerrata: embedding reviews \(done)/\(all.count)")
        }
        ReportWriter.writeError(String(format: "\nerrata: embedded %d reviews in %.0f s\n", all.count, Date().timeIntervalSince(start)))
        let trainEmbeddings = Array(embeddings[..<train.count]).map(SparseFeatures.init(dense:))
        let testEmbeddings = Array(embeddings[train.count...]).map(SparseFeatures.init(dense:))

        let minilm = training.fit(system: "minilm", features: trainEmbeddings, labels: labels(train), classCount: classes.count,
                                  featureCount: encoder.config.hiddenSize, steps: 400)
        let vocabulary = BagOfWords(fitting: texts(train))
        let bow = training.fit(system: "bow", features: texts(train).map(vocabulary.features), labels: labels(train),
                               classCount: classes.count, featureCount: vocabulary.words.count, steps: 300)

        let models = folder.appendingPathComponent("models")
        try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
        let minilmHead = LinearHead(weights: minilm.head.weights, bias: minilm.head.bias, labels: classes)
        let bowClassifier = BagOfWordsClassifier(vocabulary: vocabulary,
                                                 head: LinearHead(weights: bow.head.weights, bias: bow.head.bias, labels: classes))
        try Self.writeJSON(minilmHead, to: models.appendingPathComponent("minilm-head.json"))
        try Self.writeJSON(bowClassifier, to: models.appendingPathComponent("bow.json"))

        var lines: [String] = []
        let testTexts = texts(test)
        for (system, probabilities) in [
            ("minilm", testEmbeddings.map { SentimentTraining.probabilities($0, minilm.head) }),
            ("bow", testTexts.map(bowClassifier.probabilities)),
        ] {
            for row in 0 ..< test.count {
                let p = probabilities[row]
                let predicted = classes[p.enumerated().max { $0.element < $1.element }!.offset]
                let pairs = zip(classes, p).map { "\(SliceExpression.quote($0)): \(String(format: "%.6f", $1))" }.joined(separator: ", ")
                lines.append("{\"id\": \(SliceExpression.quote(test.ids[row])), \"system\": \"\(system)\", \"output\": \(SliceExpression.quote(predicted)), \"probabilities\": {\(pairs)}}")
            }
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("predictions.jsonl"))
        for report in [minilm.report, bow.report] {
            let tried = report.validation.map { String(format: "l2=%g: %.4f", $0.l2, $0.accuracy) }.joined(separator: ", ")
            ReportWriter.write("\(report.system): validation accuracy \(tried); chosen l2=\(report.chosen)\n")
        }
        ReportWriter.write("wrote \(models.path)/minilm-head.json, bow.json and \(folder.path)/predictions.jsonl\n")
    }

    static func writeJSON(_ value: some Encodable, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try (encoder.encode(value) + Data("\n".utf8)).write(to: url)
    }
}
