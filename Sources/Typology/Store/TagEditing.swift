import GRDB

/// Writing tags: their categories resolved to ids (unknown ones created), their severity
/// checked against the typology.
extension Editor {
    mutating func addTag(_ tag: Tag) throws -> StoredTag {
        let (tag, categoryIds) = try resolve(tag)
        let contents = try TagContents(row: TagRow(tag), categoryIds: categoryIds).insert(db)
        record(.insertTag(contents))
        return StoredTag(id: contents.id, tag: tag)
    }

    mutating func replaceTag(_ id: Int64, with tag: Tag) throws {
        guard let before = try TagContents.fetch(db, id: id) else { throw TypologyError.unknownTag(id) }
        let (tag, categoryIds) = try resolve(tag)
        try apply(.updateTag(from: before, to: TagContents(row: TagRow(id: id, tag), categoryIds: categoryIds)))
    }

    mutating func deleteTag(_ id: Int64) throws {
        guard let before = try TagContents.fetch(db, id: id) else { throw TypologyError.unknownTag(id) }
        try apply(.deleteTag(before))
    }

    /// Adds `tags` in order, except those identical to a stored tag (as many copies as are
    /// stored), so that importing a file twice, or two exports that share tags, adds each tag
    /// once. The store gains the severities the tags use when it declares severities at all.
    mutating func importTags(_ tags: [Tag]) throws -> Int {
        if try !severities().isEmpty { try addSeverities(tags.compactMap(\.severity)) }
        var stored = Dictionary(try TagStore.storedTags(db).map { ($0.tag, 1) }, uniquingKeysWith: +)
        var added = 0
        for tag in tags.map(\.withDistinctCategories) {
            if let copies = stored[tag], copies > 0 {
                stored[tag] = copies - 1
            } else {
                _ = try addTag(tag)
                added += 1
            }
        }
        return added
    }

    /// The tag as stored (each category once) and its category ids, after checking its
    /// severity: free text when the typology declares no severities, else one of them.
    private mutating func resolve(_ tag: Tag) throws -> (Tag, [Int64]) {
        let tag = tag.withDistinctCategories
        let known = try severities()
        if let severity = tag.severity, !known.isEmpty, !known.contains(severity) {
            throw TypologyError.unknownSeverity(severity, known: known)
        }
        return (tag, try tag.categories.map { try ensureCategory($0) })
    }
}

extension Tag {
    /// The same tag with each category once, first occurrence kept: the store links a tag to a
    /// category at most once.
    var withDistinctCategories: Tag {
        var seen = Set<CategoryPath>(), tag = self
        tag.categories = categories.filter { seen.insert($0).inserted }
        return tag
    }
}
