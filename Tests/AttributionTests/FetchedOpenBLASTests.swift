import ErrataTestSupport
import Foundation
import Testing
@testable import Attribution

/// OpenBLAS from the pinned `scipy-openblas32` wheel: fetched into the model cache (once per
/// machine), loaded with its `scipy_` symbols, and checked like the other kernels; and the
/// ways choosing a BLAS falls back without stopping.
@Suite struct FetchedOpenBLASTests {
    static let wheelPinned = ModelPackage.openblas != nil

    @Test(.enabled(if: wheelPinned, "no OpenBLAS wheel is pinned for this processor"))
    func fetchedLibraryMatchesTheReference() throws {
        let blas = try BLAS.fetched(environment: ProcessInfo.processInfo.environment)
        #expect(blas.name.hasPrefix("OpenBLAS 0.3.34.481.3, "))
        #expect(blas.name.hasSuffix("/scipy-openblas32-0.3.34.481.3/libscipy_openblas.so)"))
        MatrixMultiplyTests.checkAllTranspositions(label: blas.name) { a, b, transposeA, transposeB in
            let m = transposeA ? a.columns : a.rows, n = transposeB ? b.rows : b.columns, k = transposeA ? a.rows : a.columns
            var c = [Float](repeating: .nan, count: m * n)
            blas.sgemm(transposeA, transposeB, m, n, k, a.values, a.columns, b.values, b.columns, 0, &c, n)
            return Matrix(rows: m, columns: n, values: c)
        }
    }

    /// A wheel whose SHA-256 is not the pinned one is not unpacked or loaded: the choice falls
    /// back to the SIMD kernel with one line saying why.
    @Test(.enabled(if: wheelPinned, "no OpenBLAS wheel is pinned for this processor"))
    func aWheelWithTheWrongChecksumIsRefused() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let wheel = try folder.write(ModelPackage.openblas!.wheelName, "not the wheel")
        let cache = folder.url.appendingPathComponent("cache")
        let environment = ["ERRATA_BLAS": "fetched", "ERRATA_OPENBLAS_PATH": wheel, "ERRATA_MODEL_CACHE": cache.path]
        let notices = Collector<String>()
        #expect(BLAS.resolve(environment: environment, notice: notices.append) == nil)
        #expect(notices.items.count == 1)
        let notice = notices.items.first ?? ""
        #expect(notice.hasPrefix("\(wheel) has SHA-256 "))
        #expect(notice.contains(", expected \(ModelPackage.openblas!.sha256). "))
        #expect(notice.hasSuffix("Matrix products use errata's SIMD kernel (2-3x slower); ERRATA_BLAS=off skips OpenBLAS."))
        #expect(!notice.contains("\n"))
        #expect(!FileManager.default.fileExists(atPath: cache.appendingPathComponent(ModelPackage.openblas!.cacheName).path))
    }

    /// Offline (the cache empty and the download failing), the fetch falls back too.
    @Test(.enabled(if: wheelPinned, "no OpenBLAS wheel is pinned for this processor"))
    func aFailedFetchFallsBackToTheSIMDKernel() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let notices = Collector<String>()
        let missing = folder.url.appendingPathComponent("nowhere").path
        let environment = ["ERRATA_BLAS": "fetched", "ERRATA_OPENBLAS_PATH": missing, "ERRATA_MODEL_CACHE": folder.url.path]
        #expect(BLAS.resolve(environment: environment, notice: notices.append) == nil)
        #expect(notices.items == ["ERRATA_OPENBLAS_PATH=\(missing) does not exist. Matrix products use errata's SIMD kernel (2-3x slower); ERRATA_BLAS=off skips OpenBLAS."])
    }

    @Test func theSystemLibraryComesFirstAndUnknownChoicesSaySo() {
        let notices = Collector<String>()
        let system = BLAS.system()
        #expect(BLAS.resolve(environment: ["ERRATA_BLAS": "System"], notice: notices.append)?.name == system?.name)
        if let system {
            #expect(system.name.hasPrefix("OpenBLAS "))
            #expect(BLAS.resolve(environment: ["ERRATA_BLAS": "sometimes"], notice: notices.append)?.name == system.name)
            #expect(notices.items == ["ERRATA_BLAS=sometimes is not one of auto, system, fetched, off; using auto"])
        } else {
            #expect(notices.items.count == 1)
        }
    }
}
