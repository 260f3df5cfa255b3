/// What to discover: whose errors, measured how, over which features, with which search
/// parameters and which test of significance.
public struct DiscoveryRequest: Sendable, Equatable {
    public var system: String
    /// Two-system mode: find where `system` does worse than this one.
    public var versus: String?
    public var measure: ErrorMeasure
    public var parameters: SliceLineParameters
    public var features: FeatureOptions
    /// Search on a random half of the instances and test the slices found on the other half
    /// (Holm over the slices returned), instead of testing on all of them with Holm over
    /// every slice the search examined.
    public var holdout: Bool
    /// The seed of the random halves.
    public var seed: UInt64
    /// Significant slices first (each group by score); false keeps the score order.
    public var significantFirst: Bool

    public init(system: String, versus: String? = nil, measure: ErrorMeasure = .metric(nil),
                parameters: SliceLineParameters = SliceLineParameters(), features: FeatureOptions? = nil,
                holdout: Bool = false, seed: UInt64 = 12345, significantFirst: Bool = true) {
        self.system = system
        self.versus = versus
        self.measure = measure
        self.parameters = parameters
        self.features = features ?? FeatureOptions(minSupport: parameters.minSupport)
        self.holdout = holdout
        self.seed = seed
        self.significantFirst = significantFirst
    }
}
