import Foundation

/// Keeps the memory freed between batches inside the process (glibc's allocator).
///
/// Every batch of the encoder allocates its activations afresh, megabytes per layer, and
/// frees them at the end. With glibc's defaults the larger buffers come from `mmap` and the
/// freed top of the heap goes back to the kernel, so the next batch faults every page in
/// again and the kernel zeroes it: page faults and `clear_page` were 17% of an IG run's CPU
/// samples. With buffers up to 32 MB (glibc's largest threshold) taken from the heap and up
/// to 1 GB of free heap kept, the same run took 16% fewer samples. The cost is that the
/// process keeps its peak heap after an explanation instead of shrinking.
enum HeapRetention {
    /// Sets the allocator once; made when the first encoder is. `mallopt` is looked up at run
    /// time (Swift's Glibc module does not import `malloc.h`); elsewhere nothing changes.
    static let enabled: Bool = {
        #if os(Linux)
        typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
        // glibc's malloc.h: M_TRIM_THRESHOLD -1, M_MMAP_THRESHOLD -3.
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: MallocOption.self)
        return mallopt(mmapThreshold, 32 << 20) == 1 && mallopt(trimThreshold, 1 << 30) == 1
        #else
        return false
        #endif
    }()
}
