/// A metric that is the share of instances that succeed: statistics `[success (0 or 1), 1]`.
///
/// Such a slice value is a binomial proportion, so errata gives it the exact tools for one:
/// the Wilson interval (valid at every n, never zero-width) instead of the percentile
/// bootstrap, and McNemar's exact test for a paired comparison.
public protocol ProportionMetric: CorpusMetric {}

extension ProportionMetric {
    /// Successes and instances in a summed statistics vector.
    func counts(_ statistics: [Double]) -> (successes: Int, total: Int) {
        (Int(statistics[0]), Int(statistics[1]))
    }
}

extension Accuracy: ProportionMetric {}
extension ExactMatch: ProportionMetric {}
