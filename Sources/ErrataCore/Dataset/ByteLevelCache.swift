/// Recognises the few distinct values of a label-like column from their UTF-8 bytes, without
/// building a `String` per cell.
///
/// Building and hashing a `String` for every cell was most of the cost of encoding a million
/// labels, categories and predictions. Such columns have few distinct values, so the first
/// `capacity` distinct byte strings are kept, each with a value, and found by a linear scan;
/// a cell not among them takes the `String` path. A column with more distinct values than
/// that (free text) stops using the cache, so it pays no scan per cell. Byte-equal cells are
/// equal strings, so every answer is the one the `String` path would give.
struct ByteLevelCache<Value> {
    /// The remembered byte strings back to back, key `i` ending at `ends[i]`: one buffer
    /// scanned with `memcmp`, where an array per key cost a retain and a generic comparison
    /// per key and cell (encoding three systems' million predictions spent most of its time so).
    private var keys: [UInt8] = []
    private var ends: [Int] = []
    private var values: [Value] = []
    private let capacity: Int
    /// Set when a value beyond `capacity` arrives: the column is not label-like.
    private var saturated = false

    init(capacity: Int = 32) {
        self.capacity = capacity
    }

    /// The value remembered for exactly these bytes, if any.
    func value(for bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        if saturated { return nil }
        return keys.withUnsafeBufferPointer { keys in
            ends.withUnsafeBufferPointer { ends in
                var start = 0
                for i in ends.indices {
                    let end = ends[i]
                    if UnsafeBufferPointer(rebasing: keys[start ..< end]).bytesEqual(bytes) { return values[i] }
                    start = end
                }
                return nil
            }
        }
    }

    /// Remembers `value` for `bytes` while there is room.
    mutating func remember(_ bytes: UnsafeBufferPointer<UInt8>, _ value: Value) {
        guard ends.count < capacity else {
            saturated = true
            return
        }
        keys.append(contentsOf: bytes)
        ends.append(keys.count)
        values.append(value)
    }
}

extension CategoricalColumn {
    /// Appends the value whose UTF-8 bytes are `bytes` (missing when `missing` says so),
    /// finding its code through `known` where it can.
    mutating func append(utf8 bytes: UnsafeBufferPointer<UInt8>, known: inout ByteLevelCache<Int32>,
                         missing: (UnsafeBufferPointer<UInt8>) -> Bool = TypeInference.isMissing) {
        appendCode(code(utf8: bytes, known: &known, missing: missing))
    }

    /// The code of the value whose UTF-8 bytes are `bytes` (-1 for a missing value), adding it
    /// as a new level if unseen. Metadata takes pandas' missing-value words
    /// (`TypeInference.isMissing`); class labels and predictions pass `isAbsent`, because a
    /// class may be called `None` or `NA`.
    mutating func code(utf8 bytes: UnsafeBufferPointer<UInt8>, known: inout ByteLevelCache<Int32>,
                       missing: (UnsafeBufferPointer<UInt8>) -> Bool = TypeInference.isMissing) -> Int32 {
        if missing(bytes) { return -1 }
        if let code = known.value(for: bytes) { return code }
        let code = code(for: String(decoding: bytes, as: UTF8.self))
        known.remember(bytes, code)
        return code
    }
}
