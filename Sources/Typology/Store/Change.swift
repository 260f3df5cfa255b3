import GRDB

/// One reversible write to the store. Every public change (`add`, `renameCategory`,
/// `mergeCategory`, an import, ...) is done as a list of these, which is also what undo
/// replays backwards (each change's `inverse`) and redo forwards. Each case carries whole rows,
/// not just ids, so that a reversal restores exactly what was there.
enum Change: Sendable {
    case insertCategory(CategoryRow)
    case deleteCategory(CategoryRow)
    case updateCategory(from: CategoryRow, to: CategoryRow)
    case insertSeverity(name: String, position: Int)
    case deleteSeverity(name: String, position: Int)
    case setTypologyName(from: String, to: String)
    case insertTag(TagContents)
    case deleteTag(TagContents)
    case updateTag(from: TagContents, to: TagContents)
    /// A tag's link to one category re-pointed to another, keeping its position (merges).
    case relink(tagId: Int64, from: Int64, to: Int64)
    case unlink(TagCategoryRow)
    case link(TagCategoryRow)

    var inverse: Change {
        switch self {
        case .insertCategory(let row): .deleteCategory(row)
        case .deleteCategory(let row): .insertCategory(row)
        case .updateCategory(let before, let after): .updateCategory(from: after, to: before)
        case .insertSeverity(let name, let position): .deleteSeverity(name: name, position: position)
        case .deleteSeverity(let name, let position): .insertSeverity(name: name, position: position)
        case .setTypologyName(let before, let after): .setTypologyName(from: after, to: before)
        case .insertTag(let tag): .deleteTag(tag)
        case .deleteTag(let tag): .insertTag(tag)
        case .updateTag(let before, let after): .updateTag(from: after, to: before)
        case .relink(let tagId, let from, let to): .relink(tagId: tagId, from: to, to: from)
        case .unlink(let link): .link(link)
        case .link(let link): .unlink(link)
        }
    }

    /// Writes the change. A row that should be there and is not (another process deleted it
    /// since) is an error rather than a silent no-op, so that an undo never half-applies.
    func apply(_ db: Database) throws {
        switch self {
        case .insertCategory(let row):
            try row.insert(db)
        case .deleteCategory(let row):
            try found(try row.delete(db), CategoryRow.databaseTableName, row.id)
        case .updateCategory(_, let after):
            try after.update(db)
        case .insertSeverity(let name, let position):
            try db.execute(sql: "INSERT INTO severities (name, position) VALUES (?, ?)", arguments: [name, position])
        case .deleteSeverity(let name, _):
            try db.execute(sql: "DELETE FROM severities WHERE name = ?", arguments: [name])
        case .setTypologyName(_, let name):
            try db.execute(sql: "UPDATE metadata SET value = ? WHERE key = 'typology'", arguments: [name])
        case .insertTag(let tag):
            _ = try tag.insert(db)
        case .deleteTag(let tag):
            try found(try TagRow.deleteOne(db, key: tag.id), TagRow.databaseTableName, tag.id)
        case .updateTag(_, let after):
            try after.row.update(db)
            try db.execute(sql: "DELETE FROM tag_categories WHERE tagId = ?", arguments: [after.id])
            try after.insertLinks(db)
        case .relink(let tagId, let from, let to):
            try db.execute(sql: "UPDATE tag_categories SET categoryId = ? WHERE tagId = ? AND categoryId = ?",
                           arguments: [to, tagId, from])
            try found(db.changesCount == 1, TagCategoryRow.databaseTableName, tagId)
        case .unlink(let link):
            try found(try link.delete(db), TagCategoryRow.databaseTableName, link.tagId)
        case .link(let link):
            try link.insert(db)
        }
    }

    private func found(_ done: Bool, _ table: String, _ id: Int64) throws {
        if !done { throw RecordError.recordNotFound(databaseTableName: table, key: ["id": id.databaseValue]) }
    }
}
