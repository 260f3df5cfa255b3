import Attribution
import Foundation

/// The machine's single-precision multiply rate, as errata multiplies (`MatrixMultiply`: the
/// BLAS in use, one block per core): the yardstick for the FLOP rate that Integrated
/// Gradients reaches (`ModelFlops`). Products at the shapes one IG batch of MiniLM runs
/// (1,352 rows: 52 points of 26 tokens), one of 9,000 rows, and a large square one.
struct MultiplyRate {
    struct Shape: Codable {
        var m: Int
        var n: Int
        var k: Int
        /// Whether the second operand is used transposed, as the weights are in `x · Wᵀ`.
        var transposeB: Bool
        var seconds: TimingSummary
        /// 2mnk over the median time, in GFLOP/s.
        var gigaflopsPerSecond: Double
        /// 2mnk over the CPU seconds per product spread on the cores: the rate a shared
        /// machine inflates less, comparable with the same figure of Integrated Gradients.
        var gigaflopsPerProcessorSecondPerCore: Double
    }

    static let shapes: [(m: Int, n: Int, k: Int, transposeB: Bool)] = [
        (1352, 1152, 384, true), (1352, 384, 384, true), (1352, 1536, 384, true), (1352, 384, 1536, true),
        (1352, 384, 1536, false), (9000, 1536, 384, true), (2048, 2048, 2048, false),
    ]

    var repeats = 20

    func run() -> [Shape] {
        Self.shapes.map { shape in
            var seed: UInt32 = 1
            func values(_ count: Int) -> [Float] {
                (0 ..< count).map { _ in
                    seed = seed &* 1_664_525 &+ 1_013_904_223
                    return Float(seed >> 8) / Float(1 << 24) - 0.5
                }
            }
            let a = Matrix(rows: shape.m, columns: shape.k, values: values(shape.m * shape.k))
            let b = shape.transposeB ? Matrix(rows: shape.n, columns: shape.k, values: values(shape.n * shape.k))
                : Matrix(rows: shape.k, columns: shape.n, values: values(shape.k * shape.n))
            _ = MatrixMultiply.multiply(a, b, transposeB: shape.transposeB)
            let processorStart = Stopwatch.processorSeconds()
            let timings = (0 ..< repeats).map { _ in Stopwatch.time { MatrixMultiply.multiply(a, b, transposeB: shape.transposeB) }.seconds }
            let processorSeconds = (Stopwatch.processorSeconds() - processorStart) / Double(repeats)
            let summary = TimingSummary(timings), flops = 2 * Double(shape.m * shape.n * shape.k)
            let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
            return Shape(m: shape.m, n: shape.n, k: shape.k, transposeB: shape.transposeB, seconds: summary,
                         gigaflopsPerSecond: flops / summary.median / 1e9,
                         gigaflopsPerProcessorSecondPerCore: flops / (processorSeconds / cores) / 1e9)
        }
    }
}
