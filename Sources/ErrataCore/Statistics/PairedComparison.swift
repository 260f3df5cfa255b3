/// The outcome of comparing a system with a baseline on the same rows.
///
/// Sign convention: `delta = systemScore - baselineScore`, in the metric's own units, whatever
/// the metric's direction; `improvement` and `winner` are where `higherIsBetter` comes in.
public struct PairedComparison: Sendable, Equatable {
    /// Who a comparison favours.
    public enum Winner: Sendable, Equatable {
        case baseline, system
        /// No difference, or one not significant at the requested level.
        case neither
    }

    public var baselineScore: Double
    public var systemScore: Double
    /// `systemScore - baselineScore`.
    public var delta: Double
    /// Percentile bootstrap interval of `delta` (its `estimate` is `delta`).
    public var deltaInterval: ConfidenceInterval
    /// Two-sided p-value of "no difference", as sacrebleu 2.x's paired bootstrap defines it.
    public var pValue: Double
    public var resamples: Int
    /// Copied from the metric, so the comparison can say who wins on its own.
    public var higherIsBetter: Bool

    public init(
        baselineScore: Double, systemScore: Double, deltaInterval: ConfidenceInterval,
        pValue: Double, resamples: Int, higherIsBetter: Bool
    ) {
        self.baselineScore = baselineScore
        self.systemScore = systemScore
        delta = deltaInterval.estimate
        self.deltaInterval = deltaInterval
        self.pValue = pValue
        self.resamples = resamples
        self.higherIsBetter = higherIsBetter
    }

    /// `delta` oriented so that positive means the system is better (negated for TER-like
    /// metrics).
    public var improvement: Double { higherIsBetter ? delta : -delta }

    /// The better system if the difference is significant at `significanceLevel`, else
    /// `.neither`.
    public func winner(significanceLevel: Double = 0.05) -> Winner {
        guard pValue < significanceLevel, improvement != 0, !improvement.isNaN else { return .neither }
        return improvement > 0 ? .system : .baseline
    }
}
