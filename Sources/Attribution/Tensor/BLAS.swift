import Foundation
#if canImport(Accelerate)
import Accelerate
#endif

/// Single-precision GEMM from a system BLAS, found at run time.
///
/// errata builds with no BLAS headers or libraries: on Linux it `dlopen`s OpenBLAS
/// (`libopenblas.so.0`, Debian's `libopenblas0`) and looks up `cblas_sgemm`; on macOS it calls
/// Accelerate. When neither is there, or `ERRATA_BLAS=off`, `MatrixMultiply` falls back to its
/// SIMD kernel, so the build stays dependency-free and is fast wherever a BLAS is installed.
///
/// OpenBLAS is set to one thread: `MatrixMultiply` splits large products into row blocks on
/// Dispatch's workers itself. With OpenBLAS's own thread pool, its threads kept spinning
/// (`sched_yield`) after each product while Dispatch's workers did the element-wise work
/// between products, two pools contending for the same cores.
struct BLAS: Sendable {
    /// `C = alpha · op(A) · op(B) + beta · C`, all row-major.
    let sgemm: @Sendable (_ transposeA: Bool, _ transposeB: Bool, _ m: Int, _ n: Int, _ k: Int,
                          _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                          _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int) -> Void
    /// Where the routine came from, for reports.
    let name: String
    /// Whether the routine spreads one product over cores by itself (Accelerate); when not,
    /// `MatrixMultiply` does.
    let isParallel: Bool

    /// The system BLAS, or nil when there is none or `ERRATA_BLAS=off`.
    static let shared: BLAS? = resolve(environment: ProcessInfo.processInfo.environment)

    /// The BLAS to use under `environment`: none when `ERRATA_BLAS` is `off`.
    static func resolve(environment: [String: String]) -> BLAS? {
        environment["ERRATA_BLAS"]?.lowercased() == "off" ? nil : load()
    }

    #if canImport(Accelerate)
    static func load() -> BLAS? {
        BLAS(sgemm: { ta, tb, m, n, k, a, lda, b, ldb, beta, c, ldc in
            cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
        }, name: "Accelerate", isParallel: true)
    }
    #else
    /// The C signature of `cblas_sgemm` with OpenBLAS's 32-bit `blasint` and enum arguments.
    private typealias CBLASSgemm = @convention(c) (
        Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32,
        UnsafePointer<Float>?, Int32, Float, UnsafeMutablePointer<Float>?, Int32) -> Void

    private typealias SetThreads = @convention(c) (Int32) -> Void

    /// The handle stays open for the life of the process, as the function pointer needs it.
    static func load() -> BLAS? {
        for library in ["libopenblas.so.0", "libopenblas.so"] {
            guard let handle = dlopen(library, RTLD_NOW | RTLD_LOCAL) else { continue }
            guard let symbol = dlsym(handle, "cblas_sgemm") else { dlclose(handle); continue }
            let function = unsafeBitCast(symbol, to: CBLASSgemm.self)
            if let setThreads = dlsym(handle, "openblas_set_num_threads") {
                unsafeBitCast(setThreads, to: SetThreads.self)(1)
            }
            let rowMajor: Int32 = 101, noTranspose: Int32 = 111, transpose: Int32 = 112
            return BLAS(sgemm: { ta, tb, m, n, k, a, lda, b, ldb, beta, c, ldc in
                function(rowMajor, ta ? transpose : noTranspose, tb ? transpose : noTranspose,
                         Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
            }, name: library, isParallel: false)
        }
        return nil
    }
    #endif
}
