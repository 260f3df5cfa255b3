/// The paired test errata runs for `metric`, by one rule:
/// - a proportion (accuracy, exact match): McNemar's exact test on the discordant instances,
///   which is the exact randomization test for a 0/1 score and needs no sampling at any n;
/// - any other metric: paired approximate randomization (`pairedRandomization`), exact by
///   enumeration up to `pairedRandomizationExactLimit` instances, `bootstrap.resamples` seeded
///   samples beyond.
public func pairedTest(
    metric: some CorpusMetric, baseline: StatisticsMatrix, system: StatisticsMatrix, rows: [Int],
    bootstrap: BootstrapSettings
) -> PairedTestResult {
    guard metric is any ProportionMetric else {
        return pairedRandomization(metric: metric, baseline: baseline, system: system, rows: rows,
                                   samples: bootstrap.resamples, seed: bootstrap.seed)
    }
    guard !rows.isEmpty else { return PairedTestResult(method: .mcnemarExact, pValue: .nan, pIsUpperBound: false) }
    var onlyBaseline = 0, onlySystem = 0
    for row in rows {
        let x = baseline[row, 0] == 1, y = system[row, 0] == 1
        if x && !y { onlyBaseline += 1 } else if y && !x { onlySystem += 1 }
    }
    return PairedTestResult(method: .mcnemarExact, pValue: mcnemarExact(onlyFirstCorrect: onlyBaseline, onlySecondCorrect: onlySystem),
                            pIsUpperBound: false)
}
