/// How far a work queue has been tagged: which items have a tag, "57 / 150 tagged", and where
/// to go next.
public struct QueueProgress: Sendable, Equatable, CustomStringConvertible {
    /// One flag per queue item, in the queue's order.
    public var done: [Bool]

    public var tagged: Int { done.count(where: { $0 }) }
    public var total: Int { done.count }
    public var description: String { "\(tagged) / \(total) tagged" }

    /// The first untagged item after `position` (from the start when nil), wrapping round to
    /// the items skipped before it; nil when every item is tagged.
    public func nextUntagged(after position: Int? = nil) -> Int? {
        let start = min(max(position.map { $0 + 1 } ?? 0, 0), done.count)
        return (start ..< done.count).first { !done[$0] } ?? (0 ..< start).first { !done[$0] }
    }
}

extension WorkQueue {
    /// Progress through the queue: an item is tagged when a tag has its instance and system
    /// (exactly: a tag without a system does not cover an item with one), by `annotator`, or by
    /// anyone when nil.
    public func progress(tags: [Tag], annotator: String? = nil) -> QueueProgress {
        let covered = Set(tags.filter { annotator == nil || $0.annotator == annotator }.map {
            Item(instance: $0.instance, system: $0.system)
        })
        return QueueProgress(done: items.map(covered.contains))
    }
}
