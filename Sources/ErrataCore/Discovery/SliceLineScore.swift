/// SliceLine's score and its upper bound (Sagadeeva and Boehm, "SliceLine: Fast,
/// Linear-Algebra-based Slice Finding for ML Model Debugging", SIGMOD 2021, section 3).
///
/// `alpha * ((e_S / |S|) / e_mean - 1) - (1 - alpha) * (n / |S| - 1)`: the first term rewards
/// a slice whose average error exceeds the overall average, the second penalises small
/// slices. A score above 0 means the slice is worse than the data as a whole by more than
/// its smallness costs.
struct SliceLineScore: Sendable {
    var alpha: Double
    /// Rows searched (n).
    var rows: Int
    /// The average error over all rows (e_mean).
    var averageError: Double
    var minSupport: Int

    /// The score of a slice of `size` rows whose errors sum to `errors`; minus infinity for an
    /// empty slice (as the reference implementation's `nan_to_num`). The operations are in
    /// the order of the `sliceline` package, so scores agree to the last bits.
    func score(size: Int, errors: Double) -> Double {
        guard size > 0 else { return -.infinity }
        let s = Double(size)
        let value = alpha * ((errors / s) / averageError - 1) - (1 - alpha) * (Double(rows) / s - 1)
        return value.isNaN ? -.infinity : value
    }

    /// The highest score any slice can reach whose size is at most `size`, error sum at most
    /// `errors` and largest error at most `maxError` (the bounds a candidate inherits from
    /// its parents). The score is monotone in size between its kinks, so the maximum is at
    /// one of the probes `min_sup`, `errors / maxError` (clamped to `min_sup`) and `size`,
    /// where a slice of `p` rows has at most `min(p * maxError, errors)` error.
    func upperBound(size: Int, errors: Double, maxError: Double) -> Double {
        let probes = [Double(minSupport), max(errors / maxError, Double(minSupport)), Double(size)]
        var best = -Double.infinity
        for p in probes {
            let value = (alpha * (min(p * maxError, errors) / averageError - p) - (1 - alpha) * (Double(rows) - p)) / p
            if !value.isNaN { best = max(best, value) }
        }
        return best
    }
}
