import Foundation

/// BLEU from summed statistics (Papineni et al. 2002: brevity penalty times the geometric mean of
/// clipped n-gram precisions), following sacrebleu's `compute_bleu` operation by operation so that
/// scores agree to the last bit.
struct BLEUScore {
    let maxOrder: Int
    let smoothing: BLEU.Smoothing
    let effectiveOrder: Bool

    /// The score on a 0-100 scale of statistics laid out as `BLEU` writes them.
    func score(_ statistics: UnsafeBufferPointer<Double>) -> Double {
        let hypothesisLength = statistics[0], referenceLength = statistics[1]
        var matched = Array(statistics[2..<(2 + maxOrder)])
        var totals = Array(statistics[(2 + maxOrder)..<(2 + 2 * maxOrder)])
        // sacrebleu returns 0 outright when nothing matches, whatever the smoothing.
        guard matched.contains(where: { $0 != 0 }) else { return 0 }
        var brevityPenalty = 1.0
        if hypothesisLength < referenceLength {
            brevityPenalty = hypothesisLength > 0 ? exp(1 - referenceLength / hypothesisLength) : 0
        }
        var precisions = [Double](repeating: 0, count: maxOrder)
        var exponentialDivisor = 1.0
        var usedOrders = maxOrder
        for order in 0..<maxOrder {
            if case .addK(let k) = smoothing, order > 0 {
                matched[order] += k
                totals[order] += k
            }
            if totals[order] == 0 { break }
            if effectiveOrder { usedOrders = order + 1 }
            if matched[order] == 0 {
                switch smoothing {
                case .exp:
                    exponentialDivisor *= 2
                    precisions[order] = 100 / (exponentialDivisor * totals[order])
                case .floor(let value):
                    precisions[order] = 100 * value / totals[order]
                case .none, .addK:
                    break
                }
            } else {
                precisions[order] = 100 * matched[order] / totals[order]
            }
        }
        // sacrebleu's `my_log` floors log(0) at -9999999999, so the mean of logs stays finite.
        let logSum = precisions[..<usedOrders].reduce(0.0) { $0 + ($1 == 0 ? -9_999_999_999 : log($1)) }
        return brevityPenalty * exp(logSum / Double(usedOrders))
    }
}
