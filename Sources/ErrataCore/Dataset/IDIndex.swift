/// Finds an instance's row from its id, over the id column's own bytes.
///
/// A `[String: Int]` of a million ids costs a `String` and a hash of it per row, a third of
/// loading a large file; this open-addressing table stores only row numbers and hashes the
/// UTF-8 bytes in place (FNV-1a), comparing bytes on a hash match.
struct IDIndex: Sendable {
    /// Row + 1 in each slot; 0 is empty. The capacity is a power of two, at least twice the
    /// number of rows, so probe sequences stay short.
    private var slots: [Int32]
    private let mask: Int

    init(capacity rows: Int) {
        var size = 16
        while size < 2 * rows { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    /// The row of `ids` whose id has these bytes.
    func row(of id: UnsafeBufferPointer<UInt8>, in ids: TextColumn) -> Int? {
        var slot = Self.hash(id) & mask
        while slots[slot] != 0 {
            let row = Int(slots[slot]) - 1
            if ids.withUTF8(row, { $0.elementsEqual(id) }) { return row }
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
        ids.withUTF8(row) { id in
            var slot = Self.hash(id) & mask
            while slots[slot] != 0 {
                let existing = Int(slots[slot]) - 1
                if ids.withUTF8(existing, { $0.elementsEqual(id) }) { return existing }
                slot = (slot + 1) & mask
            }
            slots[slot] = Int32(row + 1)
            return nil
        }
    }

    var memoryFootprint: Int { slots.capacity * 4 }
}
