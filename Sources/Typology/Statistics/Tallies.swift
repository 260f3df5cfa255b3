import ErrataCore

/// How often each category occurs, per slice and system, in the tagged sample, and what that
/// says about the whole slice.
///
/// - The denominator (`tagged`) is the number of units, distinct (instance, system) pairs,
///   with at least one tag (by anyone) whose instance is in the slice.
/// - A unit counts for a category (`count`) when any of its tags, by any annotator, names the
///   category or a category below it; a unit counts once however many tags say so.
/// - `proportion = count / tagged`, with the Wilson score interval at `confidence`.
/// - The slice's size is its number of rows, the population the sample was drawn from; the
///   estimate is the proportion and its bounds times that size. It is an estimate of the
///   slice only when the tagged units are a random sample of it (a work queue drawn from the
///   slice, or from a larger slice containing it). The interval ignores the finite-population
///   correction, so it is slightly conservative when the sample is a large part of the slice.
///
/// The JSON shape (docs/tagging.md): `{"confidence", "rows": [{"slice", "system", "category",
/// "count", "tagged", "proportion", "ci_low", "ci_high", "slice_size", "estimate",
/// "estimate_low", "estimate_high"}], "unknown_instances": [...]}`.
public struct Tallies: Sendable, Equatable, Codable {
    public struct Row: Sendable, Equatable, Codable {
        public var slice: String
        /// nil (JSON null) for tags of an instance's own errors, made without a system.
        public var system: String?
        public var category: String
        public var count: Int
        public var tagged: Int
        public var proportion: Double
        public var ciLow: Double
        public var ciHigh: Double
        public var sliceSize: Int
        public var estimate: Double
        public var estimateLow: Double
        public var estimateHigh: Double

        enum CodingKeys: String, CodingKey {
            case slice, system, category, count, tagged, proportion
            case ciLow = "ci_low", ciHigh = "ci_high", sliceSize = "slice_size"
            case estimate, estimateLow = "estimate_low", estimateHigh = "estimate_high"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(slice, forKey: .slice)
            try c.encode(system, forKey: .system)
            try c.encode(category, forKey: .category)
            try c.encode(count, forKey: .count)
            try c.encode(tagged, forKey: .tagged)
            try c.encode(proportion, forKey: .proportion)
            try c.encode(ciLow, forKey: .ciLow)
            try c.encode(ciHigh, forKey: .ciHigh)
            try c.encode(sliceSize, forKey: .sliceSize)
            try c.encode(estimate, forKey: .estimate)
            try c.encode(estimateLow, forKey: .estimateLow)
            try c.encode(estimateHigh, forKey: .estimateHigh)
        }
    }

    public var confidence: Double
    /// Slices in the order given, systems by name (no system first), categories in the
    /// typology's order then those only tags name. A slice with no tagged unit of a system has
    /// no rows for it: there is no proportion to report.
    public var rows: [Row]
    /// Instance ids of tags that no row of the dataset has (tags of another version of the
    /// data): left out of every tally, listed so that the caller can warn.
    public var unknownInstances: [String]

    enum CodingKeys: String, CodingKey {
        case confidence, rows, unknownInstances = "unknown_instances"
    }

    /// - Parameter row: the dataset row of an instance id (`dataset.row(id:)`).
    public init(tags: [Tag], slices: [NamedSlice], typology: Typology, row: (String) -> Int?,
                confidence: Double = 0.95) {
        let categories = typology.reportedCategories(for: tags)
        var unknown = Set<String>()
        var located: [(row: Int, unit: WorkQueue.Item, categories: Set<CategoryPath>)] = []
        for (unit, byAnnotator) in Judgements(tags).units {
            guard let r = row(unit.instance) else {
                unknown.insert(unit.instance)
                continue
            }
            located.append((r, unit, byAnnotator.values.reduce(into: []) { $0.formUnion($1) }))
        }
        let systems = Set(located.map(\.unit.system)).sorted(by: systemOrder)
        var rows: [Row] = []
        for slice in slices {
            for system in systems {
                let units = located.filter { $0.unit.system == system && slice.rows.contains($0.row) }
                guard !units.isEmpty else { continue }
                let population = Double(slice.rows.count)
                for category in categories {
                    let count = units.count(where: { $0.categories.counts(for: category) })
                    let interval = wilsonInterval(successes: count, total: units.count, confidence: confidence)
                    rows.append(Row(slice: slice.name, system: system, category: category.description, count: count,
                                    tagged: units.count, proportion: interval.estimate, ciLow: interval.lower,
                                    ciHigh: interval.upper, sliceSize: slice.rows.count,
                                    estimate: interval.estimate * population, estimateLow: interval.lower * population,
                                    estimateHigh: interval.upper * population))
                }
            }
        }
        self.confidence = confidence
        self.rows = rows
        unknownInstances = unknown.sorted(by: naturalOrder)
    }
}
