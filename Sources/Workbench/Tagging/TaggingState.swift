import ErrataCore
import Typology

/// The tagging side of the workbench, as a value: the store's typology and tags as last
/// read, who is tagging, the active work queue and the open palette.
///
/// The store itself lives in the `EffectRunner`; this is its mirror, replaced by each answer
/// the runner posts after a commit, so the screen never shows a tag the store does not hold.
public struct TaggingState: Sendable {
    /// Where the store is: not read yet, read (or not there yet: created by the first tag),
    /// or unusable (the message says why; browsing goes on).
    public enum Store: Sendable, Equatable { case opening, open, failed(String) }

    public var annotator: String
    public var store: Store = .opening
    public private(set) var typology = Typology(name: "", categories: [])
    /// Every tag in the store, every annotator's, in id order.
    public private(set) var tags: [StoredTag] = []
    /// The tags of each instance, for the table, the detail overlay and the queue.
    public private(set) var tagsByInstance: [String: [StoredTag]] = [:]
    /// What the slice language sees of the tags (`tagged()`), handed to each job.
    public private(set) var instanceTags = InstanceTags()
    /// The sample being worked through ("57 / 150 tagged"); nil when none is active.
    public var queue: WorkQueue?
    /// Tags handed to the runner and not yet committed: the status line says "saving…".
    public var saving = 0
    public var palette: TagPalette?
    /// The dataset's expert ratings as tags, by instance (`ExpertTags`): shown beside the
    /// store's tags, never written to it.
    public let expertTags: [String: [Tag]]
    /// The expert raters, in order of first appearance.
    public let experts: [String]

    public init(annotator: String, experts: ExpertRatings = ExpertRatings()) {
        self.annotator = annotator
        expertTags = Dictionary(grouping: ExpertTags.tags(experts), by: \.instance)
        self.experts = experts.raters
    }

    /// Replaces the mirror with what the store holds now.
    public mutating func load(typology: Typology, tags: [StoredTag]) {
        self.typology = typology
        self.tags = tags
        tagsByInstance = Dictionary(grouping: tags, by: \.tag.instance)
        instanceTags = InstanceTags(tags)
    }

    /// Adds a committed tag, or replaces the tag with its id.
    public mutating func record(_ stored: StoredTag) {
        var all = tags
        if let i = all.firstIndex(where: { $0.id == stored.id }) { all[i] = stored } else { all.append(stored) }
        load(typology: typology, tags: all)
    }

    /// This annotator's tag of `instance` for `system` and `span` (nil: the tag of the whole
    /// output), if any: the one the palette edits.
    public func ownTag(instance: String, system: String?, span: TextSpan? = nil) -> StoredTag? {
        tagsByInstance[instance]?.last { $0.tag.annotator == annotator && $0.tag.system == system && $0.tag.span == span }
    }

    /// Every tag of `instance` with a span in `system`'s output, the store's and the experts'.
    public func spanTags(instance: String, system: String) -> [Tag] {
        ((tagsByInstance[instance] ?? []).map(\.tag) + (expertTags[instance] ?? [])).filter { $0.system == system && $0.span != nil }
    }

    /// Whose spans the detail view can show one at a time: the store's annotators, then the
    /// experts.
    public var spanAnnotators: [String] {
        var seen = Set<String>()
        return (tags.map(\.tag.annotator).sorted() + experts).filter { seen.insert($0).inserted }
    }

    /// True when this annotator has tagged `instance`, for any system.
    public func isTagged(_ instance: String) -> Bool {
        tagsByInstance[instance]?.contains { $0.tag.annotator == annotator } ?? false
    }

    /// How far this annotator is through the active queue.
    public var progress: QueueProgress? {
        queue?.progress(tags: tags.map(\.tag), annotator: annotator)
    }

    /// The palette's single keys: the typology's own keys (except those the palette's
    /// commands use), then nine free digits or letters for the most used categories without
    /// a key, filled up in typology order while fewer than nine have been used.
    public var quickKeys: [(key: Character, path: CategoryPath)] {
        let reserved = Set(PaletteKeymap.palette.bindings.map(\.key))
        var out: [(key: Character, path: CategoryPath)] = []
        for (path, category) in typology.entries {
            guard let key = category.key, key.count == 1, !reserved.contains(.character(key.first!)) else { continue }
            out.append((key.first!, path))
        }
        let keyed = Set(out.map(\.path))
        let taken = Set(out.map(\.key))
        var uses: [CategoryPath: Int] = [:]
        for stored in tags { for path in stored.tag.categories { uses[path, default: 0] += 1 } }
        let used = uses.keys.filter { !keyed.contains($0) }.sorted { (uses[$0]!, $1) > (uses[$1]!, $0) }
        let unused = typology.paths.filter { !keyed.contains($0) && uses[$0] == nil }
        let free = "123456789abcdefghijklmnopqrstuvwxyz".filter { !taken.contains($0) && !reserved.contains(.character($0)) }
        for (key, path) in zip(free.prefix(9), used + unused) { out.append((key, path)) }
        return out
    }
}
