import BitCollections

/// A set of rows as plain 64-bit words, the form the slice search works on.
///
/// `BitSet` keeps its words private; the search needs them to intersect three masks and count
/// the result a word at a time, with no allocation per candidate slice.
public struct RowMask: Sendable, Equatable {
    public private(set) var words: [UInt64]
    /// Rows 0 ..< count may be members.
    public let count: Int

    public init(count: Int) {
        self.count = count
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    /// The members of `rows` (dataset rows) mapped through `position` (dataset row ->
    /// position in this mask, or -1 for rows outside it).
    public init(_ rows: BitSet, position: [Int32], count: Int) {
        self.init(count: count)
        for row in rows where position[row] >= 0 { insert(Int(position[row])) }
    }

    public mutating func insert(_ row: Int) {
        words[row >> 6] |= 1 << UInt64(row & 63)
    }

    public var cardinality: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
}
