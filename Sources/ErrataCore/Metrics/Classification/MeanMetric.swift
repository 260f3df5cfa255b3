/// The mean of a per-instance value over a slice, such as a model's confidence, a loss, or a
/// score column computed elsewhere.
///
/// Statistics are `[value, 1]` for an instance with a value and `[0, 0]` for a missing one, so
/// the slice score is the mean over instances that have a value (NaN when none do), and
/// resampling treats missing values exactly as the slice does.
public struct MeanMetric: CorpusMetric, Hashable {
    public let name: String
    public let higherIsBetter: Bool
    public var statisticsCount: Int { 2 }

    public init(name: String, higherIsBetter: Bool = true) {
        self.name = name
        self.higherIsBetter = higherIsBetter
    }

    /// Writes one instance's statistics: `[value, 1]`, or `[0, 0]` when `value` is nil.
    public static func statistics(value: Double?, into statistics: UnsafeMutableBufferPointer<Double>) {
        statistics[0] = value ?? 0
        statistics[1] = value == nil ? 0 : 1
    }

    public func score(_ statistics: UnsafeBufferPointer<Double>) -> Double {
        countedMean(statistics)
    }
}

/// `sum / count` of a `[sum, count]` statistics vector; NaN for a count of 0.
func countedMean(_ statistics: UnsafeBufferPointer<Double>) -> Double {
    statistics[1] > 0 ? statistics[0] / statistics[1] : .nan
}
