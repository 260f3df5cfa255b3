import BitCollections

/// The annotations made on a dataset, as the slice language sees them: `tagged()`,
/// `tagged("Accuracy")`, `tagged("Accuracy/Omission", bert)` and `tags(bert)`.
///
/// A plain value so that ErrataCore knows nothing of the store: the typology module reads its
/// tags into one of these and hands it to `Analysis.tags`. Categories are paths written
/// `Parent/Child`; a tag of `Accuracy/Omission` counts for `Accuracy` too.
public struct InstanceTags: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var instance: String
        /// The system whose output the tag judges; nil for the instance's own errors.
        public var system: String?
        public var categories: [String]

        public init(instance: String, system: String?, categories: [String]) {
            self.instance = instance
            self.system = system
            self.categories = categories
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// True when `category` is `ancestor` or below it.
    static func category(_ category: String, isWithin ancestor: String) -> Bool {
        category == ancestor || (category.hasPrefix(ancestor) && category.dropFirst(ancestor.count).first == "/")
    }

    /// The rows of `dataset` with a tag (of `system` when given) in `category` or below it
    /// (any category when nil). Tags of instances the dataset does not have are ignored.
    func rows(in dataset: Dataset, category: String?, system: String?) -> BitSet {
        var set = BitSet()
        for entry in entries where system == nil || entry.system == system {
            guard category.map({ c in entry.categories.contains { Self.category($0, isWithin: c) } }) ?? true,
                  let row = dataset.row(id: entry.instance) else { continue }
            set.insert(row)
        }
        return set
    }

    /// Each row's distinct categories (of `system` when given), sorted: a list value, so that
    /// `:by tags(bert)` makes one slice per category.
    func categories(in dataset: Dataset, system: String?) -> ListColumn {
        var perRow: [Int: Set<String>] = [:]
        for entry in entries where system == nil || entry.system == system {
            guard let row = dataset.row(id: entry.instance) else { continue }
            perRow[row, default: []].formUnion(entry.categories)
        }
        var column = ListColumn()
        for row in 0 ..< dataset.count { column.append(perRow[row].map { $0.sorted() } ?? []) }
        return column
    }
}
