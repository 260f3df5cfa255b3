/// A point estimate with a two-sided confidence interval around it.
public struct ConfidenceInterval: Sendable, Equatable {
    /// The value on the full data (not the mean of resamples).
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    /// Nominal coverage, such as 0.95.
    public var confidence: Double

    public init(estimate: Double, lower: Double, upper: Double, confidence: Double) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
    }

    /// Whether `value` lies in `lower ... upper`.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}
