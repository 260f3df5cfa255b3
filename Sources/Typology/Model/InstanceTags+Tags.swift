import ErrataCore

extension InstanceTags {
    /// What the slice language sees of a store's tags (`tagged()`, `tags()`).
    public init(_ tags: [StoredTag]) {
        self.init(entries: tags.map {
            Entry(instance: $0.tag.instance, system: $0.tag.system, categories: $0.tag.categories.map(\.description))
        })
    }
}
