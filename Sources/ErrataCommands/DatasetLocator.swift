import Foundation

/// Finds the bundled datasets, so `errata summary wmt17-en-de` works from anywhere.
///
/// Looked up in order: `$ERRATA_DATASETS`, `./Datasets`, and the `Datasets/` folder of the
/// source tree this binary was built from (what `swift run` uses).
enum DatasetLocator {
    static let demoName = "wmt17-en-de"

    static var searchPath: [String] {
        var folders: [String] = []
        if let env = ProcessInfo.processInfo.environment["ERRATA_DATASETS"], !env.isEmpty { folders.append(env) }
        folders.append((FileManager.default.currentDirectoryPath as NSString).appendingPathComponent("Datasets"))
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        folders.append(sourceRoot.appendingPathComponent("Datasets").path)
        return folders
    }

    /// `name` itself when it exists as a path, else the bundled dataset of that name.
    static func resolve(_ name: String) -> String {
        // An empty name would resolve to the search folders themselves.
        if name.isEmpty || FileManager.default.fileExists(atPath: name) || name.contains("/") { return name }
        for folder in searchPath {
            let candidate = (folder as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return name
    }
}
