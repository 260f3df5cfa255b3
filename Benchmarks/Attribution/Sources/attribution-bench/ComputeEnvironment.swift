import Attribution
import Foundation

/// Which matrix kernel errata runs and on how many threads, so that a timing is read with its
/// conditions: the OpenBLAS library (the system's or the one fetched from the scipy-openblas32
/// wheel), its version and the core kernel it picked for this CPU (`OPENBLAS_CORETYPE` can
/// force an older one), or the SIMD fallback; Dispatch runs one worker per active processor.
struct ComputeEnvironment: Codable {
    var backend: String
    var kernel: String
    var dispatchThreads: Int
    var environment: [String: String]

    static func current() -> ComputeEnvironment {
        let variables = ["ERRATA_BLAS", "OPENBLAS_NUM_THREADS", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OMP_NUM_THREADS"]
        return ComputeEnvironment(
            backend: MatrixMultiply.defaultBackend.rawValue, kernel: MatrixMultiply.kernelDescription,
            dispatchThreads: ProcessInfo.processInfo.activeProcessorCount,
            environment: ProcessInfo.processInfo.environment.filter { variables.contains($0.key) })
    }
}
