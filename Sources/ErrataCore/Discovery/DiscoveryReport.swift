/// One slice found, with its statistics against the rest of the instances.
public struct DiscoveryRow: Sendable, Equatable, Encodable {
    /// How the slice reads: `genre = horror and length(text) in [25, 41)`.
    public var slice: String
    /// The slice-language expression that selects it (`--where` accepts it).
    public var expression: String
    public var size: Int
    /// The slice's error rate (0/1 errors) or mean error.
    public var error: Double
    /// The same over the instances outside the slice (nil when there are none).
    public var restError: Double?
    /// `error - restError`, with its 95% interval.
    public var delta: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    public var pValue: Double?
    /// Holm-adjusted (see `DiscoveryReport.correction`).
    public var pAdjusted: Double?
    /// SliceLine's score (on the search half under `holdout`).
    public var score: Double
    /// The adjusted p-value is below 0.05 and the slice does worse than the rest.
    public var significant: Bool

    enum CodingKeys: String, CodingKey {
        case slice, expression, size, error, restError = "rest_error", delta, ciLow = "ci_low", ciHigh = "ci_high"
        case pValue = "p_value", pAdjusted = "p_adjusted", score, significant
    }

    /// Undefined values are written as null, never left out.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(slice, forKey: .slice)
        try c.encode(expression, forKey: .expression)
        try c.encode(size, forKey: .size)
        try c.encode(error, forKey: .error)
        try c.encode(restError, forKey: .restError)
        try c.encode(delta, forKey: .delta)
        try c.encode(ciLow, forKey: .ciLow)
        try c.encode(ciHigh, forKey: .ciHigh)
        try c.encode(pValue, forKey: .pValue)
        try c.encode(pAdjusted, forKey: .pAdjusted)
        try c.encode(score, forKey: .score)
        try c.encode(significant, forKey: .significant)
    }
}

/// The slices discovery found and how they were tested.
public struct DiscoveryReport: Sendable, Encodable {
    public var rows: [DiscoveryRow]
    /// Instances searched (with an error defined), and how many of them were tested.
    public var instances: Int
    public var tested: Int
    /// The error over all tested instances.
    public var error: Double
    /// `two-proportion z-test` or `Welch's t-test`.
    public var test: String
    /// `Holm over N slices examined` or `Holm over the K slices found, on the held-out half`.
    public var correction: String
    /// Slices whose statistics the search computed (the family of the Holm correction
    /// unless held out).
    public var examined: Int
    /// The features searched, by name.
    public var features: [String]
}
