import ErrataCore
import Foundation

/// Tokenizer, frozen encoder and a trained linear head: text in, class probabilities out.
///
/// The demo's sentiment system. Prediction, attribution and training all go through it, so
/// they see exactly the same tokens and the same model.
public final class TextClassifier: Sendable {
    public let tokenizer: WordPieceTokenizer
    public let encoder: BertEncoder
    public let head: LinearHead

    public init(tokenizer: WordPieceTokenizer, encoder: BertEncoder, head: LinearHead) {
        self.tokenizer = tokenizer
        self.encoder = encoder
        self.head = head
    }

    /// The model in `modelDirectory` (config, weights, vocab.txt) with the head in `headFile`.
    public convenience init(modelDirectory: URL, headFile: URL) throws {
        let encoder = try BertEncoder(directory: modelDirectory)
        let tokenizer = try WordPieceTokenizer(vocabulary: try Vocabulary(contentsOf: modelDirectory.appendingPathComponent("vocab.txt")),
                                               maxLength: encoder.config.maxPositionEmbeddings)
        self.init(tokenizer: tokenizer, encoder: encoder, head: try LinearHead(contentsOf: headFile))
    }

    /// This classifier with the encoder's weight products in `precision` (see
    /// `BertEncoder.converted(to:processorSupports:)`); tokenizer and head are shared.
    public func converted(to precision: ExplanationPrecision,
                          processorSupports: Bool = BFloat16Weights.processorSupports) throws -> TextClassifier {
        let encoder = try encoder.converted(to: precision, processorSupports: processorSupports)
        return encoder === self.encoder ? self : TextClassifier(tokenizer: tokenizer, encoder: encoder, head: head)
    }

    /// Class names, `class0`, `class1`, ... when the head has none.
    public var labels: [String] {
        head.labels ?? (0 ..< head.classes).map { "class\($0)" }
    }

    /// Sentence embeddings (the encoder's pooled output), computed in batches of `batchSize`.
    public static func embeddings(_ texts: [String], tokenizer: WordPieceTokenizer, encoder: BertEncoder,
                                  batchSize: Int = 32, progress: (Int) -> Void = { _ in }) -> [[Float]] {
        var result: [[Float]] = []
        result.reserveCapacity(texts.count)
        for start in stride(from: 0, to: texts.count, by: batchSize) {
            let batch = texts[start ..< min(texts.count, start + batchSize)].map { tokenizer.encode($0).ids }
            result += encoder.forward(batch: batch).map(\.pooled)
            progress(result.count)
        }
        return result
    }

    /// Class probabilities of each text.
    public func probabilities(_ texts: [String]) -> [[Float]] {
        Self.embeddings(texts, tokenizer: tokenizer, encoder: encoder).map(head.probabilities)
    }
}
