import Testing
@testable import Attribution

@Suite struct HeapRetentionTests {
    /// glibc accepts both settings (an mmap threshold above 32 MB would be refused).
    @Test func theAllocatorTakesTheSettings() {
        #if os(Linux)
        #expect(HeapRetention.enabled)
        #else
        #expect(!HeapRetention.enabled)
        #endif
    }
}
