import BitCollections

/// Systems against a baseline, per slice: the difference, its interval and its significance.
///
/// Accuracy is tested with McNemar's exact test on the instances where exactly one of the two
/// systems is right; every other metric with paired bootstrap resampling (Koehn 2004). When
/// several slices or systems are compared at once, p-values are also given Holm-adjusted,
/// and `significant` uses the adjusted value.
public struct Comparison: Sendable, Codable {
    public struct Row: Sendable, Codable {
        public var slice: String
        public var system: String
        public var baseline: String
        public var count: Int
        public var value: Double?
        public var ciLow: Double?
        public var ciHigh: Double?
        public var baselineValue: Double?
        /// `value - baselineValue`.
        public var delta: Double?
        public var deltaLow: Double?
        public var deltaHigh: Double?
        public var pValue: Double?
        public var pAdjusted: Double?
        public var test: String
        /// The better system's name when the difference is significant at 0.05, else nil.
        public var better: String?

        enum CodingKeys: String, CodingKey {
            case slice, system, baseline, count, value, delta, test, better
            case ciLow = "ci_low", ciHigh = "ci_high", baselineValue = "baseline_value"
            case deltaLow = "delta_low", deltaHigh = "delta_high", pValue = "p_value", pAdjusted = "p_adjusted"
        }
    }

    public var metric: String
    public var higherIsBetter: Bool
    public var resamples: Int
    public var correction: String
    public var rows: [Row]

    enum CodingKeys: String, CodingKey {
        case metric, resamples, correction, rows
        case higherIsBetter = "higher_is_better"
    }
}

extension Analysis {
    /// Compares each of `systems` after the first with the first, on every slice.
    public func comparison(slices: [NamedSlice], systems: [String], metric: String? = nil,
                           bootstrap: BootstrapSettings = BootstrapSettings(), alpha: Double = 0.05) throws -> Comparison {
        guard systems.count >= 2 else { throw AnalysisError("compare needs at least two systems (--systems a,b)") }
        let metricObject = try self.metric(named: metric)
        let baseline = systems[0]
        var rows: [Comparison.Row] = []
        for slice in slices {
            for system in systems.dropFirst() {
                let members = try self.rows(slice.rows, systems: [baseline, system])
                let a = try statistics(metric: metricObject.name, system: baseline)
                let b = try statistics(metric: metricObject.name, system: system)
                let paired = pairedBootstrap(metric: metricObject, baseline: a, system: b, rows: members,
                                             resamples: bootstrap.resamples, seed: bootstrap.seed)
                let interval = bootstrapInterval(metric: metricObject, statistics: b, rows: members,
                                                 resamples: bootstrap.resamples, seed: bootstrap.seed)
                var p = paired.pValue
                var test = "paired-bootstrap"
                if metricObject is Accuracy {
                    var onlyBaseline = 0, onlySystem = 0
                    for row in members {
                        let x = a[row, 0] == 1, y = b[row, 0] == 1
                        if x && !y { onlyBaseline += 1 } else if y && !x { onlySystem += 1 }
                    }
                    p = mcnemarExact(onlyFirstCorrect: onlyBaseline, onlySecondCorrect: onlySystem)
                    test = "mcnemar-exact"
                }
                rows.append(Comparison.Row(
                    slice: slice.name, system: system, baseline: baseline, count: members.count,
                    value: paired.systemScore.finiteOrNil, ciLow: interval.lower.finiteOrNil, ciHigh: interval.upper.finiteOrNil,
                    baselineValue: paired.baselineScore.finiteOrNil, delta: paired.delta.finiteOrNil,
                    deltaLow: paired.deltaInterval.lower.finiteOrNil, deltaHigh: paired.deltaInterval.upper.finiteOrNil,
                    pValue: members.isEmpty ? nil : p.finiteOrNil, pAdjusted: nil, test: test, better: nil))
            }
        }
        let tested = rows.indices.filter { rows[$0].pValue != nil }
        let adjusted = holmAdjusted(tested.map { rows[$0].pValue! })
        for (k, i) in tested.enumerated() {
            rows[i].pAdjusted = adjusted[k]
            if adjusted[k] < alpha, let delta = rows[i].delta, delta != 0 {
                rows[i].better = (delta > 0) == metricObject.higherIsBetter ? rows[i].system : rows[i].baseline
            }
        }
        return Comparison(metric: metricObject.name, higherIsBetter: metricObject.higherIsBetter,
                          resamples: bootstrap.resamples, correction: tested.count > 1 ? "holm" : "none", rows: rows)
    }
}
