import BitCollections

/// How often the what-if edits of each slice's instances changed the prediction: the flip
/// rate over the slice's counterfactuals, with its Wilson interval (valid at every n; none
/// when the slice has no counterfactual).
public struct FlipRate: Sendable, Codable {
    public var slice: String
    /// Counterfactuals whose parent instance is in the slice.
    public var counterfactuals: Int
    public var flipped: Int
    @ExplicitNull public var rate: Double? = nil
    @ExplicitNull public var ciLow: Double? = nil
    @ExplicitNull public var ciHigh: Double? = nil

    enum CodingKeys: String, CodingKey {
        case slice, counterfactuals, flipped, rate
        case ciLow = "ci_low", ciHigh = "ci_high"
    }

    /// One rate per slice, counting the counterfactuals whose parent is one of the slice's
    /// rows (of `system` only, when given). Counterfactuals of ids the dataset no longer has
    /// count in no slice.
    public static func rates(_ counterfactuals: [Counterfactual], slices: [NamedSlice], dataset: Dataset, system: String? = nil) -> [FlipRate] {
        let kept = counterfactuals.filter { system == nil || $0.system == system }
        let rows = kept.map { dataset.row(id: $0.parent) }
        return slices.map { slice in
            let inSlice = zip(kept, rows).filter { $0.1.map(slice.rows.contains) ?? false }.map(\.0)
            let flipped = inSlice.filter(\.flipped).count
            var rate = FlipRate(slice: slice.name, counterfactuals: inSlice.count, flipped: flipped)
            if !inSlice.isEmpty {
                let interval = wilsonInterval(successes: flipped, total: inSlice.count)
                rate.rate = interval.estimate
                rate.ciLow = interval.lower
                rate.ciHigh = interval.upper
            }
            return rate
        }
    }

    public init(slice: String, counterfactuals: Int, flipped: Int) {
        self.slice = slice
        self.counterfactuals = counterfactuals
        self.flipped = flipped
    }
}
