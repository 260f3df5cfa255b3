/// The per-class statistics layout shared by `MacroF1` and `MicroF1`: for each class `k`,
/// `[tp, fp, fn]` at offsets `3k ..< 3k + 3`.
///
/// One instance with gold class `g` and prediction `p` contributes a true positive to `g` if
/// `g == p`, else a false negative to `g` and a false positive to `p`. Summed over a slice this
/// is the per-class confusion counts scikit-learn's `precision_recall_fscore_support` uses.
public enum ClassCounts {
    public static func width(classCount: Int) -> Int { 3 * classCount }

    /// Writes one instance's statistics (zeroing the rest of `statistics`).
    public static func statistics(gold: Int, predicted: Int, into statistics: UnsafeMutableBufferPointer<Double>) {
        precondition(statistics.count % 3 == 0, "per-class statistics come in triples")
        let classCount = statistics.count / 3
        precondition((0 ..< classCount).contains(gold) && (0 ..< classCount).contains(predicted),
                     "class index out of range 0..<\(classCount)")
        statistics.update(repeating: 0)
        if gold == predicted {
            statistics[3 * gold] = 1
        } else {
            statistics[3 * predicted + 1] = 1
            statistics[3 * gold + 2] = 1
        }
    }
}

/// A metric computed from per-class counts (`ClassCounts`): macro and micro F1.
public protocol ClassCountMetric: CorpusMetric {
    var classCount: Int { get }
}

extension ClassCountMetric {
    public var statisticsCount: Int { ClassCounts.width(classCount: classCount) }
    public var higherIsBetter: Bool { true }

    /// Writes one instance's statistics; see `ClassCounts`.
    public static func statistics(gold: Int, predicted: Int, into statistics: UnsafeMutableBufferPointer<Double>) {
        ClassCounts.statistics(gold: gold, predicted: predicted, into: statistics)
    }
}
