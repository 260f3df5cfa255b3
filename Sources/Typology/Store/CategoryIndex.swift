import GRDB

/// The categories table in memory, for path-to-id look-ups within one transaction or read. A
/// typology has tens to hundreds of categories, so reading them all is cheaper than a query
/// per path component, and paths are recomputed whole after every change to the tree.
struct CategoryIndex {
    private(set) var rows: [Int64: CategoryRow]
    private(set) var ids: [CategoryPath: Int64] = [:]
    private(set) var paths: [Int64: CategoryPath] = [:]

    init(_ db: Database) throws {
        rows = Dictionary(uniqueKeysWithValues: try CategoryRow.fetchAll(db).map { ($0.id, $0) })
        reindex()
    }

    func id(of path: CategoryPath) throws -> Int64 {
        guard let id = ids[path] else { throw TypologyError.unknownCategory(path) }
        return id
    }

    func children(of parent: Int64?) -> [CategoryRow] {
        rows.values.filter { $0.parentId == parent }.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
    }

    /// Where a new child of `parent` goes: after the last.
    func nextPosition(under parent: Int64?) -> Int {
        (children(of: parent).map(\.position).max() ?? -1) + 1
    }

    /// The category holding `key` as its palette key, if any.
    func owner(ofKey key: String) -> CategoryRow? {
        rows.values.first { $0.key == key }
    }

    /// The path a child called `name` of `parent` has (or would have).
    func path(of name: String, under parent: Int64?) -> CategoryPath {
        parent.flatMap { paths[$0] }?.appending(name) ?? CategoryPath(components: [name])
    }

    /// True when `id` is `ancestor` or below it.
    func isWithin(_ id: Int64, _ ancestor: Int64) -> Bool {
        var current: Int64? = id
        while let c = current {
            if c == ancestor { return true }
            current = rows[c]?.parentId
        }
        return false
    }

    /// The tree as the `Typology` value shows it, siblings in position order.
    var tree: [Typology.Category] {
        func build(_ parent: Int64?) -> [Typology.Category] {
            children(of: parent).map { .init($0.name, $0.description, key: $0.key, children: build($0.id)) }
        }
        return build(nil)
    }

    /// Follows a change written in the same transaction.
    mutating func follow(_ change: Change) {
        switch change {
        case .insertCategory(let row), .updateCategory(_, let row): rows[row.id] = row
        case .deleteCategory(let row): rows[row.id] = nil
        default: return
        }
        reindex()
    }

    private mutating func reindex() {
        var paths: [Int64: CategoryPath] = [:]
        func path(_ id: Int64) -> CategoryPath {
            if let known = paths[id] { return known }
            let row = rows[id]!
            let p = row.parentId.map { path($0).appending(row.name) } ?? CategoryPath(components: [row.name])
            paths[id] = p
            return p
        }
        for id in rows.keys { _ = path(id) }
        self.paths = paths
        ids = Dictionary(uniqueKeysWithValues: paths.map { ($0.value, $0.key) })
    }
}
