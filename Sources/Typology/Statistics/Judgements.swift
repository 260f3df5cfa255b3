/// The tags read as judgements: for each unit (an instance and, for a system's error, the
/// system), the categories each annotator gave it.
///
/// An annotator's tags on one unit are pooled, so two tags `Accuracy/Omission` and `Style`
/// are one judgement of both. A tag with no category still counts: the annotator looked at
/// the unit and found nothing to name, which is a judgement ("absent" for every category).
struct Judgements {
    private(set) var units: [WorkQueue.Item: [String: Set<CategoryPath>]] = [:]

    init(_ tags: [Tag]) {
        for tag in tags {
            let unit = WorkQueue.Item(instance: tag.instance, system: tag.system)
            units[unit, default: [:]][tag.annotator, default: []].formUnion(tag.categories)
        }
    }
}

extension Set<CategoryPath> {
    /// True when `category` or a category below it is in the set: a tag counts for its ancestors.
    func counts(for category: CategoryPath) -> Bool {
        contains { category.contains($0) }
    }
}

extension Typology {
    /// The categories a report lists: the typology's, in its order, then any a tag names that
    /// the typology lacks (with their ancestors), sorted, so that a category made up on the fly
    /// or imported with tags is never left out of a tally.
    func reportedCategories(for tags: [Tag]) -> [CategoryPath] {
        let known = paths
        let knownSet = Set(known)
        var extra = Set<CategoryPath>()
        for category in tags.flatMap(\.categories) {
            var path: CategoryPath? = category
            while let p = path, !knownSet.contains(p) {
                extra.insert(p)
                path = p.parent
            }
        }
        return known + extra.sorted()
    }
}

extension WorkQueue.Item {
    /// Units in the order reports list them: instance ids by natural order (numbers by value,
    /// so `2` comes before `10`), then the system, units without a system first.
    static func reportOrder(_ a: Self, _ b: Self) -> Bool {
        if a.instance != b.instance { return naturalOrder(a.instance, b.instance) }
        return systemOrder(a.system, b.system)
    }
}

/// Units without a system (an instance's own errors) first, then systems by name.
func systemOrder(_ a: String?, _ b: String?) -> Bool {
    switch (a, b) {
    case let (x?, y?): x < y
    case (nil, _?): true
    default: false
    }
}

/// Numbers by value, then text by code points: instance ids are often `1, 2, ... 10`.
func naturalOrder(_ a: String, _ b: String) -> Bool {
    switch (Int(a), Int(b)) {
    case let (x?, y?): x != y ? x < y : a < b
    case (_?, nil): true
    case (nil, _?): false
    case (nil, nil): a < b
    }
}
