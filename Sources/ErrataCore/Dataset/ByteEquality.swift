import Foundation

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether both hold the same bytes. Up to 16 bytes (labels, genres, most ids) by two
    /// overlapping word loads from each side, inline; longer ones by `memcmp`. The generic
    /// `elementsEqual` compares a byte at a time, slower than the look-ups it confirms (JSON
    /// Lines keys, a label cache's values, ids in the id index), and a call to `memcmp` per
    /// short cell was 8% of loading a million-row CSV.
    @inline(__always)
    func bytesEqual(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        guard let a = baseAddress.map(UnsafeRawPointer.init), let b = other.baseAddress.map(UnsafeRawPointer.init) else { return true }
        @inline(__always) func same<Word: FixedWidthInteger>(_: Word.Type) -> Bool {
            let last = count - MemoryLayout<Word>.size
            return a.loadUnaligned(as: Word.self) == b.loadUnaligned(as: Word.self)
                && a.loadUnaligned(fromByteOffset: last, as: Word.self) == b.loadUnaligned(fromByteOffset: last, as: Word.self)
        }
        switch count {
        case 0: return true
        case 1 ..< 4: return a.load(as: UInt8.self) == b.load(as: UInt8.self)
            && a.load(fromByteOffset: count / 2, as: UInt8.self) == b.load(fromByteOffset: count / 2, as: UInt8.self)
            && a.load(fromByteOffset: count - 1, as: UInt8.self) == b.load(fromByteOffset: count - 1, as: UInt8.self)
        case 4 ... 8: return same(UInt32.self)
        case 9 ... 16: return same(UInt64.self)
        default: return memcmp(a, b, count) == 0
        }
    }
}
