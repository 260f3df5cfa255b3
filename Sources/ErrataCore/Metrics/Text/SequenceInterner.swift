/// Dense integer ids for sequences of units (scalar values or token ids), built one unit at a time.
///
/// Each id names a node of a trie whose edges (parent id, unit) live in an open-addressing hash table.
/// Two sequences get the same id exactly when they are equal, so matching n-grams compares integers
/// instead of building strings, with no hash collisions to reason about; and because ids are dense,
/// n-gram counts live in flat arrays. An n-gram's id is its (n-1)-gram prefix's id extended by its last
/// unit, so all orders of a sentence cost one table probe per n-gram.
struct SequenceInterner {
    /// Roots of the separate namespaces: character n-grams, token spellings, word n-grams.
    static let characterRoot: UInt32 = .max
    static let tokenRoot: UInt32 = .max - 1
    static let wordRoot: UInt32 = .max - 2

    /// One hash-table entry; the key is the edge (parent id, unit), `emptyKey` when the slot is free.
    private struct Slot {
        var key: UInt64
        var id: UInt32
    }

    private static let emptyKey: UInt64 = .max
    private var slots: [Slot]
    private var shift: UInt64
    /// Number of ids handed out; ids are `0..<count`.
    private(set) var count = 0

    init(expectedCount: Int) {
        var capacityBits: UInt64 = 4
        while (1 << capacityBits) < 2 * expectedCount { capacityBits += 1 }
        slots = Array(repeating: Slot(key: Self.emptyKey, id: 0), count: 1 << capacityBits)
        shift = 64 - capacityBits
    }

    /// The id of `parent`'s sequence followed by `unit` (a unit is never `UInt32.max`, so no key
    /// equals the empty-slot marker).
    mutating func extend(_ parent: UInt32, with unit: UInt32) -> UInt32 {
        let key = UInt64(parent) << 32 | UInt64(unit)
        let found: UInt32? = slots.withUnsafeMutableBufferPointer { slots in
            var slot = Self.home(of: key, shift: shift)
            while true {
                let stored = slots[slot].key
                if stored == key { return slots[slot].id }
                if stored == Self.emptyKey { break }
                slot = (slot + 1) & (slots.count - 1)
            }
            slots[slot] = Slot(key: key, id: UInt32(count))
            return nil
        }
        if let found { return found }
        count += 1
        if 2 * count > slots.count { grow() }
        return UInt32(count - 1)
    }

    /// The id of a token's spelling, its scalars in `range` of `text`.
    mutating func token(_ text: [UInt32], _ range: Range<Int>) -> UInt32 {
        var id = Self.tokenRoot
        for index in range { id = extend(id, with: text[index]) }
        return id
    }

    /// The ids of all n-grams of `units`, one array per order 1...`maxOrder`, each in sentence order.
    mutating func ngrams(of units: [UInt32], root: UInt32, maxOrder: Int) -> [[UInt32]] {
        guard maxOrder >= 1 else { return [] }
        var orders = [units.map { extend(root, with: $0) }]
        for order in stride(from: 2, through: maxOrder, by: 1) {
            let shorter = orders[orders.count - 1]
            orders.append((0..<max(units.count - order + 1, 0)).map {
                extend(shorter[$0], with: units[$0 + order - 1])
            })
        }
        return orders
    }

    /// Fibonacci hashing: the top bits of the key times 2^64 / golden ratio.
    private static func home(of key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        let old = slots
        shift -= 1
        slots = Array(repeating: Slot(key: Self.emptyKey, id: 0), count: old.count * 2)
        for entry in old where entry.key != Self.emptyKey {
            var slot = Self.home(of: entry.key, shift: shift)
            while slots[slot].key != Self.emptyKey { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = entry
        }
    }
}
