import Attribution
import ErrataCore
import Foundation

/// Explanations kept on disk, one JSON file per request, so the workbench shows earlier work
/// at once and `errata attribute --all` resumes where it stopped.
///
/// A file's name is the SHA-256 of everything the result depends on: the model (its
/// checksum), the engine's format version, and the request (system, text and every option).
/// Changing any of them misses; nothing is ever served stale. Files are written atomically
/// (a temporary file renamed into place), so an interrupted run leaves either the whole file or
/// none; a file that does not decode (truncated by a full disk, edited by hand) is a miss and
/// is overwritten by the next result.
struct ExplanationCache: Sendable {
    /// Bumped when the engine's results change for the same request, so old files miss.
    static let version = 1

    let directory: URL

    /// `ModelStore.cacheDirectory()/explanations/`, beside the model.
    static var standard: ExplanationCache {
        ExplanationCache(directory: ModelStore.cacheDirectory().appendingPathComponent("explanations", isDirectory: true))
    }

    private struct Identity: Encodable {
        var version: Int
        var model: String
        var request: ExplanationRequest
    }

    /// The file name of `request` explained by the model with checksum `model`.
    func key(model: String, request: ExplanationRequest) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain strings, numbers and optionals cannot fail.
        let bytes = (try? encoder.encode(Identity(version: Self.version, model: model, request: request))) ?? Data()
        return SHA256.hex(of: bytes)
    }

    private func file(_ key: String) -> URL {
        directory.appendingPathComponent(key + ".json")
    }

    /// The stored explanation, nil when absent or unreadable.
    func read(_ key: String) -> Explanation? {
        guard let data = FileManager.default.contents(atPath: file(key).path) else { return nil }
        return try? JSONDecoder().decode(Explanation.self, from: data)
    }

    /// Stores `explanation` (without faithfulness scores, which are asked for separately).
    func write(_ explanation: Explanation, key: String) throws {
        var stored = explanation
        stored.faithfulness = nil
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(stored).write(to: file(key), options: .atomic)
    }
}
