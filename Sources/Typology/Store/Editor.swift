import GRDB

/// One write transaction of the store: applies `Change`s, keeps the category index in step
/// with them, and keeps the list, which becomes the undoable action once the transaction
/// commits. Category and tag operations are its extensions (CategoryEditing, TagEditing).
struct Editor {
    let db: Database
    private(set) var categories: CategoryIndex
    private(set) var changes: [Change] = []

    init(_ db: Database) throws {
        self.db = db
        categories = try CategoryIndex(db)
    }

    mutating func apply(_ change: Change) throws {
        try change.apply(db)
        record(change)
    }

    /// Records a change the caller has written itself (an insert whose id SQLite chose).
    mutating func record(_ change: Change) {
        changes.append(change)
        categories.follow(change)
    }

    /// The typology's severities, least severe first.
    func severities() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM severities ORDER BY position")
    }

    func typologyName() throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM metadata WHERE key = 'typology'") ?? ""
    }

    /// Appends the severities in `names` that the typology lacks, in their order.
    mutating func addSeverities(_ names: [String]) throws {
        var known = try severities()
        for name in names where !known.contains(name) {
            try apply(.insertSeverity(name: name, position: known.count))
            known.append(name)
        }
    }
}
