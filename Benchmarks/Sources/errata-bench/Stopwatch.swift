/// Wall-clock timing of a workload: warm-up runs (one by default), then `repeats` timed runs.
///
/// The warm-up fills caches (the file in the page cache, lazily built tables) so that the
/// figures are steady-state ones, as for pandas in compare.py. The median is the headline
/// figure; the minimum shows the cost without interference from the other core's load.
struct Timing: Encodable {
    var medianMs: Double
    var minMs: Double
    var runs: Int
}

enum Stopwatch {
    /// Times `repeats` calls of `body` after `warmups` untimed ones; returns the timing and
    /// the last result.
    static func measure<T>(repeats: Int, warmups: Int, _ body: () throws -> T) rethrows -> (Timing, T) {
        var result: T?
        for _ in 0 ..< warmups { result = try body() }
        let timing = try time(repeats: repeats) { result = try body() }
        return (timing, result!)
    }

    /// Times `repeats` calls of `body`, with no warm-up (the caller has done one).
    static func time(repeats: Int, _ body: () throws -> Void) rethrows -> Timing {
        let clock = ContinuousClock()
        var samples: [Double] = []
        for _ in 0 ..< repeats {
            let elapsed = try clock.measure(body)
            samples.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15)
        }
        samples.sort()
        let middle = samples.count / 2
        let median = samples.count % 2 == 1 ? samples[middle] : (samples[middle - 1] + samples[middle]) / 2
        return Timing(medianMs: median, minMs: samples[0], runs: samples.count)
    }
}
