/// A sample of errors to tag, drawn once (seeded) from a slice and kept in the store, so that
/// "57 / 150 tagged" survives restarts and two annotators can work through the same sample.
public struct WorkQueue: Sendable, Equatable, Codable {
    /// One unit of work: an instance, and the system whose output is judged (nil when the
    /// error is the instance's own, e.g. label noise).
    public struct Item: Sendable, Equatable, Hashable, Codable {
        public var instance: String
        public var system: String?

        public init(instance: String, system: String? = nil) {
            self.instance = instance
            self.system = system
        }
    }

    public var name: String
    /// The slice expression the sample was drawn from (nil: all instances).
    public var filter: String?
    /// The column the sample was stratified by (nil: a simple random sample).
    public var strata: String?
    public var seed: UInt64
    public var items: [Item]

    public init(name: String, filter: String? = nil, strata: String? = nil, seed: UInt64, items: [Item]) {
        self.name = name
        self.filter = filter
        self.strata = strata
        self.seed = seed
        self.items = items
    }
}
