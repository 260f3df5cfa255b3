import Foundation

/// The systems the workbench shows for a dataset, in order, kept beside the saved slices
/// (`.errata/<dataset>/systems.json`) so a dataset reopens as it was left.
public struct SystemChoice: Sendable, Codable, Equatable {
    public var version = 1
    public var systems: [String]

    public init(systems: [String]) {
        self.systems = systems
    }

    public static func path(for dataset: Dataset) -> String {
        (SavedSlices.projectDirectory(for: dataset) as NSString).appendingPathComponent("systems.json")
    }

    /// The remembered choice, restricted to systems the dataset still has; nil when none was
    /// remembered (or none of it is left).
    public static func load(for dataset: Dataset) throws -> [String]? {
        let path = path(for: dataset)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let choice: SystemChoice
        do {
            choice = try JSONDecoder().decode(SystemChoice.self, from: data)
        } catch let error as DecodingError {
            throw LoadError(file: path, decoding: error, in: data, document: "the remembered systems")
        }
        let known = choice.systems.filter { dataset.system(named: $0) != nil }
        return known.isEmpty ? nil : known
    }

    public func write(for dataset: Dataset) throws {
        try writeProjectFile(self, to: Self.path(for: dataset))
    }
}
