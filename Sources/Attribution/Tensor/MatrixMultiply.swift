import Foundation

/// Matrix products for the transformer: OpenBLAS when one loads, the SIMD kernel otherwise.
///
/// Both paths compute `C = op(A) · op(B) + beta · C` on row-major storage with leading
/// dimensions, so attention can multiply one head's columns of Q, K and V in place.
public enum MatrixMultiply {
    public enum Backend: String, Sendable, CaseIterable {
        /// OpenBLAS (Linux, loaded at run time) or Accelerate (macOS).
        case blas
        /// The portable register-blocked Swift kernel.
        case simd
    }

    /// The backend used by default: BLAS if one loaded (the system's or the fetched OpenBLAS,
    /// see `BLAS`) and `ERRATA_BLAS` is not `off`. The first call resolves it, which may fetch
    /// OpenBLAS: programs with a screen make it from a job, not the UI thread.
    public static var defaultBackend: Backend { BLAS.shared == nil ? .simd : .blas }

    /// Which kernel multiplies, for reports: the BLAS's library, version and core, or the SIMD
    /// kernel. Resolves the BLAS as `defaultBackend` does.
    public static var kernelDescription: String { BLAS.shared?.name ?? "errata's SIMD kernel" }

    /// Whether `backend` can run on this machine.
    public static func isAvailable(_ backend: Backend) -> Bool {
        backend == .simd || BLAS.shared != nil
    }

    /// `op(a) · op(b)` as a new matrix.
    public static func multiply(_ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false,
                                backend: Backend = defaultBackend) -> Matrix {
        let m = transposeA ? a.columns : a.rows, k = transposeA ? a.rows : a.columns
        let kb = transposeB ? b.columns : b.rows, n = transposeB ? b.rows : b.columns
        precondition(k == kb, "inner dimensions differ: \(k) and \(kb)")
        // Not zeroed first: with beta 0 the product overwrites every element.
        let values = [Float](unsafeUninitializedCapacity: m * n) { pc, initialized in
            guard let out = pc.baseAddress else { return }
            a.values.withUnsafeBufferPointer { pa in
                b.values.withUnsafeBufferPointer { pb in
                    gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                         a: pa.baseAddress!, lda: a.columns, b: pb.baseAddress!, ldb: b.columns,
                         beta: 0, c: out, ldc: n, backend: backend)
                }
            }
            initialized = m * n
        }
        return Matrix(rows: m, columns: n, values: values)
    }

    /// How many blocks to split a product into, one per core: none below 2^18 multiply-adds,
    /// where waking a thread costs more than it saves, and never blocks narrower than 16 rows
    /// or columns, which the BLAS kernels handle poorly.
    static func blocks(m: Int, n: Int, k: Int) -> Int {
        guard m * n * k >= 1 << 18 else { return 1 }
        return max(1, min(ProcessInfo.processInfo.activeProcessorCount, max(m, n) / 16))
    }

    /// `C = op(A) · op(B) + beta · C` on raw storage (`beta` 0 overwrites, 1 accumulates).
    static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
                     a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                     beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int,
                     backend: Backend = defaultBackend) {
        guard m > 0, n > 0 else { return }
        if k == 0 {
            for i in 0 ..< m { for j in 0 ..< n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] } }
            return
        }
        if backend == .blas, let blas = BLAS.shared {
            let blocks = blas.isParallel ? 1 : Self.blocks(m: m, n: n, k: k)
            guard blocks > 1 else { return blas.sgemm(transposeA, transposeB, m, n, k, a, lda, b, ldb, beta, c, ldc) }
            let pa = SendableReadPointer(a), pb = SendableReadPointer(b), pc = SendablePointer(c)
            // Each block packs the whole of the operand it does not split, so split the longer
            // side of C: rows (of op(A)) for tall products, columns (of op(B)) for wide ones.
            let splitRows = m >= n
            DispatchQueue.concurrentPerform(iterations: blocks) { block in
                let length = splitRows ? m : n
                let start = length * block / blocks, count = length * (block + 1) / blocks - start
                if splitRows {
                    // Row i of op(A) starts at row i of A, or at column i when A is transposed.
                    blas.sgemm(transposeA, transposeB, count, n, k, pa.base + (transposeA ? start : start * lda), lda,
                               pb.base, ldb, beta, pc.base + start * ldc, ldc)
                } else {
                    // Column j of op(B) starts at column j of B, or at row j when B is transposed.
                    blas.sgemm(transposeA, transposeB, m, count, k, pa.base, lda,
                               pb.base + (transposeB ? start * ldb : start), ldb, beta, pc.base + start, ldc)
                }
            }
        } else {
            SIMDMatrixMultiply.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                                    a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
        }
    }
}
