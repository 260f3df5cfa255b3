/// Macro-averaged F1 over the classes present in the slice, in [0, 1].
///
/// A class is present if it occurs among the slice's gold labels or predictions (tp + fp + fn
/// > 0); each present class's F1 is `2tp / (2tp + fp + fn)` and the score is their unweighted
/// mean. This is scikit-learn's `f1_score(y_true, y_pred, average="macro",
/// labels=<union of y_true and y_pred>, zero_division=0)` (its default `labels` for the same
/// data), so classes absent from a slice do not drag its score towards 0. NaN for an empty
/// slice. Statistics follow `ClassCounts`.
public struct MacroF1: ClassCountMetric, Hashable {
    public let classCount: Int
    public var name: String { "macro_f1" }

    public init(classCount: Int) {
        self.classCount = classCount
    }

    public func score(_ statistics: UnsafeBufferPointer<Double>) -> Double {
        var total = 0.0, present = 0
        for k in 0 ..< classCount {
            let tp = statistics[3 * k], errors = statistics[3 * k + 1] + statistics[3 * k + 2]
            guard tp + errors > 0 else { continue }
            total += 2 * tp / (2 * tp + errors)
            present += 1
        }
        return present > 0 ? total / Double(present) : .nan
    }
}
