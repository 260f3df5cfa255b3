import BitCollections

/// Every system of a slice ranked by a metric, with significance clusters as the WMT findings
/// report them: systems that cannot be told apart share a cluster and a rank range.
///
/// The method (docs/decisions.md, "Ranking many systems"):
/// - systems are scored on the instances where all of them have an output, and ordered by the
///   metric in its direction (ascending for TER or MQM); systems whose score is undefined come
///   last, unranked;
/// - every pair of ranked systems is tested with `pairedTest` (McNemar's exact test for
///   proportions, paired approximate randomization otherwise), and the p-values are
///   Holm-adjusted over all pairs. The randomization test takes at least 40 samples per pair,
///   so that its floor 1/(R+1), once Holm-adjusted, can still fall below α;
/// - a system's rank range runs from 1 + the number of systems significantly better than it to
///   the number of ranked systems minus those significantly worse than it;
/// - clusters are read from the top: a cluster starts at the best system not yet placed and
///   takes every following system (in rank order) up to the first that the cluster's top
///   system beats significantly.
public struct Ranking: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        public var system: String
        /// The 1-based position in the order; nil when the score is undefined.
        @ExplicitNull public var position: Int? = nil
        @ExplicitNull public var value: Double? = nil
        @ExplicitNull public var ciLow: Double? = nil
        @ExplicitNull public var ciHigh: Double? = nil
        /// The best and worst rank the tests allow (equal when the system is separated from all).
        @ExplicitNull public var rankLow: Int? = nil
        @ExplicitNull public var rankHigh: Int? = nil
        /// 1-based cluster number, from the best cluster down.
        @ExplicitNull public var cluster: Int? = nil
        /// `value - baseline's value`.
        @ExplicitNull public var delta: Double? = nil
        /// The Holm-adjusted p-value of the test against the baseline.
        @ExplicitNull public var pAdjusted: Double? = nil
        /// The baseline or this system, when the test against the baseline is significant.
        @ExplicitNull public var better: String? = nil

        enum CodingKeys: String, CodingKey {
            case system, position, value, cluster, delta, better
            case ciLow = "ci_low", ciHigh = "ci_high", rankLow = "rank_low", rankHigh = "rank_high", pAdjusted = "p_adjusted"
        }

        /// `2–4`, or `3` when the range is one rank; nil when unranked.
        public var rankRange: String? {
            guard let rankLow, let rankHigh else { return nil }
            return rankLow == rankHigh ? "\(rankLow)" : "\(rankLow)–\(rankHigh)"
        }
    }

    /// One pairwise test, `first` ranked above `second`.
    public struct Pair: Sendable, Codable, Equatable {
        public var first: String
        public var second: String
        @ExplicitNull public var pValue: Double? = nil
        @ExplicitNull public var pAdjusted: Double? = nil
        /// True when `pValue` is the sampled test's floor 1/(R+1): the true p-value is below it.
        public var pIsUpperBound: Bool
        public var test: PairedTestResult.Method
        /// Whether `first` is significantly better than `second` at α after adjustment.
        public var significant: Bool

        enum CodingKeys: String, CodingKey {
            case first, second, test, significant
            case pValue = "p_value", pAdjusted = "p_adjusted", pIsUpperBound = "p_is_upper_bound"
        }
    }

    public var metric: String
    public var higherIsBetter: Bool
    public var slice: String
    /// Instances every system has an output for: what each system is scored on.
    public var count: Int
    public var baseline: String
    public var alpha: Double
    /// Random assignments per sampled randomization test.
    public var samples: Int
    public var seed: UInt64
    public var correction: String
    /// Best first; unranked systems last, in the dataset's order.
    public var entries: [Entry]
    public var pairs: [Pair]

    enum CodingKeys: String, CodingKey {
        case metric, slice, count, baseline, alpha, samples, seed, correction, entries, pairs
        case higherIsBetter = "higher_is_better"
    }

    /// The number of clusters.
    public var clusterCount: Int { entries.compactMap(\.cluster).max() ?? 0 }
}

extension Analysis {
    /// Ranks `systems` (all of the dataset's when nil) on `slice` by `metric`; `baseline`
    /// (default: the first system) is the one each delta is taken against. `progress` gets
    /// the share of pairs tested; `isCancelled` is polled between pairs (16 systems make 120
    /// tests: seconds of work).
    public func ranking(slice: NamedSlice, systems: [String]? = nil, baseline: String? = nil, metric: String? = nil,
                        bootstrap: BootstrapSettings = BootstrapSettings(), alpha: Double = 0.05,
                        progress: (Double) -> Void = { _ in }, isCancelled: () -> Bool = { false }) throws -> Ranking {
        let names = systems ?? dataset.systems.map(\.name)
        guard !names.isEmpty else { throw AnalysisError("ranking needs at least one system; this dataset has none") }
        let baseline = baseline ?? names[0]
        guard names.contains(baseline) else { throw AnalysisError("the baseline '\(baseline)' is not among the ranked systems") }
        let metricObject = try self.metric(named: metric)
        let members = try rows(slice.rows, systems: names)
        let statistics = try names.map { try self.statistics(metric: metricObject.name, system: $0) }
        let intervals = statistics.map { sliceInterval(metric: metricObject, statistics: $0, rows: members, bootstrap: bootstrap) }

        let better: (Double, Double) -> Bool = metricObject.higherIsBetter ? { $0 > $1 } : { $0 < $1 }
        let ranked = names.indices.filter { intervals[$0].value != nil }
            .sorted { a, b in
                let x = intervals[a].value!, y = intervals[b].value!
                return x == y ? a < b : better(x, y)
            }
        let unranked = names.indices.filter { intervals[$0].value == nil }

        // Every pair, the higher-ranked first; Holm over all of them.
        let pairCount = ranked.count * (ranked.count - 1) / 2
        let samples = max(bootstrap.resamples, 40 * pairCount)
        let settings = BootstrapSettings(resamples: samples, seed: bootstrap.seed)
        var pairs: [Ranking.Pair] = []
        var pairIndex: [[Int]: Int] = [:]
        for (i, a) in ranked.enumerated() {
            for b in ranked[(i + 1)...] {
                if isCancelled() { throw CancellationError() }
                progress(Double(pairs.count) / Double(pairCount))
                let test = pairedTest(metric: metricObject, baseline: statistics[b], system: statistics[a], rows: members, bootstrap: settings)
                pairIndex[[a, b]] = pairs.count
                pairs.append(Ranking.Pair(first: names[a], second: names[b], pValue: test.pValue.finiteOrNil,
                                          pIsUpperBound: test.pIsUpperBound, test: test.method, significant: false))
            }
        }
        let tested = pairs.indices.filter { pairs[$0].pValue != nil }
        let adjusted = holmAdjusted(tested.map { pairs[$0].pValue! })
        for (k, i) in tested.enumerated() {
            pairs[i].pAdjusted = adjusted[k]
            let (a, b) = (names.firstIndex(of: pairs[i].first)!, names.firstIndex(of: pairs[i].second)!)
            pairs[i].significant = adjusted[k] < alpha && intervals[a].value! != intervals[b].value!
        }
        func beats(_ a: Int, _ b: Int) -> Bool { pairIndex[[a, b]].map { pairs[$0].significant } ?? false }

        var clusters = [Int](repeating: 0, count: ranked.count)
        var start = 0, cluster = 0
        while start < ranked.count {
            cluster += 1
            var end = start + 1
            while end < ranked.count, !beats(ranked[start], ranked[end]) { end += 1 }
            for k in start ..< end { clusters[k] = cluster }
            start = end
        }

        let baselineIndex = names.firstIndex(of: baseline)!
        var entries: [Ranking.Entry] = []
        for (position, i) in ranked.enumerated() {
            let above = ranked.count(where: { beats($0, i) })
            let below = ranked.count(where: { beats(i, $0) })
            var entry = Ranking.Entry(system: names[i], position: position + 1, value: intervals[i].value,
                                      ciLow: intervals[i].lower, ciHigh: intervals[i].upper,
                                      rankLow: 1 + above, rankHigh: ranked.count - below, cluster: clusters[position])
            if let base = intervals[baselineIndex].value, i != baselineIndex {
                entry.delta = intervals[i].value! - base
                let key = ranked.firstIndex(of: i)! < ranked.firstIndex(of: baselineIndex)! ? [i, baselineIndex] : [baselineIndex, i]
                if let pair = pairIndex[key].map({ pairs[$0] }) {
                    entry.pAdjusted = pair.pAdjusted
                    entry.better = pair.significant ? pair.first : nil
                }
            }
            entries.append(entry)
        }
        entries += unranked.map { Ranking.Entry(system: names[$0]) }
        return Ranking(metric: metricObject.name, higherIsBetter: metricObject.higherIsBetter, slice: slice.name, count: members.count,
                       baseline: baseline, alpha: alpha, samples: samples, seed: bootstrap.seed,
                       correction: tested.count > 1 ? "holm" : "none", entries: entries, pairs: pairs)
    }
}
