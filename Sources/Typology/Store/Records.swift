import ErrataCore
import GRDB

/// A row of `categories`. Rows are kept whole (not just ids) in the undo history, so that undo
/// puts a deleted or changed category back exactly as it was.
struct CategoryRow: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "categories"
    var id: Int64
    var parentId: Int64?
    var name: String
    var description: String
    var key: String?
    /// Order among its siblings: the typology's order, kept for the workbench's palette.
    var position: Int
}

/// A row of `tags`; `id` is nil until inserted.
struct TagRow: Codable, Equatable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "tags"
    var id: Int64?
    var instance: String
    var system: String?
    var severity: String?
    var note: String
    var annotator: String
    var time: String
    /// The span's ends, both nil when the tag has none (columns of migration v2-spans).
    var spanStart: Int?
    var spanEnd: Int?

    init(id: Int64? = nil, _ tag: Tag) {
        self.id = id
        instance = tag.instance
        system = tag.system
        spanStart = tag.span?.start
        spanEnd = tag.span?.end
        severity = tag.severity
        note = tag.note
        annotator = tag.annotator
        time = tag.time
    }

    /// The span as stored; a row whose ends are missing or backwards (written by hand) has none.
    var span: TextSpan? {
        guard let spanStart, let spanEnd, 0 <= spanStart, spanStart <= spanEnd else { return nil }
        return TextSpan(start: spanStart, end: spanEnd)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `tag_categories`: one category of one tag.
struct TagCategoryRow: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "tag_categories"
    var tagId: Int64
    var categoryId: Int64
    /// Order within the tag's categories, as given.
    var position: Int
}

/// A tag with everything stored about it, by id: what undo needs to put a deleted tag back
/// under its old id with its categories.
struct TagContents: Equatable, Sendable {
    var row: TagRow
    var categoryIds: [Int64]

    var id: Int64 { row.id! }

    static func fetch(_ db: Database, id: Int64) throws -> TagContents? {
        guard let row = try TagRow.fetchOne(db, key: id) else { return nil }
        let ids = try Int64.fetchAll(db, sql: "SELECT categoryId FROM tag_categories WHERE tagId = ? ORDER BY position", arguments: [id])
        return TagContents(row: row, categoryIds: ids)
    }

    /// Inserts the tag, under its id when it has one (undo and redo putting it back), else
    /// under a new one; returns the contents with the id.
    func insert(_ db: Database) throws -> TagContents {
        var inserted = self
        try inserted.row.insert(db)
        try inserted.insertLinks(db)
        return inserted
    }

    /// Writes the tag's category rows (positions 0, 1, ...).
    func insertLinks(_ db: Database) throws {
        for (position, categoryId) in categoryIds.enumerated() {
            try TagCategoryRow(tagId: id, categoryId: categoryId, position: position).insert(db)
        }
    }
}
