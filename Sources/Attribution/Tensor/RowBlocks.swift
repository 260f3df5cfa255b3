import Foundation

/// Splits element-wise work over blocks of rows across cores.
///
/// Everything between the matrix products (GELU, LayerNorm, softmax, residual additions) would
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

    /// `target += addend`, element by element (the residual connections).
    static func add(_ addend: Matrix, to target: inout Matrix) {
        precondition(addend.values.count == target.values.count, "residual addition of matrices of different sizes")
        let columns = target.columns
        addend.values.withUnsafeBufferPointer { a in
            target.values.withUnsafeMutableBufferPointer { t in
                let ap = SendableReadPointer(a.baseAddress!), tp = SendablePointer(t.baseAddress!)
                forEach(rows: target.rows, columns: columns) { rows in
                    for i in rows.lowerBound * columns ..< rows.upperBound * columns { tp.base[i] += ap.base[i] }
                }
            }
        }
    }
}
