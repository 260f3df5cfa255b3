import Dispatch

/// Draws bootstrap resamples of a slice's rows and scores each, in parallel but reproducibly.
///
/// Resample `r` belongs to chunk `r / chunkSize`, and chunk `c` draws its row indices from
/// `SeededGenerator(seed:stream: c)`. Which thread runs a chunk therefore cannot change any
/// draw, and each resample's sums are accumulated in a fixed order, so the scores are
/// identical bit for bit whatever the machine's core count.
///
/// `blocks` statistics vectors of `metric.statisticsCount` values sit side by side in each row
/// of the slice (two for a paired test: baseline then system); one index draw selects the row
/// for every block, which is what pairs the resamples.
struct BootstrapResampler<Metric: CorpusMetric> {
    /// Resamples per chunk: large enough to amortise a task, small enough to balance load.
    static var chunkSize: Int { 8 }

    let metric: Metric
    let blocks: Int
    let rows: Int
    /// Statistics per row, `blocks × metric.statisticsCount`.
    let width: Int
    /// The slice column-major: column `c` is `columns[c * rows ..< (c + 1) * rows]`, so the
    /// weighted sum of each resample streams through memory (see `sumDrawnRows`).
    private let columns: [Double]

    init(metric: Metric, slice: StatisticsMatrix, blocks: Int) {
        precondition(slice.width == blocks * metric.statisticsCount,
                     "statistics width \(slice.width) does not match \(blocks) × \(metric.name) (\(metric.statisticsCount))")
        self.metric = metric
        self.blocks = blocks
        rows = slice.rows
        width = slice.width
        var columns = [Double](repeating: 0, count: slice.values.count)
        for row in 0 ..< slice.rows {
            for column in 0 ..< slice.width { columns[column * slice.rows + row] = slice[row, column] }
        }
        self.columns = columns
    }

    /// Scores of `resamples` resamples, resample-major: `scores[r * blocks + b]` is block `b`
    /// of resample `r`.
    ///
    /// - Complexity: O(`resamples` × `rows` × `width`) work, spread over all cores.
    func scores(resamples: Int, seed: UInt64) -> [Double] {
        precondition(resamples > 0, "bootstrap needs at least one resample")
        let chunkSize = Self.chunkSize
        let chunks = (resamples + chunkSize - 1) / chunkSize
        var scores = [Double](repeating: .nan, count: resamples * blocks)
        scores.withUnsafeMutableBufferPointer { output in
            let output = UncheckedSendable(output)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var generator = SeededGenerator(seed: seed, stream: UInt64(chunk))
                var counts = [UInt8](repeating: 0, count: rows)
                var sums = [Double](repeating: 0, count: width)
                let first = chunk * chunkSize
                for index in first ..< min(first + chunkSize, resamples) {
                    sumDrawnRows(counts: &counts, sums: &sums) { generator.nextIndex(below: rows) }
                    let statisticsCount = metric.statisticsCount
                    for block in 0 ..< blocks {
                        output.value[index * blocks + block] = sums[block * statisticsCount ..< (block + 1) * statisticsCount]
                            .withUnsafeBufferPointer { metric.score($0) }
                    }
                }
            }
        }
        return scores
    }

    /// Draws `rows` row indices with `draw` and leaves the column sums of the drawn rows in
    /// `sums`; `counts` is scratch space of `rows` bytes.
    ///
    /// Draws are tallied in `counts`, one byte per row, and each column is then summed weighted
    /// by the counts in one sequential pass. Gathering each drawn row directly would touch the
    /// slice at random; for a million rows that is several times slower than the tally, whose
    /// bytes stay in cache. A count that wraps past 255 (possible only for slices of 256 rows
    /// or more, and there vanishingly rare) moves 256 copies of its row into `sums` first, so
    /// the result is still the weighted sum. With integer statistics all sums are exact, hence
    /// equal to adding the drawn rows one by one.
    @inline(__always)
    func sumDrawnRows(counts: inout [UInt8], sums: inout [Double], draw: () -> Int) {
        let rows = rows, width = width
        columns.withUnsafeBufferPointer { columns in
            counts.withUnsafeMutableBufferPointer { counts in
                sums.withUnsafeMutableBufferPointer { sums in
                    counts.update(repeating: 0)
                    sums.update(repeating: 0)
                    for _ in 0 ..< rows {
                        let row = draw()
                        let (count, wrapped) = counts[row].addingReportingOverflow(1)
                        counts[row] = count
                        if wrapped {
                            for column in 0 ..< width { sums[column] += 256 * columns[column * rows + row] }
                        }
                    }
                    for column in 0 ..< width {
                        let values = UnsafeBufferPointer(rebasing: columns[column * rows ..< (column + 1) * rows])
                        sums[column] += weightedSum(values, UnsafeBufferPointer(counts))
                    }
                }
            }
        }
    }
}

/// `Σ weights[i] × values[i]` with four running sums, so consecutive additions do not wait on
/// each other (a single running sum is bound by floating-point add latency).
private func weightedSum(_ values: UnsafeBufferPointer<Double>, _ weights: UnsafeBufferPointer<UInt8>) -> Double {
    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
    var i = 0
    let count = values.count
    while i + 4 <= count {
        s0 += Double(weights[i]) * values[i]
        s1 += Double(weights[i + 1]) * values[i + 1]
        s2 += Double(weights[i + 2]) * values[i + 2]
        s3 += Double(weights[i + 3]) * values[i + 3]
        i += 4
    }
    while i < count {
        s0 += Double(weights[i]) * values[i]
        i += 1
    }
    return (s0 + s1) + (s2 + s3)
}
