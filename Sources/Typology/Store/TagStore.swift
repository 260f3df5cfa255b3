import ErrataCore
import Foundation
import GRDB

/// A project's annotations on disk: the typology, the tags and the work queues of one dataset,
/// in one SQLite file (`.errata/<dataset>/tags.sqlite`) opened through a GRDB `DatabasePool`
/// in WAL mode.
///
/// Every change is one immediate write transaction that has committed when the method
/// returns, so what the caller then shows as saved survives the process being killed. Several
/// `TagStore`s, in this process or in others (two annotators), may write the same file at
/// once: SQLite's lock serialises the transactions and a writer waits up to `busyTimeout` for
/// its turn. Each change is read and validated inside its own transaction, so it sees every
/// write committed before it.
///
/// The changes made through this object can be undone and redone (see UndoStack.swift);
/// another process's changes are never undone.
public final class TagStore: @unchecked Sendable {
    /// How long a write waits for another process's transaction before failing with
    /// `SQLITE_BUSY`; tag writes take milliseconds, a large import a few seconds.
    static let busyTimeout: TimeInterval = 10

    public let path: String
    let pool: DatabasePool
    /// Held for the whole of a write and its entry in `history`, so that an undo from another
    /// thread never falls between a commit and its record.
    let lock = NSLock()
    var history = UndoHistory()

    /// Opens the store at `path`, creating the file and its folders, and migrating it.
    ///
    /// - Throws: `TagStoreError` naming the file and what to do (damaged, read-only, locked,
    ///   or lost: a store that was made here and is now missing or empty, see `StoreMarker`).
    public convenience init(path: String) throws {
        try self.init(path: path, busyTimeout: Self.busyTimeout)
    }

    /// `busyTimeout` is shorter in tests of a busy store.
    init(path: String, busyTimeout: TimeInterval) throws {
        self.path = path
        do {
            try StoreMarker.check(path)
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            var configuration = Configuration()
            configuration.busyMode = .timeout(busyTimeout)
            pool = try DatabasePool(path: path, configuration: configuration)
            try Schema.migrate(pool, path: path)
        } catch {
            throw TagStoreError.wrapping(error, path: path)
        }
        StoreMarker.write(for: path)
    }

    /// The store of a dataset: `tags.sqlite` in its project folder, beside `slices.json`.
    public static func path(for dataset: Dataset) -> String {
        (SavedSlices.projectDirectory(for: dataset) as NSString).appendingPathComponent("tags.sqlite")
    }

    // MARK: The typology

    public func typology() throws -> Typology {
        try pool.read { db in
            let editor = try Editor(db)
            return Typology(name: try editor.typologyName(), severities: try editor.severities(),
                            categories: editor.categories.tree)
        }
    }

    /// Gives a store without categories `typology` (a preset to start from), in one
    /// transaction that also checks the store is still empty. Not an annotator's action, so
    /// not in the undo history: `undo` never takes the typology away. True when it seeded.
    @discardableResult
    public func seedTypology(_ typology: Typology) throws -> Bool {
        try perform("seed typology '\(typology.name)'", recording: false) { editor in
            guard editor.categories.rows.isEmpty else { return false }
            try editor.importTypology(typology)
            return true
        }
    }

    /// Adds what `typology` has and the store lacks (name if unset, severities, categories and
    /// their keys); never removes or changes what is there.
    public func importTypology(_ typology: Typology) throws {
        try perform("import typology '\(typology.name)'") { try $0.importTypology(typology) }
    }

    /// Creates a category and any missing parents; an existing path or a taken key is an error.
    public func createCategory(_ path: CategoryPath, description: String = "", key: String? = nil) throws {
        try perform("create '\(path)'") { try $0.createCategory(path, description: description, key: key) }
    }

    /// Renames the category, and so every path below it; its tags keep it.
    public func renameCategory(_ path: CategoryPath, to name: String) throws {
        try perform("rename '\(path)' to '\(name)'") { try $0.renameCategory(path, to: name) }
    }

    /// Moves the category and everything below it under `parent` (nil: to the top level).
    public func moveCategory(_ path: CategoryPath, under parent: CategoryPath?) throws {
        try perform("move '\(path)' under '\(parent?.description ?? "the top")'") { try $0.moveCategory(path, under: parent) }
    }

    /// Merges `source` into `target`: its tags now have `target` (once), its children move
    /// under `target` (merged with namesakes there), and `source` is deleted.
    public func mergeCategory(_ source: CategoryPath, into target: CategoryPath) throws {
        try perform("merge '\(source)' into '\(target)'") { try $0.mergeCategory(source, into: target) }
    }

    /// Sets (or with nil clears) the workbench palette key of a category; a key held by another
    /// category is an error.
    public func setKey(_ key: String?, for path: CategoryPath) throws {
        try perform("set key of '\(path)'") { try $0.setKey(key, for: path) }
    }

    // MARK: Tags

    /// Stores `tag`, creating unknown categories; returns it with its id once committed.
    @discardableResult
    public func add(_ tag: Tag) throws -> StoredTag {
        try perform("tag \(tag.instance)") { try $0.addTag(tag) }
    }

    public func replace(_ id: Int64, with tag: Tag) throws {
        try perform("edit tag of \(tag.instance)") { try $0.replaceTag(id, with: tag) }
    }

    public func delete(_ id: Int64) throws {
        try perform("delete tag \(id)") { try $0.deleteTag(id) }
    }

    /// Every tag, in id order (the order they were added).
    public func tags() throws -> [StoredTag] {
        try pool.read { try Self.storedTags($0) }
    }

    public func tags(instance: String) throws -> [StoredTag] {
        try pool.read { try Self.storedTags($0, instance: instance) }
    }

    // MARK: Work queues

    /// Keeps `queue` under its name, replacing a queue of that name. Queues are not
    /// annotations: saving one is not an undoable action.
    public func saveQueue(_ queue: WorkQueue) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(queue), as: UTF8.self)
        try pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO queues (name, json) VALUES (?, ?)", arguments: [queue.name, json])
        }
    }

    /// The names of the saved queues, the most recently saved first (a save replaces the row,
    /// so the newest row is the last saved): what the workbench resumes on opening.
    public func queueNames() throws -> [String] {
        try pool.read { try String.fetchAll($0, sql: "SELECT name FROM queues ORDER BY rowid DESC") }
    }

    public func queue(named name: String) throws -> WorkQueue? {
        guard let json = try pool.read({ try String.fetchOne($0, sql: "SELECT json FROM queues WHERE name = ?", arguments: [name]) })
        else { return nil }
        return try JSONDecoder().decode(WorkQueue.self, from: Data(json.utf8))
    }

    // MARK: Internals

    /// Runs `body` as one write transaction and, when it changed anything, records the changes
    /// as one undoable action named `summary`; returns after the commit.
    func perform<T>(_ summary: String, recording: Bool = true, _ body: (inout Editor) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let (result, changes): (T, [Change])
        do {
            (result, changes) = try pool.write { db in
                var editor = try Editor(db)
                let result = try body(&editor)
                return (result, editor.changes)
            }
        } catch {
            throw TagStoreError.wrapping(error, path: path)
        }
        if recording, !changes.isEmpty { history.record(Action(summary: summary, changes: changes)) }
        return result
    }

    /// Tags with their category paths, in id order; all of them, or one instance's.
    static func storedTags(_ db: Database, instance: String? = nil) throws -> [StoredTag] {
        let paths = try CategoryIndex(db).paths
        let rows: [TagRow], links: [TagCategoryRow]
        if let instance {
            rows = try TagRow.filter(Column("instance") == instance).order(Column("id")).fetchAll(db)
            links = try TagCategoryRow.fetchAll(db, sql: """
                SELECT tc.* FROM tag_categories tc JOIN tags t ON t.id = tc.tagId
                WHERE t.instance = ? ORDER BY tc.tagId, tc.position
                """, arguments: [instance])
        } else {
            rows = try TagRow.order(Column("id")).fetchAll(db)
            links = try TagCategoryRow.order(Column("tagId"), Column("position")).fetchAll(db)
        }
        let categories = Dictionary(grouping: links, by: \.tagId)
        return rows.map { row in
            let id = row.id!
            let tag = Tag(instance: row.instance, system: row.system, span: row.span,
                          categories: (categories[id] ?? []).map { paths[$0.categoryId]! },
                          severity: row.severity, note: row.note, annotator: row.annotator, time: row.time)
            return StoredTag(id: id, tag: tag)
        }
    }
}
