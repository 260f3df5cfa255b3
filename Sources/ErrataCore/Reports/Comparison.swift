import BitCollections

/// Systems against a baseline, per slice: the difference, its interval and its significance.
///
/// The test follows `pairedTest`: McNemar's exact test for proportions, paired approximate
/// randomization for every other metric; the interval of the difference is the paired
/// bootstrap's (Koehn 2004), given from `minimumBootstrapInstances` instances on. When
/// several slices or systems are compared at once, p-values are also given Holm-adjusted, and
/// `better` uses the adjusted value and the metric's direction.
public struct Comparison: Sendable, Codable, Equatable {
    public struct Row: Sendable, Codable, Equatable {
        public var slice: String
        public var system: String
        public var baseline: String
        public var count: Int
        @ExplicitNull public var value: Double? = nil
        @ExplicitNull public var ciLow: Double? = nil
        @ExplicitNull public var ciHigh: Double? = nil
        @ExplicitNull public var ciMethod: SliceInterval.Method? = nil
        /// Why `value` has no interval.
        @ExplicitNull public var ciReason: String? = nil
        @ExplicitNull public var baselineValue: Double? = nil
        /// `value - baselineValue`.
        @ExplicitNull public var delta: Double? = nil
        @ExplicitNull public var deltaLow: Double? = nil
        @ExplicitNull public var deltaHigh: Double? = nil
        /// Why `delta` has no interval.
        @ExplicitNull public var deltaReason: String? = nil
        @ExplicitNull public var pValue: Double? = nil
        @ExplicitNull public var pAdjusted: Double? = nil
        /// True when `pValue` is the sampled test's floor 1/(R+1): the true p-value is below it
        /// (and `pAdjusted`, computed from it, is an upper bound too).
        public var pIsUpperBound: Bool
        public var test: PairedTestResult.Method
        /// The better system's name when the difference is significant at 0.05, else nil.
        @ExplicitNull public var better: String? = nil

        enum CodingKeys: String, CodingKey {
            case slice, system, baseline, count, value, delta, test, better
            case ciLow = "ci_low", ciHigh = "ci_high", ciMethod = "ci_method", ciReason = "ci_reason"
            case baselineValue = "baseline_value"
            case deltaLow = "delta_low", deltaHigh = "delta_high", deltaReason = "delta_reason"
            case pValue = "p_value", pAdjusted = "p_adjusted", pIsUpperBound = "p_is_upper_bound"
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

    /// The tests behind the p-values, short enough for a footnote: McNemar's, or the paired
    /// randomization test, exact and/or sampled as the slices' sizes required.
    public var testsDescription: String {
        let methods = Set(rows.map(\.test))
        switch (methods.contains(.randomizationExact), methods.contains(.randomizationSampled)) {
        case (true, true): return "randomization, exact to n=\(pairedRandomizationExactLimit), else \(resamples) samples"
        case (true, false): return "exact randomization test"
        case (false, true): return "randomization test, \(resamples) samples"
        case (false, false): return "McNemar's exact test"
        }
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
                let value = sliceInterval(metric: metricObject, statistics: b, rows: members, bootstrap: bootstrap)
                let baselineValue = members.isEmpty ? nil : metricObject.score(a.sum(rows: members)).finiteOrNil
                let delta = value.value.flatMap { v in baselineValue.map { v - $0 } }
                var deltaLow: Double?, deltaHigh: Double?, deltaReason: String?
                if delta == nil {
                    deltaReason = members.isEmpty ? "no instances" : "\(metricObject.name) is undefined on these instances"
                } else if members.count < minimumBootstrapInstances {
                    deltaReason = tooFewForBootstrap
                } else {
                    let paired = pairedBootstrap(metric: metricObject, baseline: a, system: b, rows: members,
                                                 resamples: bootstrap.resamples, seed: bootstrap.seed)
                    deltaLow = paired.deltaInterval.lower.finiteOrNil
                    deltaHigh = paired.deltaInterval.upper.finiteOrNil
                }
                let test = pairedTest(metric: metricObject, baseline: a, system: b, rows: members, bootstrap: bootstrap)
                rows.append(Comparison.Row(
                    slice: slice.name, system: system, baseline: baseline, count: members.count,
                    value: value.value, ciLow: value.lower, ciHigh: value.upper, ciMethod: value.method, ciReason: value.reason,
                    baselineValue: baselineValue, delta: delta, deltaLow: deltaLow, deltaHigh: deltaHigh, deltaReason: deltaReason,
                    pValue: delta == nil ? nil : test.pValue.finiteOrNil, pAdjusted: nil,
                    pIsUpperBound: delta != nil && test.pIsUpperBound, test: test.method, better: nil))
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
