import Foundation

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether both hold the same bytes, by `memcmp`. The generic `elementsEqual` compares a
    /// byte at a time, slower than the look-ups it confirms (JSON Lines keys, a label cache's
    /// values, ids in the id index).
    @inline(__always)
    func bytesEqual(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
        count == other.count && (isEmpty || memcmp(baseAddress!, other.baseAddress!, count) == 0)
    }
}
