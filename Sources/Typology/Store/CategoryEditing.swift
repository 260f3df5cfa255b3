import GRDB

/// Changes to the category tree. Tags point at category ids, so none of these touches a tag
/// except a merge, which re-points the source's tags to the target.
extension Editor {
    /// The id of `path`, creating it and any missing parents: a category made up while tagging.
    mutating func ensureCategory(_ path: CategoryPath) throws -> Int64 {
        if let id = categories.ids[path] { return id }
        guard path.components.count <= CategoryPath.maximumDepth else { throw TypologyError.tooDeep(path) }
        let parent = try path.parent.map { try ensureCategory($0) }
        return try insertCategory(name: path.name, under: parent)
    }

    mutating func createCategory(_ path: CategoryPath, description: String, key: String?) throws {
        guard categories.ids[path] == nil else { throw TypologyError.categoryExists(path) }
        guard path.components.count <= CategoryPath.maximumDepth else { throw TypologyError.tooDeep(path) }
        if let key, let owner = categories.owner(ofKey: key) {
            throw TypologyError.keyTaken(key, by: categories.paths[owner.id]!)
        }
        let parent = try path.parent.map { try ensureCategory($0) }
        _ = try insertCategory(name: path.name, under: parent, description: description, key: key)
    }

    /// Adds what `typology` has and the store lacks: its name if the store has none, severities,
    /// categories, and descriptions and keys where a category has none (a key only if no other
    /// category holds it). Never removes or overwrites, so a preset can be imported into a
    /// store whose categories were made up while tagging.
    mutating func importTypology(_ typology: Typology) throws {
        let name = try typologyName()
        if name.isEmpty && !typology.name.isEmpty { try apply(.setTypologyName(from: name, to: typology.name)) }
        try addSeverities(typology.severities)
        for (path, category) in typology.entries {
            let key = category.key.flatMap { categories.owner(ofKey: $0) == nil ? $0 : nil }
            guard let id = categories.ids[path] else {
                let parent = try path.parent.map { try ensureCategory($0) }
                _ = try insertCategory(name: path.name, under: parent, description: category.description, key: key)
                continue
            }
            let row = categories.rows[id]!
            var filled = row
            if filled.description.isEmpty { filled.description = category.description }
            if filled.key == nil { filled.key = key }
            if filled != row { try apply(.updateCategory(from: row, to: filled)) }
        }
    }

    mutating func renameCategory(_ path: CategoryPath, to newName: String) throws {
        let row = try categories.rows[categories.id(of: path)]!
        let name = try Self.validName(newName)
        guard name != row.name else { return }
        let renamed = categories.path(of: name, under: row.parentId)
        guard categories.ids[renamed] == nil else { throw TypologyError.nameTaken(renamed) }
        var after = row
        after.name = name
        try apply(.updateCategory(from: row, to: after))
    }

    /// Moves a category (with everything below it) under `parent`, or to the top when nil.
    mutating func moveCategory(_ path: CategoryPath, under parent: CategoryPath?) throws {
        let row = try categories.rows[categories.id(of: path)]!
        let parentId = try parent.map { try categories.id(of: $0) }
        guard parentId != row.parentId else { return }
        if let parent, let parentId, categories.isWithin(parentId, row.id) {
            throw TypologyError.moveUnderItself(path, under: parent)
        }
        let moved = categories.path(of: row.name, under: parentId)
        guard categories.ids[moved] == nil else { throw TypologyError.nameTaken(moved) }
        // The deepest category below the moved one lands this many levels lower.
        let below = categories.paths.values.filter { path.contains($0) }.map(\.components.count).max() ?? path.components.count
        let deepest = below - path.components.count + moved.components.count
        guard deepest <= CategoryPath.maximumDepth else { throw TypologyError.tooDeep(moved) }
        var after = row
        after.parentId = parentId
        after.position = categories.nextPosition(under: parentId)
        try apply(.updateCategory(from: row, to: after))
    }

    mutating func mergeCategory(_ source: CategoryPath, into target: CategoryPath) throws {
        let sourceId = try categories.id(of: source), targetId = try categories.id(of: target)
        guard !categories.isWithin(targetId, sourceId) else { throw TypologyError.mergeIntoItself(source, into: target) }
        try merge(sourceId, into: targetId)
    }

    mutating func setKey(_ key: String?, for path: CategoryPath) throws {
        let row = try categories.rows[categories.id(of: path)]!
        guard key != row.key else { return }
        if let key, let owner = categories.owner(ofKey: key) {
            throw TypologyError.keyTaken(key, by: categories.paths[owner.id]!)
        }
        var after = row
        after.key = key
        try apply(.updateCategory(from: row, to: after))
    }

    /// Moves the source's children under the target (merging those whose name the target
    /// already has), then its tags (a tag that has both keeps one link), then deletes it.
    /// Children go first because merging a child into a namesake can hand the source new
    /// children and tags (when the target is the source's parent); the loop re-reads them.
    private mutating func merge(_ source: Int64, into target: Int64) throws {
        while let child = categories.children(of: source).first {
            if let namesake = categories.ids[categories.path(of: child.name, under: target)] {
                try merge(child.id, into: namesake)
            } else {
                var moved = child
                moved.parentId = target
                moved.position = categories.nextPosition(under: target)
                try apply(.updateCategory(from: child, to: moved))
            }
        }
        let tagged = Set(try Int64.fetchAll(db, sql: "SELECT tagId FROM tag_categories WHERE categoryId = ?", arguments: [target]))
        for link in try TagCategoryRow.filter(Column("categoryId") == source).order(Column("tagId")).fetchAll(db) {
            try apply(tagged.contains(link.tagId) ? .unlink(link) : .relink(tagId: link.tagId, from: source, to: target))
        }
        try apply(.deleteCategory(categories.rows[source]!))
    }

    private mutating func insertCategory(name: String, under parent: Int64?, description: String = "",
                                         key: String? = nil) throws -> Int64 {
        let position = categories.nextPosition(under: parent)
        try db.execute(sql: "INSERT INTO categories (parentId, name, description, key, position) VALUES (?, ?, ?, ?, ?)",
                       arguments: [parent, name, description, key, position])
        let id = db.lastInsertedRowID
        record(.insertCategory(CategoryRow(id: id, parentId: parent, name: name, description: description, key: key,
                                           position: position)))
        return id
    }

    /// `name` trimmed, if it can be one component of a path.
    private static func validName(_ name: String) throws -> String {
        guard let path = CategoryPath(name), path.components.count == 1 else { throw TypologyError.invalidName(name) }
        return path.name
    }
}
