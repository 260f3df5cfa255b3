/// Matrix products for the transformer: a system BLAS when one loads, the SIMD kernel otherwise.
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

    /// The backend used by default: BLAS if it loaded and `ERRATA_BLAS` is not `off`.
    public static var defaultBackend: Backend { BLAS.shared == nil ? .simd : .blas }

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
        var c = Matrix(zeros: m, n)
        a.values.withUnsafeBufferPointer { pa in
            b.values.withUnsafeBufferPointer { pb in
                c.values.withUnsafeMutableBufferPointer { pc in
                    gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                         a: pa.baseAddress!, lda: a.columns, b: pb.baseAddress!, ldb: b.columns,
                         beta: 0, c: pc.baseAddress!, ldc: n, backend: backend)
                }
            }
        }
        return c
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
            blas.sgemm(transposeA, transposeB, m, n, k, a, lda, b, ldb, beta, c, ldc)
        } else {
            SIMDMatrixMultiply.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                                    a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
        }
    }
}
