/// The seed errata uses when the caller gives none, so repeated runs agree (sacrebleu's
/// default `SACREBLEU_SEED` too, though the two random streams differ).
public let defaultBootstrapSeed: UInt64 = 12345

/// A percentile bootstrap confidence interval for a metric on a slice.
///
/// Each resample draws `rows.count` rows of the slice uniformly with replacement, sums their
/// statistics and scores the sum, exactly as the slice's own score is computed; the interval
/// is the equal-tailed percentile interval of the resampled scores (Efron & Tibshirani, "An
/// Introduction to the Bootstrap", 1993, §13.3), with quantiles by linear interpolation
/// between order statistics (Hyndman & Fan definition 7, numpy's default). Resamples whose
/// score is NaN (say a mean over a resample holding only missing values) are left out.
///
/// The result depends only on the inputs and `seed`, not on the number of cores; see
/// `BootstrapResampler`.
///
/// - Parameters:
///   - statistics: per-instance statistics of `metric`, width `metric.statisticsCount`.
///   - rows: the slice, as row indices into `statistics`.
/// - Returns: the slice's score as `estimate`, with the interval (NaN ends for an empty slice).
/// - Complexity: O(`resamples` × `rows.count` × `metric.statisticsCount`), parallel.
public func bootstrapInterval(
    metric: some CorpusMetric,
    statistics: StatisticsMatrix,
    rows: [Int],
    resamples: Int = 1000,
    confidence: Double = 0.95,
    seed: UInt64 = defaultBootstrapSeed
) -> ConfidenceInterval {
    precondition(confidence > 0 && confidence < 1, "confidence must lie strictly between 0 and 1")
    let slice = statistics.gathering(rows: rows)
    let resampler = BootstrapResampler(metric: metric, slice: slice, blocks: 1)
    let estimate = metric.score(slice.sum(rows: 0 ..< slice.rows))
    guard !rows.isEmpty else {
        return ConfidenceInterval(estimate: estimate, lower: .nan, upper: .nan, confidence: confidence)
    }
    let (lower, upper) = percentileInterval(resampler.scores(resamples: resamples, seed: seed), confidence: confidence)
    return ConfidenceInterval(estimate: estimate, lower: lower, upper: upper, confidence: confidence)
}
