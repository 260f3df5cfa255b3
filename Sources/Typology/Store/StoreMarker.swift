import Foundation

/// A file beside `tags.sqlite` that says a store was made there, so that a store that is later
/// found empty or missing is recognised as lost rather than silently started afresh.
///
/// SQLite treats a file truncated to 0 bytes as a new, empty database: without the marker, a
/// damaged disk, a bad sync or a `> tags.sqlite` would lose every tag without a word, and the
/// next tag written would seal the loss.
enum StoreMarker {
    static func path(for store: String) -> String { store + ".marker" }

    /// Refuses a store that existed and is now missing, empty, or an empty file beside a
    /// write-ahead log (the tags may still be in the log).
    static func check(_ store: String) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: store)[.size] as? Int) ?? nil
        let marked = FileManager.default.fileExists(atPath: path(for: store))
        let logSize = (try? FileManager.default.attributesOfItem(atPath: store + "-wal")[.size] as? Int) ?? nil
        let advice = "restore it from a backup; to start a new, empty store instead, delete \(path(for: store))"
        if size == nil, marked {
            throw TagStoreError(path: store, problem: "the tag store is missing, but one was created here", advice: advice)
        }
        if size == 0, marked || (logSize ?? 0) > 0 {
            throw TagStoreError(path: store, problem: "the tag store is empty (0 bytes), but it held a store: its tags are lost or only in \(store)-wal",
                                advice: advice)
        }
    }

    /// Marks the store as made (once; a store made before markers existed is marked when
    /// next opened). A folder that cannot be written only loses the protection.
    static func write(for store: String) {
        let marker = path(for: store)
        guard !FileManager.default.fileExists(atPath: marker) else { return }
        let text = "errata keeps its tags in tags.sqlite beside this file. While this file exists, errata refuses to treat a missing or empty tags.sqlite as a new store.\n"
        try? Data(text.utf8).write(to: URL(fileURLWithPath: marker))
    }
}

extension TagStore {
    /// True where a store is, or was made (and is now lost: opening it then says so).
    public static func exists(at path: String) -> Bool {
        FileManager.default.fileExists(atPath: path) || FileManager.default.fileExists(atPath: StoreMarker.path(for: path))
    }
}
