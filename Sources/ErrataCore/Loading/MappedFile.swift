import Foundation

/// A data file mapped read-only into memory, whose pages can be handed back once read.
///
/// Mapped pages that have been read count in the process's resident memory until unmapped: a
/// large file read in pieces held the whole file and all its cells at once, a third of the
/// peak. `release` hands back the pages of a range whose cells are copied out; a private
/// read-only mapping reads them again from the page cache should they be touched again (the
/// serial re-read after a bad cut), so releasing never changes what is read.
/// Foundation's mapped `Data` gives no such control, and may hold a heap copy instead, on
/// which releasing pages would lose the contents.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    private let mapping: UnsafeMutableRawPointer?
    private let length: Int

    /// Maps `path`; throws the system's reason (`Permission denied`) when it cannot.
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw LoadError(file: path, "cannot read the file: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw LoadError(file: path, "cannot read the file: \(String(cString: strerror(errno)))") }
        length = Int(status.st_size)
        guard length > 0 else {
            mapping = nil
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else { throw LoadError(file: path, "cannot read the file: \(String(cString: strerror(errno)))") }
        mapping = address
        bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: length)
    }

    deinit {
        if let mapping { munmap(mapping, length) }
    }

    /// Hands back the whole pages inside `range` (byte offsets).
    func release(_ range: Range<Int>) {
        guard let mapping else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound >= length ? length : range.upperBound / page * page
        guard end > start else { return }
        madvise(mapping + start, end - start, MADV_DONTNEED)
    }
}
