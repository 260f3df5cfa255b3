import BitCollections

/// Sets of rows are `BitSet`s: a slice of a million instances is 125 KB, and `and`, `or`, `not`
/// are word-wide operations.
extension BitSet {
    /// The rows `0 ..< count` for which `predicate` holds, built a 64-bit word at a time.
    public static func rows(count: Int, where predicate: (Int) -> Bool) -> BitSet {
        let wordBits = UInt.bitWidth
        var words = [UInt](repeating: 0, count: (count + wordBits - 1) / wordBits)
        words.withUnsafeMutableBufferPointer { w in
            for row in 0 ..< count where predicate(row) {
                w[row / wordBits] |= 1 << UInt(row % wordBits)
            }
        }
        return BitSet(words: words)
    }

    /// Every row of a dataset of `count` instances.
    public static func all(_ count: Int) -> BitSet { BitSet(0 ..< count) }

    /// The rows of `0 ..< count` not in `self`.
    public func complement(count: Int) -> BitSet { BitSet.all(count).subtracting(self) }
}
