import Foundation

/// A what-if edit kept by the user: an instance's input edited, and what the system predicted
/// before and after. Linked to its parent instance by id; stored beside the data in
/// `.errata/<dataset>/counterfactuals.jsonl`, never in the user's data file.
public struct Counterfactual: Sendable, Codable, Equatable {
    public var parent: String
    public var system: String
    public var original: String
    public var edited: String
    public var before: Prediction
    public var after: Prediction

    public init(parent: String, system: String, original: String, edited: String, before: Prediction, after: Prediction) {
        self.parent = parent
        self.system = system
        self.original = original
        self.edited = edited
        self.before = before
        self.after = after
    }

    /// Whether the edit changed the predicted class.
    public var flipped: Bool { before.label != after.label }

    enum CodingKeys: String, CodingKey {
        case parent, system, original, edited, before, after
    }
}

extension InstanceTags.Edit {
    /// The edit as the slice language sees it (`counterfactual`, `flipped`).
    public init(_ counterfactual: Counterfactual) {
        self.init(parent: counterfactual.parent, system: counterfactual.system, flipped: counterfactual.flipped)
    }
}

/// The counterfactuals of a dataset: one JSON object a line, appended as they are kept, so a
/// crash loses at most the line being written and the file diffs line by line.
public enum Counterfactuals {
    public static func path(for dataset: Dataset) -> String {
        (SavedSlices.projectDirectory(for: dataset) as NSString).appendingPathComponent("counterfactuals.jsonl")
    }

    /// Every counterfactual kept (none when the file does not exist).
    /// - Throws: `LoadError` naming the file and line of a line that does not decode.
    public static func load(for dataset: Dataset) throws -> [Counterfactual] {
        let path = path(for: dataset)
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        return try data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) else { return nil }
            do {
                return try decoder.decode(Counterfactual.self, from: Data(line))
            } catch {
                throw LoadError(file: path, line: index + 1, column: 1, "not a counterfactual: \(error.localizedDescription)")
            }
        }
    }

    /// Appends one counterfactual, creating the folder and file when needed.
    public static func append(_ counterfactual: Counterfactual, for dataset: Dataset) throws {
        try FileManager.default.createDirectory(atPath: SavedSlices.projectDirectory(for: dataset), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(counterfactual)
        line.append(0x0A)
        let path = path(for: dataset)
        // A file that cannot be created makes the open below throw, with the system's reason.
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: line)
        try handle.synchronize()
    }
}
