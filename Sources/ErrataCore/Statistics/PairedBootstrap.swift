/// Paired bootstrap resampling test of a system against a baseline (Koehn, "Statistical
/// significance tests for machine translation evaluation", EMNLP 2004).
///
/// Both systems are scored on the same resamples of `rows` (one index draw picks the row for
/// both), so the per-row pairing that makes the test sensitive is kept.
///
/// - The interval is the percentile interval (as in `bootstrapInterval`) of the resampled
///   `score(system) - score(baseline)`.
/// - The p-value follows sacrebleu 2.x (`sacrebleu/significance.py`, `_paired_bs_test`, which
///   mirrors Moses' `bootstrap-hypothesis-difference-significance.pl`): with `d_r` the absolute
///   difference of the two scores in resample `r` and `d̄` their mean, the centred values
///   `d_r - d̄` stand in for the null distribution of the absolute difference, and
///   `p = (#{r : d_r - d̄ > |delta|} + 1) / (R + 1)` over the `R` resamples. The `+ 1` keeps a
///   finite resample count from rejecting too often (Davison & Hinkley, "Bootstrap Methods and
///   their Application", 1997, ch. 4). One consequence, kept for agreement with sacrebleu:
///   when the two systems have identical statistics on every row, all `d_r` are 0 and
///   p = 1 / (R + 1); `winner` still reports `.neither` because `delta` is 0.
///   Resamples where either score is NaN are left out of both the interval and the p-value.
///
/// - Parameters:
///   - baseline: per-instance statistics of the baseline, width `metric.statisticsCount`.
///   - system: the compared system's statistics, same shape; `delta = score(system) - score(baseline)`.
///   - rows: the slice, as row indices into both matrices.
/// - Complexity: O(`resamples` × `rows.count` × `metric.statisticsCount`), parallel.
public func pairedBootstrap(
    metric: some CorpusMetric,
    baseline: StatisticsMatrix,
    system: StatisticsMatrix,
    rows: [Int],
    resamples: Int = 1000,
    confidence: Double = 0.95,
    seed: UInt64 = defaultBootstrapSeed
) -> PairedComparison {
    precondition(baseline.rows == system.rows && baseline.width == system.width,
                 "baseline and system statistics must have the same shape")
    let width = metric.statisticsCount
    precondition(baseline.width == width, "statistics width \(baseline.width) does not match \(metric.name) (\(width))")
    var interleaved: [Double] = []
    interleaved.reserveCapacity(rows.count * 2 * width)
    for row in rows {
        interleaved.append(contentsOf: baseline.values[row * width ..< (row + 1) * width])
        interleaved.append(contentsOf: system.values[row * width ..< (row + 1) * width])
    }
    let paired = StatisticsMatrix(width: 2 * width, values: interleaved)
    let totals = paired.sum(rows: 0 ..< paired.rows)
    let baselineScore = metric.score(Array(totals[..<width]))
    let systemScore = metric.score(Array(totals[width...]))
    let delta = systemScore - baselineScore

    var deltas: [Double] = []
    if !rows.isEmpty {
        let scores = BootstrapResampler(metric: metric, slice: paired, blocks: 2)
            .scores(resamples: resamples, seed: seed)
        deltas.reserveCapacity(resamples)
        for resample in 0 ..< resamples {
            let difference = scores[2 * resample + 1] - scores[2 * resample]
            if !difference.isNaN { deltas.append(difference) }
        }
    }
    let (lower, upper) = percentileInterval(deltas, confidence: confidence)
    return PairedComparison(
        baselineScore: baselineScore,
        systemScore: systemScore,
        deltaInterval: ConfidenceInterval(estimate: delta, lower: lower, upper: upper, confidence: confidence),
        pValue: sacrebleuPairedPValue(resampledDeltas: deltas, observedDelta: delta),
        resamples: resamples,
        higherIsBetter: metric.higherIsBetter
    )
}

/// sacrebleu 2.x's paired-bootstrap p-value from resampled and observed score differences;
/// see `pairedBootstrap`. NaN without resamples.
func sacrebleuPairedPValue(resampledDeltas: [Double], observedDelta: Double) -> Double {
    guard !resampledDeltas.isEmpty, !observedDelta.isNaN else { return .nan }
    let absolute = resampledDeltas.map(\.magnitude)
    let mean = absolute.reduce(0, +) / Double(absolute.count)
    let observed = observedDelta.magnitude
    let exceeding = absolute.count(where: { $0 - mean > observed })
    return Double(exceeding + 1) / Double(absolute.count + 1)
}
