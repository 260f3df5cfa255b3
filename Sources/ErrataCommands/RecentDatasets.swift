import Foundation
import Workbench

/// The datasets opened last, most recent first, one absolute path a line in
/// `$XDG_STATE_HOME/errata/recent` (default `~/.local/state/errata/recent`): state the
/// start screen offers again, not configuration.
enum RecentDatasets {
    /// At most this many are kept.
    static let limit = 10
    /// A longer line is not a path errata wrote: skipped.
    static let maximumLineLength = 4_096

    static var path: String {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/state")
        return (base as NSString).appendingPathComponent("errata/recent")
    }

    /// The remembered paths that still exist, newest first, at most `limit`.
    static func load(from file: String = path) -> [String] {
        guard let data = FileManager.default.contents(atPath: file), data.count <= limit * (maximumLineLength + 1) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n")
            .map(String.init)
            .filter { !$0.isEmpty && $0.utf8.count <= maximumLineLength && FileManager.default.fileExists(atPath: $0) }
            .prefix(limit).map { $0 }
    }

    /// Puts `dataset` first. A state file that cannot be written costs only the list: the
    /// dataset opens all the same.
    static func add(_ dataset: String, to file: String = path) {
        let absolute = URL(fileURLWithPath: dataset).standardizedFileURL.path
        let paths = [absolute] + load(from: file).filter { $0 != absolute }
        let text = paths.prefix(limit).joined(separator: "\n") + "\n"
        try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
    }

    /// The recent files as start-screen entries, leaving out the bundled ones listed above them.
    static func entries(excluding bundled: [DatasetEntry], from file: String = path) -> [DatasetEntry] {
        let listed = Set(bundled.map { URL(fileURLWithPath: $0.path).standardizedFileURL.path })
        return load(from: file).filter { !listed.contains($0) }.map { DatasetEntry(name: ($0 as NSString).lastPathComponent, path: $0) }
    }
}
