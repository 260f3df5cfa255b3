/// Finds an instance's row from its id, over the id column's own bytes.
///
/// A `[String: Int]` of a million ids costs a `String` and a hash of it per row, a third of
/// loading a large file; this open-addressing table stores only row numbers and hashes the
/// UTF-8 bytes in place (FNV-1a). Each slot also keeps 32 bits of the hash, so a probe that
/// meets another id almost never has to read that id's bytes: those reads land anywhere in
/// the column and were most of the time of indexing a million ids.
struct IDIndex: Sendable {
    /// In each slot, the hash's high 32 bits above row + 1; 0 is empty. The capacity is a
    /// power of two, at least twice the number of rows, so probe sequences stay short.
    private var slots: [UInt64]
    private let mask: Int
    /// The bits of the slots `insertAll` reads ahead, kept so the compiler keeps those reads.
    private var readAhead: UInt64 = 0

    init(capacity rows: Int) {
        var size = 16
        while size < 2 * rows { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// Where probing for `hash` starts, and the tag its slots carry.
    private func start(_ hash: UInt64) -> (slot: Int, tag: UInt64) {
        (Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask, hash & 0xFFFF_FFFF_0000_0000)
    }

    /// The row of `ids` whose id has these bytes.
    func row(of id: UnsafeBufferPointer<UInt8>, in ids: TextColumn) -> Int? {
        var (slot, tag) = start(Self.hash(id))
        while slots[slot] != 0 {
            let row = Int(slots[slot] & 0xFFFF_FFFF) - 1
            if slots[slot] & ~0xFFFF_FFFF == tag, ids.withUTF8(row, { $0.bytesEqual(id) }) { return row }
            slot = (slot + 1) & mask
        }
        return nil
    }

    func row(of id: String, in ids: TextColumn) -> Int? {
        var id = id
        return id.withUTF8 { row(of: $0, in: ids) }
    }

    /// Adds row `row` of `ids`; returns the earlier row with the same id instead, if any.
    mutating func insert(row: Int, of ids: TextColumn) -> Int? {
        ids.withUTF8(row) { insert(row: row, id: $0, of: ids) }
    }

    /// Adds row `row` of `ids`, whose bytes `id` are, for loops that already hold them.
    mutating func insert(row: Int, id: UnsafeBufferPointer<UInt8>, of ids: TextColumn) -> Int? {
        insert(row: row, id: id, hash: Self.hash(id), of: ids)
    }

    /// Adds every row of `ids` in order. `accept` hears each row once its insertion was tried,
    /// with the earlier row holding the same id (nil when the row was added), and returns false
    /// to stop. Rows go in blocks of 16: first their hashes and a read of each one's first
    /// slot, so that the cache misses of a large table overlap instead of coming one row at a
    /// time (a miss per row was most of the time of indexing a million ids), then the
    /// insertions, in order.
    mutating func insertAll(_ ids: TextColumn, _ accept: (_ row: Int, _ id: UnsafeBufferPointer<UInt8>, _ earlier: Int?) -> Bool) {
        let block = 16
        var hashes = [UInt64](repeating: 0, count: block)
        var stopped = false
        ids.forEachRun { firstRow, bytes, offsets in
            func value(_ i: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: bytes[Int(offsets[i]) ..< Int(offsets[i + 1])])
            }
            var first = 0
            while !stopped, first < offsets.count - 1 {
                let end = min(first + block, offsets.count - 1)
                var read: UInt64 = 0
                for i in first ..< end {
                    hashes[i - first] = Self.hash(value(i))
                    read |= slots[start(hashes[i - first]).slot]
                }
                readAhead |= read
                for i in first ..< end where !stopped {
                    let earlier = insert(row: firstRow + i, id: value(i), hash: hashes[i - first], of: ids)
                    stopped = !accept(firstRow + i, value(i), earlier)
                }
                first = end
            }
        }
    }

    private mutating func insert(row: Int, id: UnsafeBufferPointer<UInt8>, hash: UInt64, of ids: TextColumn) -> Int? {
        var (slot, tag) = start(hash)
        while slots[slot] != 0 {
            let existing = Int(slots[slot] & 0xFFFF_FFFF) - 1
            if slots[slot] & ~0xFFFF_FFFF == tag, ids.withUTF8(existing, { $0.bytesEqual(id) }) { return existing }
            slot = (slot + 1) & mask
        }
        slots[slot] = tag | UInt64(row + 1)
        return nil
    }

    var memoryFootprint: Int { slots.capacity * 8 }
}
