import Dispatch

/// Paired approximate randomization test of "no difference between two systems" (Noreen,
/// "Computer-Intensive Methods for Testing Hypotheses", 1989; for MT, Riezler & Maxwell, "On
/// some pitfalls in automatic evaluation and significance testing for MT", 2005).
///
/// Under the null hypothesis the two systems' outputs are exchangeable on each instance, so
/// swapping them on any subset of instances gives an equally likely outcome. Each assignment
/// of swaps is scored the way the slice is: the swapped rows' statistics trade places in the
/// two sums and the corpus metric scores each sum, so BLEU and chrF are tested at corpus level,
/// not as a mean of sentence scores. The p-value is the share of assignments whose absolute
/// difference is at least the observed one.
///
/// Why not the paired bootstrap's p-value: resampled differences around the observed one say
/// nothing about the null when they have no spread (one instance, or identical rows), and then
/// sit at the floor 1/(R+1) however little data there is. The randomization test is valid at
/// every n: with one instance the only alternative assignment mirrors the observed one, so p = 1.
///
/// - Up to `exactLimit` instances every assignment is enumerated (exact test). Swapping every
///   instance mirrors the difference, so only the 2^(n-1) assignments that keep the last
///   instance in place are visited, in Gray-code order (one row changes sides per step).
/// - Beyond, `samples` assignments are drawn with a fair coin per instance, seeded and chunked
///   like `BootstrapResampler` so the result does not depend on the number of cores, and
///   p = (c + 1) / (R + 1) with c the number of draws at least as extreme (Davison & Hinkley
///   1997, ch. 4). When c = 0, p sits at that floor and the true value is below it:
///   `pIsUpperBound` says so.
///
/// Differences that agree with the observed one to within rounding (relative 1e-9) count as
/// at least as extreme, so re-summing in another order cannot turn a tie into a win.
///
/// - Complexity: exact O(2^(n-1) × width); sampled O(`samples` × n × width), parallel.
public func pairedRandomization(
    metric: some CorpusMetric,
    baseline: StatisticsMatrix,
    system: StatisticsMatrix,
    rows: [Int],
    samples: Int = 1000,
    seed: UInt64 = defaultBootstrapSeed,
    exactLimit: Int = pairedRandomizationExactLimit
) -> PairedTestResult {
    precondition(baseline.rows == system.rows && baseline.width == system.width,
                 "baseline and system statistics must have the same shape")
    precondition(baseline.width == metric.statisticsCount, "statistics width does not match \(metric.name)")
    precondition(samples > 0, "the randomization test needs at least one sample")
    let swaps = SwapStatistics(baseline: baseline, system: system, rows: rows)
    let observed = swaps.difference(metric, swapped: [Double](repeating: 0, count: swaps.width))
    guard !rows.isEmpty, !observed.isNaN else {
        return PairedTestResult(method: .randomizationExact, pValue: .nan, pIsUpperBound: false)
    }
    let threshold = observed.magnitude * (1 - 1e-9)
    if rows.count <= exactLimit {
        let extreme = swaps.countExhaustively(metric, atLeast: threshold)
        let assignments = 1 << (rows.count - 1)
        return PairedTestResult(method: .randomizationExact, pValue: Double(extreme) / Double(assignments), pIsUpperBound: false)
    }
    let extreme = swaps.countSampled(metric, atLeast: threshold, samples: samples, seed: seed)
    return PairedTestResult(method: .randomizationSampled, pValue: Double(extreme + 1) / Double(samples + 1),
                            pIsUpperBound: extreme == 0)
}

/// Instances up to which `pairedRandomization` enumerates every assignment (2^15 of them).
public let pairedRandomizationExactLimit = 16

/// The two systems' summed statistics and, per row, what swapping that row moves between them.
private struct SwapStatistics {
    let width: Int
    let rows: Int
    let baselineTotal: [Double]
    let systemTotal: [Double]
    /// Row-major `system - baseline` per row: swapping row i adds it to the baseline's sum and
    /// takes it from the system's.
    let shifts: [Double]

    init(baseline: StatisticsMatrix, system: StatisticsMatrix, rows selection: [Int]) {
        width = baseline.width
        rows = selection.count
        baselineTotal = baseline.sum(rows: selection)
        systemTotal = system.sum(rows: selection)
        var shifts = [Double](repeating: 0, count: selection.count * baseline.width)
        for (k, row) in selection.enumerated() {
            for c in 0 ..< width { shifts[k * width + c] = system[row, c] - baseline[row, c] }
        }
        self.shifts = shifts
    }

    /// `score(system) - score(baseline)` once the rows summed in `swapped` have changed sides.
    func difference(_ metric: some CorpusMetric, swapped: [Double]) -> Double {
        var a = baselineTotal, b = systemTotal
        for c in 0 ..< width {
            a[c] += swapped[c]
            b[c] -= swapped[c]
        }
        return metric.score(b) - metric.score(a)
    }

    /// How many of the 2^(rows-1) assignments with the last row in place reach `threshold`.
    func countExhaustively(_ metric: some CorpusMetric, atLeast threshold: Double) -> Int {
        var swapped = [Double](repeating: 0, count: width)
        var isSwapped = [Bool](repeating: false, count: rows)
        var extreme = difference(metric, swapped: swapped).magnitude >= threshold ? 1 : 0
        let assignments = 1 << (rows - 1)
        for step in stride(from: 1, to: assignments, by: 1) {
            let row = step.trailingZeroBitCount  // Gray code: the bit that changes at `step`
            let sign: Double = isSwapped[row] ? -1 : 1
            isSwapped[row].toggle()
            for c in 0 ..< width { swapped[c] += sign * shifts[row * width + c] }
            if difference(metric, swapped: swapped).magnitude >= threshold { extreme += 1 }
        }
        return extreme
    }

    /// How many of `samples` random assignments reach `threshold`; chunk `k` of
    /// `BootstrapResampler.chunkSize` draws uses stream `k` of `seed`.
    func countSampled(_ metric: some CorpusMetric, atLeast threshold: Double, samples: Int, seed: UInt64) -> Int {
        let chunkSize = 8
        let chunks = (samples + chunkSize - 1) / chunkSize
        var perChunk = [Int](repeating: 0, count: chunks)
        perChunk.withUnsafeMutableBufferPointer { output in
            let output = UncheckedSendable(output)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var generator = SeededGenerator(seed: seed, stream: UInt64(chunk))
                var swapped = [Double](repeating: 0, count: width)
                var extreme = 0
                for _ in chunk * chunkSize ..< min((chunk + 1) * chunkSize, samples) {
                    swapped.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
                    var bits: UInt64 = 0
                    for row in 0 ..< rows {
                        if row % 64 == 0 { bits = generator.next() }
                        if bits & 1 == 1 {
                            for c in 0 ..< width { swapped[c] += shifts[row * width + c] }
                        }
                        bits >>= 1
                    }
                    if difference(metric, swapped: swapped).magnitude >= threshold { extreme += 1 }
                }
                output.value[chunk] = extreme
            }
        }
        return perChunk.reduce(0, +)
    }
}
