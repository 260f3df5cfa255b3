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
    /// The draws and sums, which know nothing of the metric (see `ResampleKernel`).
    let kernel: ResampleKernel

    var rows: Int { kernel.rows }
    /// Statistics per row, `blocks × metric.statisticsCount`.
    var width: Int { kernel.width }

    init(metric: Metric, slice: StatisticsMatrix, blocks: Int) {
        precondition(slice.width == blocks * metric.statisticsCount,
                     "statistics width \(slice.width) does not match \(blocks) × \(metric.name) (\(metric.statisticsCount))")
        self.metric = metric
        self.blocks = blocks
        kernel = ResampleKernel(slice: slice)
    }

    /// Scores of `resamples` resamples, resample-major: `scores[r * blocks + b]` is block `b`
    /// of resample `r`.
    ///
    /// - Complexity: O(`resamples` × `rows` × `width`) work, spread over all cores.
    func scores(resamples: Int, seed: UInt64) -> [Double] {
        Self.scores(of: [self], resamples: resamples, seed: seed)[0]
    }

    /// `scores(resamples:seed:)` of every resampler, in one parallel pass over all their chunks:
    /// many small slices (one per system and value of a `--by`) keep both cores busy to the end
    /// instead of meeting at a barrier after each. Resampler `i`'s chunk `c` still draws from
    /// stream `c` of `seed`, so each result is the one it would have had alone.
    static func scores(of resamplers: [Self], resamples: Int, seed: UInt64) -> [[Double]] {
        precondition(resamples > 0, "bootstrap needs at least one resample")
        let chunkSize = Self.chunkSize
        let chunks = (resamples + chunkSize - 1) / chunkSize
        // All scores in one buffer, resampler after resampler, split into arrays at the end.
        let offsets = resamplers.reduce(into: [0]) { $0.append($0.last! + resamples * $1.blocks) }
        var flat = [Double](repeating: .nan, count: offsets.last!)
        flat.withUnsafeMutableBufferPointer { flat in
            let flat = UncheckedSendable(flat)
            DispatchQueue.concurrentPerform(iterations: resamplers.count * chunks) { task in
                let resampler = resamplers[task / chunks], chunk = task % chunks
                let output = flat.value.baseAddress! + offsets[task / chunks]
                let kernel = resampler.kernel, metric = resampler.metric, blocks = resampler.blocks
                let statisticsCount = metric.statisticsCount
                var generator = SeededGenerator(seed: seed, stream: UInt64(chunk))
                let counts = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: kernel.rows)
                let sums = UnsafeMutableBufferPointer<Double>.allocate(capacity: kernel.width)
                defer { counts.deallocate(); sums.deallocate() }
                let first = chunk * chunkSize
                for index in first ..< min(first + chunkSize, resamples) {
                    kernel.sumDrawnRows(using: &generator, counts: counts, sums: sums)
                    for block in 0 ..< blocks {
                        output[index * blocks + block] = metric.score(UnsafeBufferPointer(
                            rebasing: sums[block * statisticsCount ..< (block + 1) * statisticsCount]))
                    }
                }
            }
        }
        return resamplers.indices.map { Array(flat[offsets[$0] ..< offsets[$0 + 1]]) }
    }
}

/// A slice's statistics column-major, and the resampling loop over them: deliberately not
/// generic, so the loop that runs once per drawn row is compiled for `SeededGenerator` and
/// these arrays alone. Inside the generic `BootstrapResampler`, reached through an `any
/// CorpusMetric`, the same loop ran unspecialised and looked up generic metadata for every
/// drawn row (a fifth of `errata summary`'s time).
struct ResampleKernel: Sendable {
    let rows: Int
    let width: Int
    /// Column `c` is `columns[c * rows ..< (c + 1) * rows]`, so the weighted sum of each
    /// resample streams through memory (see `sumDrawnRows`).
    private let columns: [Double]

    init(slice: StatisticsMatrix) {
        rows = slice.rows
        width = slice.width
        var columns = [Double](repeating: 0, count: slice.values.count)
        for row in 0 ..< slice.rows {
            for column in 0 ..< slice.width { columns[column * slice.rows + row] = slice[row, column] }
        }
        self.columns = columns
    }

    /// Draws `rows` indices from `generator` and leaves the column sums of the drawn rows in `sums`.
    func sumDrawnRows(using generator: inout SeededGenerator, counts: UnsafeMutableBufferPointer<UInt8>,
                      sums: UnsafeMutableBufferPointer<Double>) {
        let rows = rows
        sumDrawnRows(counts: counts, sums: sums) { generator.nextIndex(below: rows) }
    }

    /// Draws `rows` row indices with `draw` and leaves the column sums of the drawn rows in
    /// `sums` (`width` values); `counts` is scratch space of `rows` bytes.
    ///
    /// Draws are tallied in `counts`, one byte per row, and each column is then summed weighted
    /// by the counts in one sequential pass. Gathering each drawn row directly would touch the
    /// slice at random; for a million rows that is several times slower than the tally, whose
    /// bytes stay in cache. A count that wraps past 255 (possible only for slices of 256 rows
    /// or more, and there vanishingly rare) moves 256 copies of its row into `sums` first, so
    /// the result is still the weighted sum. With integer statistics all sums are exact, hence
    /// equal to adding the drawn rows one by one.
    @inline(__always)
    func sumDrawnRows(counts: UnsafeMutableBufferPointer<UInt8>, sums: UnsafeMutableBufferPointer<Double>, draw: () -> Int) {
        let rows = rows, width = width
        columns.withUnsafeBufferPointer { columns in
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
