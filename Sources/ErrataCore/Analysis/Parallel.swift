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
