import BitCollections

/// How well automatic metrics agree with a human score (MQM), per slice, as the WMT metrics
/// task reports it (Freitag et al., WMT21 metrics findings):
///
/// - system level: Pearson's r and Kendall's tau-b between the systems' scores on the slice
///   (corpus chrF/BLEU/TER from summed statistics, the mean MQM), one point per system;
/// - segment level: Pearson and Kendall's tau-b over every (segment, system) pair with both
///   scores (sentence chrF/BLEU/TER, the segment's MQM), "no grouping"; and Kendall's tau-b
///   grouped by item: tau-b across systems within each segment, averaged over the segments
///   where it is defined.
///
/// Directions are respected: each score is oriented so that larger is better before
/// correlating (MQM and TER are negated), so a metric that agrees with the experts gets a
/// positive correlation whatever its direction. Undefined values (n < 2, no variation) are
/// nil. The reference system, scored against itself by the text metrics, is left out.
public struct MetaEvaluation: Sendable, Codable, Equatable {
    public struct Row: Sendable, Codable, Equatable {
        public var slice: String
        public var metric: String
        /// `system` or `segment`.
        public var level: Level
        /// Points correlated: systems, or (segment, system) pairs.
        public var count: Int
        @ExplicitNull public var pearson: Double? = nil
        @ExplicitNull public var kendall: Double? = nil
        /// Segment level: the mean per-segment tau-b across systems (nil at system level).
        @ExplicitNull public var kendallByItem: Double? = nil
        /// Segment level: segments whose tau-b across systems is defined.
        @ExplicitNull public var items: Int? = nil

        enum CodingKeys: String, CodingKey {
            case slice, metric, level, count, pearson, kendall, items
            case kendallByItem = "kendall_by_item"
        }
    }

    public enum Level: String, Sendable, Codable { case system, segment }

    public var human: String
    public var systems: [String]
    public var rows: [Row]
}

extension Analysis {
    /// Correlations of each of `metrics` with `human`, per slice and level. `systems` defaults
    /// to every system but the reference one.
    public func metaEvaluation(slices: [NamedSlice], human: String, metrics: [String],
                               systems: [String]? = nil) throws -> MetaEvaluation {
        let systems = systems ?? dataset.systems.map(\.name).filter { $0 != dataset.referenceSystem }
        let humanMetric = try metric(named: human)
        var rows: [MetaEvaluation.Row] = []
        for slice in slices {
            let members = try self.rows(slice.rows, systems: systems)
            let humanSystems = try systemScores(humanMetric, systems: systems, rows: members)
            let humanSegments = try systems.map { try oriented(instanceScores(metric: human, system: $0), humanMetric) }
            for name in metrics {
                let metric = try metric(named: name)
                let metricSystems = try systemScores(metric, systems: systems, rows: members)
                let defined = metricSystems.indices.filter { !humanSystems[$0].isNaN && !metricSystems[$0].isNaN }
                let hs = defined.map { humanSystems[$0] }, ms = defined.map { metricSystems[$0] }
                rows.append(.init(slice: slice.name, metric: name, level: .system, count: defined.count,
                                  pearson: Correlation.pearson(ms, hs), kendall: Correlation.kendallTauB(ms, hs)))

                let metricSegments = try systems.map { try oriented(instanceScores(metric: name, system: $0), metric) }
                var flatHuman: [Double] = [], flatMetric: [Double] = []
                var itemTaus: [Double] = []
                for row in members {
                    var itemHuman: [Double] = [], itemMetric: [Double] = []
                    for s in systems.indices where !humanSegments[s][row].isNaN && !metricSegments[s][row].isNaN {
                        itemHuman.append(humanSegments[s][row])
                        itemMetric.append(metricSegments[s][row])
                    }
                    flatHuman += itemHuman
                    flatMetric += itemMetric
                    if let tau = Correlation.kendallTauB(itemMetric, itemHuman) { itemTaus.append(tau) }
                }
                rows.append(.init(slice: slice.name, metric: name, level: .segment, count: flatHuman.count,
                                  pearson: Correlation.pearson(flatMetric, flatHuman),
                                  kendall: Correlation.kendallTauB(flatMetric, flatHuman),
                                  kendallByItem: itemTaus.isEmpty ? nil : itemTaus.reduce(0, +) / Double(itemTaus.count),
                                  items: itemTaus.count))
            }
        }
        return MetaEvaluation(human: humanMetric.name, systems: systems, rows: rows)
    }

    /// Each system's score on `rows`, larger is better (NaN where undefined).
    private func systemScores(_ metric: any CorpusMetric, systems: [String], rows: [Int]) throws -> [Double] {
        try systems.map { system in
            let value = metric.score(try statistics(metric: metric.name, system: system).sum(rows: rows))
            return metric.higherIsBetter ? value : -value
        }
    }

    private func oriented(_ scores: [Double], _ metric: any CorpusMetric) -> [Double] {
        metric.higherIsBetter ? scores : scores.map { -$0 }
    }
}
