import BitCollections

/// The annotations made on a dataset, as the slice language sees them: `tagged()`,
/// `tagged("Accuracy")`, `tagged("Accuracy/Omission", bert)` and `tags(bert)`; and the what-if
/// edits kept as counterfactuals: `counterfactual`, `counterfactual(bert)`, `flipped(bert)`.
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

    /// A kept what-if edit of an instance's input, as far as slicing needs it.
    public struct Edit: Sendable, Equatable {
        public var parent: String
        public var system: String
        /// Whether the edit changed the system's prediction.
        public var flipped: Bool

        public init(parent: String, system: String, flipped: Bool) {
            self.parent = parent
            self.system = system
            self.flipped = flipped
        }
    }

    public var entries: [Entry]
    public var edits: [Edit]

    public init(entries: [Entry] = [], edits: [Edit] = []) {
        self.entries = entries
        self.edits = edits
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

    /// The rows of `dataset` with a kept edit (of `system` when given; only edits that flipped
    /// the prediction when `flippedOnly`).
    func editedRows(in dataset: Dataset, system: String?, flippedOnly: Bool) -> BitSet {
        var set = BitSet()
        for edit in edits where (system == nil || edit.system == system) && (!flippedOnly || edit.flipped) {
            if let row = dataset.row(id: edit.parent) { set.insert(row) }
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
