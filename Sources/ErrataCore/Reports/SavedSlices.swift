import BitCollections
import Foundation

/// Named slices kept as plain, diffable JSON in the project folder beside the data
/// (`.errata/<dataset>/slices.json`), so they survive restarts and go into version control.
public struct SavedSlices: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        public var name: String
        /// One level of grouping, as Zeno has; empty for none.
        public var folder: String
        /// The slice expression (canonical form).
        public var filter: String

        public init(name: String, folder: String = "", filter: String) {
            self.name = name
            self.folder = folder
            self.filter = filter
        }
    }

    public var version = 1
    public var slices: [Entry] = []

    public init() {}

    /// The project folder of a dataset loaded from `source`.
    public static func projectDirectory(for dataset: Dataset) -> String {
        let folder = (dataset.source as NSString).deletingLastPathComponent
        return ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(".errata/\(dataset.name)")
    }

    public static func path(for dataset: Dataset) -> String {
        (projectDirectory(for: dataset) as NSString).appendingPathComponent("slices.json")
    }

    /// The saved slices (none if the file does not exist yet).
    public static func load(for dataset: Dataset) throws -> SavedSlices {
        let path = path(for: dataset)
        guard let data = FileManager.default.contents(atPath: path) else { return SavedSlices() }
        do {
            return try JSONDecoder().decode(SavedSlices.self, from: data)
        } catch let error as DecodingError {
            throw LoadError(file: path, decoding: error, in: data, document: "the saved slices")
        }
    }

    /// The rows of a saved slice. The file may have been edited by hand or hold a filter
    /// deeper than the language allows: such a filter is a `LoadError` naming the file, the
    /// slice and the column, since the expression alone would not say where it came from.
    public static func rows(of entry: Entry, in analysis: Analysis) throws -> BitSet {
        do {
            return try analysis.evaluator.rows(where: entry.filter)
        } catch let error as SliceError {
            throw LoadError(file: path(for: analysis.dataset), "saved slice '\(entry.name)': column \(error.column): \(error.message)")
        }
    }

    /// Adds or replaces the slice called `entry.name`, after checking that its filter parses.
    public mutating func save(_ entry: Entry) throws {
        let canonical = try SliceExpression.parse(entry.filter).description
        var entry = entry
        entry.filter = canonical
        if let i = slices.firstIndex(where: { $0.name == entry.name }) { slices[i] = entry } else { slices.append(entry) }
    }

    /// Writes atomically (a temporary file renamed over the old one), sorted keys, one entry
    /// per block, so diffs stay small.
    public func write(for dataset: Dataset) throws {
        try writeProjectFile(self, to: Self.path(for: dataset))
    }
}

/// Writes `value` as sorted, indented JSON with a final newline, atomically, creating the
/// folder: the project files under `.errata/` stay diffable and are never half written.
func writeProjectFile(_ value: some Encodable, to path: String) throws {
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(value)
    data.append(0x0A)
    try data.write(to: URL(fileURLWithPath: path), options: .atomic)
}
