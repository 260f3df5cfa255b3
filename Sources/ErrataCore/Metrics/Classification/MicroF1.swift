/// Micro-averaged F1, in [0, 1]: `2TP / (2TP + FP + FN)` with counts pooled over all classes.
///
/// scikit-learn's `f1_score(average="micro")`. With exactly one gold label and one prediction
/// per instance every error is one FP and one FN, so this equals accuracy; it is kept for
/// parity with reports that quote it. NaN for an empty slice. Statistics follow `ClassCounts`.
public struct MicroF1: ClassCountMetric, Hashable {
    public let classCount: Int
    public var name: String { "micro_f1" }

    public init(classCount: Int) {
        self.classCount = classCount
    }

    public func score(_ statistics: UnsafeBufferPointer<Double>) -> Double {
        var truePositives = 0.0, errors = 0.0
        for k in 0 ..< classCount {
            truePositives += statistics[3 * k]
            errors += statistics[3 * k + 1] + statistics[3 * k + 2]
        }
        return truePositives + errors > 0 ? 2 * truePositives / (2 * truePositives + errors) : .nan
    }
}
