import Foundation

/// Hands buffers to the chunks of `concurrentPerform`, which read shared input and write
/// disjoint parts of one output; the caller guarantees that no two chunks write the same
/// element, which the compiler cannot check.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Runs `body` over `0 ..< count` in contiguous chunks on all cores.
func parallelChunks(_ count: Int, _ body: @Sendable (Range<Int>) -> Void) {
    let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, count / 256))
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        body(count * chunk / chunks ..< count * (chunk + 1) / chunks)
    }
}

/// Runs independent jobs on all cores, one per core at a time; returns each job's result or
/// error in the jobs' order, so that a caller can throw the error a serial run would meet first.
func runConcurrently<T>(_ jobs: [() throws -> T]) -> [Result<T, any Error>] {
    var results = [Result<T, any Error>?](repeating: nil, count: jobs.count)
    results.withUnsafeMutableBufferPointer { output in
        let shared = UncheckedSendable((jobs: jobs, output: output))
        DispatchQueue.concurrentPerform(iterations: jobs.count) { k in
            shared.value.output[k] = Result { try shared.value.jobs[k]() }
        }
    }
    return results.map { $0! }
}
