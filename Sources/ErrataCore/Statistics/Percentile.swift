/// The `q`-quantile of ascending `sorted` values by linear interpolation between order
/// statistics: with `h = (n - 1) q`, the value is `x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋ + 1] - x[⌊h⌋])`
/// (0-based `x`).
///
/// This is Hyndman & Fan's definition 7 (Hyndman & Fan, "Sample quantiles in statistical
/// packages", The American Statistician 1996), the default of numpy's `percentile`/`quantile`
/// and of R's `quantile`, so intervals can be checked against either. Returns NaN for no values.
///
/// - Complexity: O(1).
func interpolatedQuantile(sorted: some RandomAccessCollection<Double>, _ q: Double) -> Double {
    precondition((0 ... 1).contains(q), "quantile level must lie in 0...1")
    guard !sorted.isEmpty else { return .nan }
    let position = Double(sorted.count - 1) * q
    let below = Int(position.rounded(.down))
    let low = sorted[sorted.index(sorted.startIndex, offsetBy: below)]
    guard below + 1 < sorted.count else { return low }
    let high = sorted[sorted.index(sorted.startIndex, offsetBy: below + 1)]
    let fraction = position - Double(below)
    return fraction == 0 ? low : low + fraction * (high - low)
}

/// The equal-tailed percentile interval of `values` (Efron & Tibshirani, "An Introduction to
/// the Bootstrap", 1993, §13.3): the `(1 - confidence) / 2` and `(1 + confidence) / 2`
/// quantiles under `interpolatedQuantile`. NaN values are left out; with none left both ends
/// are NaN.
///
/// - Complexity: O(n log n) for the sort.
func percentileInterval(_ values: [Double], confidence: Double) -> (lower: Double, upper: Double) {
    precondition(confidence > 0 && confidence < 1, "confidence must lie strictly between 0 and 1")
    let sorted = values.filter { !$0.isNaN }.sorted()
    let tail = (1 - confidence) / 2
    return (interpolatedQuantile(sorted: sorted, tail), interpolatedQuantile(sorted: sorted, 1 - tail))
}
