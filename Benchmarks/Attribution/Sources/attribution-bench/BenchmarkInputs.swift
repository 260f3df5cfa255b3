import Attribution
import Foundation

/// The demo classifier and the Rotten Tomatoes test sentences, loaded once per process.
struct BenchmarkInputs {
    let classifier: TextClassifier
    /// Every test sentence, in file order.
    let sentences: [String]

    init(repository: URL) throws {
        let dataset = repository.appendingPathComponent("Datasets/rotten-tomatoes")
        classifier = try TextClassifier(modelDirectory: try ModelStore.minilm(),
                                        headFile: dataset.appendingPathComponent("models/minilm-head.json"))
        let lines = try String(contentsOf: dataset.appendingPathComponent("test.jsonl"), encoding: .utf8)
            .split(whereSeparator: \.isNewline)
        sentences = try lines.map { line in
            struct Row: Decodable { var text: String }
            return try JSONDecoder().decode(Row.self, from: Data(line.utf8)).text
        }
    }

    /// `count` sentence indices spread evenly over the file: a fixed sample that both sides
    /// of the comparison read from the report.
    func sampleIndices(_ count: Int) -> [Int] {
        let n = min(count, sentences.count)
        return (0 ..< n).map { $0 * sentences.count / n }
    }

    /// Token ids of exactly `length` tokens: `[CLS]`, the first word pieces of the test
    /// sentences read one after another, `[SEP]`. Real text, so attention sees a realistic
    /// mix of tokens at every length.
    func ids(ofLength length: Int) -> [Int32] {
        precondition(length >= 2, "a sequence needs [CLS] and [SEP]")
        let tokenizer = classifier.tokenizer
        var pieces: [Int32] = []
        for sentence in sentences where pieces.count < length - 2 {
            pieces += tokenizer.encode(sentence).ids.dropFirst().dropLast()
        }
        return [tokenizer.clsID] + pieces.prefix(length - 2) + [tokenizer.sepID]
    }
}
