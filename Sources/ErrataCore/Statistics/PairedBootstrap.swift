/// Paired bootstrap interval of the difference between a system and a baseline (Koehn,
/// "Statistical significance tests for machine translation evaluation", EMNLP 2004).
///
/// Both systems are scored on the same resamples of `rows` (one index draw picks the row for
/// both), so the per-row pairing is kept. The interval is the percentile interval (as in
/// `bootstrapInterval`) of the resampled `score(system) - score(baseline)`; resamples where
/// either score is NaN are left out.
///
/// The bootstrap gives no p-value here: its resampled differences centre on the observed one,
/// not on the null, and with no spread (one instance, identical rows) sacrebleu's p sits at its
/// floor 1/(R+1) whatever the data. Significance comes from `pairedTest`.
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
        deltaInterval: ConfidenceInterval(estimate: delta, lower: lower, upper: upper, confidence: confidence)
    )
}
