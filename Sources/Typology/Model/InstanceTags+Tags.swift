import ErrataCore

extension InstanceTags {
    /// What the slice language sees of a store's tags (`tagged()`, `tags()`).
    public init(_ tags: [StoredTag]) {
        self.init(tags.map(\.tag))
    }

    public init(_ tags: [Tag]) {
        self.init(entries: tags.map { Entry(instance: $0.instance, system: $0.system, categories: $0.categories.map(\.description)) })
    }
}
