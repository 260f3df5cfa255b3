/// The outcome of a paired test of "no difference between two systems" on the same instances.
public struct PairedTestResult: Sendable, Equatable {
    /// Which test produced the p-value; the raw values are the `test` field of `compare`.
    public enum Method: String, Sendable, Codable {
        /// McNemar's exact test, for proportions (accuracy, exact match).
        case mcnemarExact = "mcnemar-exact"
        /// Approximate randomization with every assignment enumerated (small slices).
        case randomizationExact = "randomization-exact"
        /// Approximate randomization with seeded random assignments (larger slices).
        case randomizationSampled = "randomization-sampled"
    }

    public var method: Method
    /// Two-sided p-value; NaN when there is nothing to test (an empty slice, an undefined score).
    public var pValue: Double
    /// True when no sampled assignment was as extreme as the observed difference: `pValue` is
    /// the Monte-Carlo floor 1/(R+1) and the true p-value lies below it.
    public var pIsUpperBound: Bool

    public init(method: Method, pValue: Double, pIsUpperBound: Bool) {
        self.method = method
        self.pValue = pValue
        self.pIsUpperBound = pIsUpperBound
    }
}
