/// The fraction of instances classified correctly, in [0, 1] (scikit-learn's convention for
/// classification metrics; the MT metrics chrF and BLEU keep sacrebleu's 0-100 scale).
///
/// Statistics are `[correct, 1]`; the score is NaN for an empty slice.
public struct Accuracy: CorpusMetric, Hashable {
    public var name: String { "accuracy" }
    public var statisticsCount: Int { 2 }
    public var higherIsBetter: Bool { true }

    public init() {}

    /// Writes one instance's statistics: `[1, 1]` if `gold == predicted`, else `[0, 1]`.
    public static func statistics(gold: Int, predicted: Int, into statistics: UnsafeMutableBufferPointer<Double>) {
        statistics[0] = gold == predicted ? 1 : 0
        statistics[1] = 1
    }

    public func score(_ statistics: UnsafeBufferPointer<Double>) -> Double {
        countedMean(statistics)
    }
}
