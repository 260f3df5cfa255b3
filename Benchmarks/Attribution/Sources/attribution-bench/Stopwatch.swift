import Foundation

/// Wall-clock timing on the monotonic clock, in seconds; and the process's CPU time, which a
/// machine shared with other jobs inflates far less than wall time (both cores busy with
/// other builds stretched IG's wall time tenfold, its CPU time by a fifth).
enum Stopwatch {
    /// User and system CPU seconds of this process (all its threads) so far.
    static func processorSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The result of `work` and the seconds it took.
    static func time<T>(_ work: () throws -> T) rethrows -> (result: T, seconds: Double) {
        let clock = ContinuousClock()
        var result: T?
        let elapsed = try clock.measure { result = try work() }
        let (seconds, attoseconds) = elapsed.components
        return (result!, Double(seconds) + Double(attoseconds) * 1e-18)
    }
}

/// Median, minimum, mean and total of repeated timings: the median resists the outliers that
/// other jobs on a shared machine cause, the minimum shows the machine's best.
struct TimingSummary: Codable {
    var count: Int
    var median: Double
    var min: Double
    var mean: Double
    var total: Double

    init(_ seconds: [Double]) {
        precondition(!seconds.isEmpty, "no timings")
        let sorted = seconds.sorted()
        let middle = sorted.count / 2
        count = sorted.count
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        min = sorted[0]
        total = sorted.reduce(0, +)
        mean = total / Double(sorted.count)
    }
}
