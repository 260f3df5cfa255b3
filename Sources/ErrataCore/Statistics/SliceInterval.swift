/// A slice's metric value with its 95% interval, or the reason there is none.
///
/// Which interval a metric gets, so every report and view says the same:
/// - a proportion (accuracy, exact match): the Wilson score interval, valid at every n;
/// - any other metric: the percentile bootstrap, from `minimumBootstrapInstances` instances
///   on. Below that the resamples of a handful of instances cover too few distinct values
///   (one instance: a single point), and the interval comes out too narrow or zero-width, so
///   none is given.
public struct SliceInterval: Sendable, Equatable {
    /// How the interval was computed; the raw values are the `ci_method` field of reports.
    public enum Method: String, Sendable, Codable {
        case wilson
        case percentileBootstrap = "percentile-bootstrap"
    }

    /// The slice's value; nil when undefined (no instances, or a metric with nothing to score).
    public var value: Double?
    public var lower: Double?
    public var upper: Double?
    public var method: Method?
    /// Why there is no interval (nil when there is one).
    public var reason: String?
}

/// Instances a slice needs before errata gives a percentile bootstrap interval.
///
/// The percentile bootstrap of a mean reaches its nominal 95% only as n grows: resampling
/// ignores the t-correction and shrinks the spread by √((n-1)/n), which at n = 10 leaves about
/// 90% coverage and at n = 20 about 93% (Efron & Tibshirani 1993, §13.3 and §14); below 20
/// errata prints no interval rather than one that claims more than it holds.
public let minimumBootstrapInstances = 20

/// How many resamples the bootstrap needs for a `confidence` interval: each tail must hold at
/// least one resample beyond the interval's end, `R (1 - confidence) / 2 >= 1`, else the ends
/// are simply the smallest and largest resample (40 for 95%).
public func minimumResamples(confidence: Double = 0.95) -> Int {
    Int((2 / (1 - confidence) - 1e-9).rounded(.up))  // 1e-9: 2 / 0.1 is 20.000000000000004
}

/// The value and interval of `metric` on `rows`, by the rule of `SliceInterval`.
public func sliceInterval(
    metric: some CorpusMetric, statistics: StatisticsMatrix, rows: [Int], bootstrap: BootstrapSettings
) -> SliceInterval {
    sliceIntervals(metric: metric, of: [(statistics, rows)], bootstrap: bootstrap)[0]
}

/// `sliceInterval` of each `(statistics, rows)` pair, with every bootstrap among them run in
/// one parallel pass (`BootstrapResampler.scores(of:)`): a summary's systems and slices are
/// many small jobs, each too short to keep both cores busy alone. Each result is the one
/// `sliceInterval` gives for that pair alone, bit for bit.
///
/// The slices gathered for one pass hold at most `batchValues` statistics (64 MB by default;
/// a single larger slice runs alone), so a summary of many slices of a large dataset does not
/// hold them all at once.
public func sliceIntervals(
    metric: some CorpusMetric, of requests: [(statistics: StatisticsMatrix, rows: [Int])], bootstrap: BootstrapSettings,
    batchValues: Int = 8 << 20
) -> [SliceInterval] {
    var intervals: [SliceInterval?] = []
    var pending: [(index: Int, value: Double, rows: [Int], statistics: StatisticsMatrix)] = []
    for (statistics, rows) in requests {
        let (interval, value) = intervalWithoutBootstrap(metric: metric, statistics: statistics, rows: rows)
        if interval == nil, let value { pending.append((intervals.count, value, rows, statistics)) }
        intervals.append(interval)
    }
    var start = 0
    while start < pending.count {
        var end = start, values = 0
        while end < pending.count, end == start || values + pending[end].rows.count * metric.statisticsCount <= batchValues {
            values += pending[end].rows.count * metric.statisticsCount
            end += 1
        }
        let resamplers = pending[start ..< end].map {
            BootstrapResampler(metric: metric, slice: $0.statistics.gathering(rows: $0.rows), blocks: 1)
        }
        let scores = BootstrapResampler.scores(of: resamplers, resamples: bootstrap.resamples, seed: bootstrap.seed)
        for (job, resampled) in zip(pending[start ..< end], scores) {
            let (lower, upper) = percentileInterval(resampled, confidence: 0.95)
            if let lower = lower.finiteOrNil, let upper = upper.finiteOrNil {
                intervals[job.index] = SliceInterval(value: job.value, lower: lower, upper: upper, method: .percentileBootstrap)
            } else {
                intervals[job.index] = SliceInterval(value: job.value, reason: "\(metric.name) is undefined on every resample")
            }
        }
        start = end
    }
    return intervals.map { $0! }
}

/// The interval of `rows` when it needs no bootstrap (none possible, or Wilson's); otherwise
/// nil and the slice's value, which the bootstrap's interval goes with.
private func intervalWithoutBootstrap(
    metric: some CorpusMetric, statistics: StatisticsMatrix, rows: [Int]
) -> (interval: SliceInterval?, value: Double?) {
    guard !rows.isEmpty else { return (SliceInterval(reason: "no instances"), nil) }
    let total = statistics.sum(rows: rows)
    guard let value = metric.score(total).finiteOrNil else {
        return (SliceInterval(reason: "\(metric.name) is undefined on these instances"), nil)
    }
    if let proportion = metric as? any ProportionMetric {
        let (successes, count) = proportion.counts(total)
        let wilson = wilsonInterval(successes: successes, total: count)
        return (SliceInterval(value: value, lower: wilson.lower, upper: wilson.upper, method: .wilson), nil)
    }
    guard rows.count >= minimumBootstrapInstances else {
        return (SliceInterval(value: value, reason: tooFewForBootstrap), nil)
    }
    return (nil, value)
}

/// The reason given when a slice is below `minimumBootstrapInstances`; the same words for
/// every such slice, so a table can explain them once.
let tooFewForBootstrap = "fewer than \(minimumBootstrapInstances) instances: too few for a bootstrap interval"
