import Foundation

/// Splits element-wise work over blocks of rows across cores.
///
/// Everything between the matrix products (GELU, LayerNorm with its residual addition) would
/// otherwise run on one thread while the other cores wait for the next product. Each block
/// does exactly the per-element arithmetic of the single-threaded loop, so results do not
/// depend on the number of cores. Small inputs stay on the calling thread: below
/// `minimumElements` the cost of waking threads exceeds the work.
enum RowBlocks {
    static let minimumElements = 1 << 14

    /// Calls `body` with disjoint row ranges covering `0 ..< rows`, in parallel when
    /// `rows × columns` is large enough.
    static func forEach(rows: Int, columns: Int, _ body: @Sendable (Range<Int>) -> Void) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard rows > 1, cores > 1, rows * columns > minimumElements else {
            body(0 ..< rows)
            return
        }
        let blocks = min(rows, cores * 2)
        DispatchQueue.concurrentPerform(iterations: blocks) { block in
            body(rows * block / blocks ..< rows * (block + 1) / blocks)
        }
    }
}
