import Foundation
#if canImport(Accelerate)
import Accelerate
#endif

/// Single-precision GEMM from an OpenBLAS loaded at run time (Accelerate on macOS).
///
/// errata builds with no BLAS headers or libraries. On Linux it takes the first of these that
/// loads (`ERRATA_BLAS` picks one: `system`, `fetched`, `off`; `auto`, the default, tries them
/// in this order):
/// 1. the system's OpenBLAS, `libopenblas.so.0` (Debian's `libopenblas0`);
/// 2. OpenBLAS from the `scipy-openblas32` wheel, the build numpy and scipy ship, fetched from
///    PyPI into the model cache on first use (pinned version and SHA-256, with a progress bar,
///    as the encoder is; its symbols carry a `scipy_` prefix), so a machine without a BLAS
///    package still multiplies at OpenBLAS's speed;
/// 3. none: `MatrixMultiply` falls back to its SIMD kernel, two to three times slower.
///
/// A fetch that fails (offline, a checksum that does not match) prints one line on standard
/// error and falls back to the SIMD kernel; it never stops the command.
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
    /// Which library, version and kernel, for reports ("OpenBLAS 0.3.21, Cooperlake kernel
    /// (libopenblas.so.0)").
    let name: String
    /// Whether the routine spreads one product over cores by itself (Accelerate); when not,
    /// `MatrixMultiply` does.
    let isParallel: Bool

    /// Where the routine may come from, in the order `auto` tries them.
    enum Source: String, CaseIterable, Sendable {
        case auto, system, fetched, off
    }

    /// The BLAS in use, or nil for the SIMD kernel.
    static let shared: BLAS? = resolve(environment: ProcessInfo.processInfo.environment, notice: printNotice)

    /// The BLAS `ERRATA_BLAS` asks for under `environment`, falling back as the type's comment
    /// says; `notice` gets one line when a choice fails or the variable is not understood.
    static func resolve(environment: [String: String], notice: (String) -> Void = { _ in }) -> BLAS? {
        let given = environment["ERRATA_BLAS"]?.lowercased() ?? ""
        let source: Source
        if given.isEmpty {
            source = .auto
        } else if let known = Source(rawValue: given) {
            source = known
        } else {
            notice("ERRATA_BLAS=\(given) is not one of \(Source.allCases.map(\.rawValue).joined(separator: ", ")); using auto")
            source = .auto
        }
        switch source {
        case .off: return nil
        case .system: return system() ?? fallBack("ERRATA_BLAS=system, but no system OpenBLAS (libopenblas.so.0) loads.", notice)
        case .fetched, .auto:
            if source == .auto, let system = system() { return system }
            do {
                return try fetched(environment: environment)
            } catch {
                // The first line of the fetch error; its manual instructions are in the docs.
                let reason = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
                return fallBack(reason, notice)
            }
        }
    }

    private static func fallBack(_ reason: String, _ notice: (String) -> Void) -> BLAS? {
        let sentence = reason.hasSuffix(".") ? String(reason.dropLast()) : reason
        notice("\(sentence). Matrix products use errata's SIMD kernel (2-3x slower); ERRATA_BLAS=off skips OpenBLAS.")
        return nil
    }

    /// Prints a notice on standard error, unless a full-screen program owns the terminal.
    private static func printNotice(_ line: String) {
        guard ProgressBar.enabled.isOn else { return }
        FileHandle.standardError.write(Data("errata: \(line)\n".utf8))
    }

    #if canImport(Accelerate)
    static func system() -> BLAS? {
        BLAS(sgemm: { ta, tb, m, n, k, a, lda, b, ldb, beta, c, ldc in
            cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
        }, name: "Accelerate", isParallel: true)
    }

    static func fetched(environment: [String: String]) throws -> BLAS {
        throw ModelError.fetchFailed("no OpenBLAS wheel is pinned for this system.")
    }
    #else
    static func system() -> BLAS? {
        ["libopenblas.so.0", "libopenblas.so"].lazy.compactMap { open($0, prefix: "") }.first
    }

    /// OpenBLAS from the pinned `scipy-openblas32` wheel, fetched into the cache if needed.
    static func fetched(environment: [String: String]) throws -> BLAS {
        guard let package = ModelPackage.openblas else {
            throw ModelError.fetchFailed("no OpenBLAS wheel is pinned for this processor.")
        }
        let library = try ModelStore.directory(for: package, environment: environment)
            .appendingPathComponent(ModelPackage.openblasLibrary).path
        guard let blas = open(library, prefix: "scipy_") else {
            throw ModelError.fetchFailed("\(library) does not load or has no scipy_cblas_sgemm.")
        }
        return blas
    }

    /// The C signature of `cblas_sgemm` with OpenBLAS's 32-bit `blasint` and enum arguments.
    private typealias CBLASSgemm = @convention(c) (
        Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32,
        UnsafePointer<Float>?, Int32, Float, UnsafeMutablePointer<Float>?, Int32) -> Void
    private typealias SetThreads = @convention(c) (Int32) -> Void
    private typealias Text = @convention(c) () -> UnsafePointer<CChar>?

    /// OpenBLAS at `library` (a name the loader searches for, or a path), whose symbols
    /// carry `prefix`; nil when it does not load. The handle stays open for the life of the
    /// process, as the function pointer needs it.
    static func open(_ library: String, prefix: String) -> BLAS? {
        guard let handle = dlopen(library, RTLD_NOW | RTLD_LOCAL) else { return nil }
        guard let symbol = dlsym(handle, prefix + "cblas_sgemm") else {
            dlclose(handle)
            return nil
        }
        let function = unsafeBitCast(symbol, to: CBLASSgemm.self)
        if let setThreads = dlsym(handle, prefix + "openblas_set_num_threads") {
            unsafeBitCast(setThreads, to: SetThreads.self)(1)
        }
        func text(_ name: String) -> String? {
            guard let symbol = dlsym(handle, prefix + name), let value = unsafeBitCast(symbol, to: Text.self)() else { return nil }
            return String(cString: value)
        }
        // "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH ...": the second word is the version.
        let version = text("openblas_get_config")?.split(separator: " ").dropFirst().first.map { " \($0)" } ?? ""
        let core = text("openblas_get_corename").map { ", \($0) kernel" } ?? ""
        let rowMajor: Int32 = 101, noTranspose: Int32 = 111, transpose: Int32 = 112
        return BLAS(sgemm: { ta, tb, m, n, k, a, lda, b, ldb, beta, c, ldc in
            function(rowMajor, ta ? transpose : noTranspose, tb ? transpose : noTranspose,
                     Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
        }, name: "OpenBLAS\(version)\(core) (\(library))", isParallel: false)
    }
    #endif
}
