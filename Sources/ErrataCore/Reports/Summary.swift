import BitCollections

/// Per slice and system: the instance count and the metric with its interval (`SliceInterval`).
///
/// The JSON shape is stable and documented in docs/formats.md: `{"metric": ..., "rows":
/// [{"slice", "system", "count", "value", "ci_low", "ci_high", "ci_method", "ci_reason"}]}`,
/// every key present, undefined values `null` (`ExplicitNull`).
public struct Summary: Sendable, Codable {
    public struct Row: Sendable, Codable {
        public var slice: String
        @ExplicitNull public var system: String? = nil
        public var count: Int
        @ExplicitNull public var value: Double? = nil
        @ExplicitNull public var ciLow: Double? = nil
        @ExplicitNull public var ciHigh: Double? = nil
        @ExplicitNull public var ciMethod: SliceInterval.Method? = nil
        /// Why there is no interval.
        @ExplicitNull public var ciReason: String? = nil

        enum CodingKeys: String, CodingKey {
            case slice, system, count, value
            case ciLow = "ci_low", ciHigh = "ci_high", ciMethod = "ci_method", ciReason = "ci_reason"
        }
    }

    @ExplicitNull public var metric: String? = nil
    @ExplicitNull public var higherIsBetter: Bool? = nil
    public var resamples: Int
    public var rows: [Row]

    enum CodingKeys: String, CodingKey {
        case metric, rows, resamples
        case higherIsBetter = "higher_is_better"
    }
}

/// How many resamples and which seed the bootstrap and the randomization test use.
public struct BootstrapSettings: Sendable {
    public var resamples: Int
    public var seed: UInt64

    public init(resamples: Int = 1000, seed: UInt64 = defaultBootstrapSeed) {
        self.resamples = resamples
        self.seed = seed
    }
}

extension Double {
    /// nil for NaN, so JSON shows `null` rather than failing.
    var finiteOrNil: Double? { isNaN ? nil : self }
}

extension Analysis {
    public func summary(slices: [NamedSlice], systems: [String]? = nil, metric: String? = nil,
                        bootstrap: BootstrapSettings = BootstrapSettings()) throws -> Summary {
        let systems = systems ?? dataset.systems.map(\.name)
        guard !systems.isEmpty else {
            return Summary(metric: nil, higherIsBetter: nil, resamples: 0, rows: slices.map {
                Summary.Row(slice: $0.name, system: nil, count: $0.rows.count)
            })
        }
        let metricObject = try self.metric(named: metric)
        // Every slice and system first, then all their bootstraps in one parallel pass.
        var cells: [(slice: String, system: String, statistics: StatisticsMatrix, rows: [Int])] = []
        for slice in slices {
            for system in systems {
                cells.append((slice.name, system, try statistics(metric: metricObject.name, system: system),
                              try self.rows(slice.rows, systems: [system])))
            }
        }
        let intervals = sliceIntervals(metric: metricObject, of: cells.map { ($0.statistics, $0.rows) }, bootstrap: bootstrap)
        let rows = zip(cells, intervals).map { cell, interval in
            Summary.Row(slice: cell.slice, system: cell.system, count: cell.rows.count, value: interval.value,
                        ciLow: interval.lower, ciHigh: interval.upper, ciMethod: interval.method, ciReason: interval.reason)
        }
        return Summary(metric: metricObject.name, higherIsBetter: metricObject.higherIsBetter, resamples: bootstrap.resamples, rows: rows)
    }
}
