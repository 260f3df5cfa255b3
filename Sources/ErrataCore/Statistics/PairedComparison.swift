/// The difference between a system and a baseline on the same rows, with its interval.
///
/// Sign convention: `delta = systemScore - baselineScore`, in the metric's own units, whatever
/// the metric's direction; who is better is the report's call (`Comparison`).
public struct PairedComparison: Sendable, Equatable {
    public var baselineScore: Double
    public var systemScore: Double
    /// `systemScore - baselineScore`.
    public var delta: Double
    /// Percentile bootstrap interval of `delta` (its `estimate` is `delta`).
    public var deltaInterval: ConfidenceInterval

    public init(baselineScore: Double, systemScore: Double, deltaInterval: ConfidenceInterval) {
        self.baselineScore = baselineScore
        self.systemScore = systemScore
        delta = deltaInterval.estimate
        self.deltaInterval = deltaInterval
    }
}
