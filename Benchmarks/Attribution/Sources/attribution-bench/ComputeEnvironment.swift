import Attribution
import Foundation

/// Which matrix kernel errata runs and on how many threads, so that a timing is read with its
/// conditions: OpenBLAS picks its kernel by CPU (`OPENBLAS_CORETYPE` can force an older one)
/// and its thread count from the environment; the SIMD fallback and the attention loop use
/// Dispatch, which runs one worker per active processor.
struct ComputeEnvironment: Codable {
    var backend: String
    var openblasCore: String?
    var openblasConfig: String?
    var openblasThreads: Int?
    var dispatchThreads: Int
    var environment: [String: String]

    static func current() -> ComputeEnvironment {
        let variables = ["ERRATA_BLAS", "OPENBLAS_NUM_THREADS", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OMP_NUM_THREADS"]
        let given = ProcessInfo.processInfo.environment.filter { variables.contains($0.key) }
        var result = ComputeEnvironment(
            backend: MatrixMultiply.defaultBackend.rawValue, openblasCore: nil, openblasConfig: nil,
            openblasThreads: nil, dispatchThreads: ProcessInfo.processInfo.activeProcessorCount, environment: given)
        guard MatrixMultiply.defaultBackend == .blas, let handle = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_LOCAL) else {
            return result
        }
        typealias Text = @convention(c) () -> UnsafePointer<CChar>?
        typealias Count = @convention(c) () -> Int32
        if let symbol = dlsym(handle, "openblas_get_corename"), let name = unsafeBitCast(symbol, to: Text.self)() {
            result.openblasCore = String(cString: name)
        }
        if let symbol = dlsym(handle, "openblas_get_config"), let config = unsafeBitCast(symbol, to: Text.self)() {
            result.openblasConfig = String(cString: config)
        }
        if let symbol = dlsym(handle, "openblas_get_num_threads") {
            result.openblasThreads = Int(unsafeBitCast(symbol, to: Count.self)())
        }
        return result
    }
}
