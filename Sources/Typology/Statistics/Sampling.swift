import ErrataCore

extension WorkQueue {
    /// The column a sample is stratified by, and each candidate's value of it.
    public struct Stratification: Sendable, Equatable {
        public var column: String
        /// One label per candidate, in the candidates' order.
        public var labels: [String]

        public init(column: String, labels: [String]) {
            self.column = column
            self.labels = labels
        }
    }

    /// A random sample of `count` units from `candidates` (distinct units, e.g. the rows of a
    /// slice with the system whose errors are judged), the same for the same seed on every
    /// machine (ErrataCore's `SeededGenerator`).
    ///
    /// - Without strata: a simple random sample. With strata: proportional allocation, each
    ///   stratum's quota `count × size / total` rounded down, the units left over going to the
    ///   largest remainders (ties: the larger stratum, then the label). No stratum is given a
    ///   minimum, so the sample stays self-weighting and the tallies' plain proportions remain
    ///   estimates for the whole slice; a stratum too small for a unit of its own needs a
    ///   larger sample or a queue of its own.
    /// - `count` at least the number of candidates: all of them.
    /// - The queue's order is random too (the chosen units shuffled), so that a queue tagged
    ///   part way is itself a random sample.
    public static func sample(name: String, from candidates: [Item], count: Int, seed: UInt64,
                              filter: String? = nil, strata: Stratification? = nil) -> WorkQueue {
        precondition(strata.map { $0.labels.count == candidates.count } ?? true, "one stratum label per candidate")
        var generator = SeededGenerator(seed: seed)
        var chosen: [Item] = []
        let groups = strata.map { strata in
            Dictionary(grouping: candidates.indices, by: { strata.labels[$0] }).sorted { $0.key < $1.key }
                .map { $0.value.map { candidates[$0] } }
        } ?? [candidates]
        let quotas = allocate(min(max(count, 0), candidates.count), sizes: groups.map(\.count))
        for (group, quota) in zip(groups, quotas) {
            chosen += draw(quota, from: group, using: &generator)
        }
        return WorkQueue(name: name, filter: filter, strata: strata?.column, seed: seed,
                         items: draw(chosen.count, from: chosen, using: &generator))
    }

    /// Proportional allocation by largest remainders (Hamilton's method), in exact integers.
    /// A quota never exceeds its group: only groups with a non-zero remainder are rounded up.
    static func allocate(_ total: Int, sizes: [Int]) -> [Int] {
        let population = sizes.reduce(0, +)
        guard population > 0 else { return sizes.map { _ in 0 } }
        var quotas = sizes.map { total * $0 / population }
        let remainders = sizes.map { total * $0 % population }
        let order = sizes.indices.sorted {
            (remainders[$0], sizes[$0], $1) > (remainders[$1], sizes[$1], $0)
        }
        for i in order.prefix(total - quotas.reduce(0, +)) { quotas[i] += 1 }
        return quotas
    }

    /// `k` of `items` in random order: the first `k` steps of a Fisher-Yates shuffle.
    private static func draw(_ k: Int, from items: [Item], using generator: inout SeededGenerator) -> [Item] {
        var items = items
        for i in 0 ..< k {
            items.swapAt(i, i + generator.nextIndex(below: items.count - i))
        }
        return Array(items.prefix(k))
    }
}
