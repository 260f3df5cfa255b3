/// Strings stored as one contiguous UTF-8 buffer with offsets.
///
/// A million short texts as Swift `String`s cost a heap object each; one byte buffer with an
/// offset table costs the bytes plus eight bytes a row, and loads without per-field allocation.
public struct TextColumn: Sendable, Equatable {
    /// The UTF-8 bytes of every value, back to back.
    public private(set) var bytes: [UInt8] = []
    /// `offsets[i] ..< offsets[i + 1]` are the bytes of value `i`.
    public private(set) var offsets: [Int] = [0]

    public init() {}

    public init(_ values: some Sequence<String>) {
        for value in values { append(value) }
    }

    public var count: Int { offsets.count - 1 }

    public mutating func reserveCapacity(rows: Int, bytes byteCount: Int) {
        offsets.reserveCapacity(rows + 1)
        bytes.reserveCapacity(byteCount)
    }

    public mutating func append(_ value: String) {
        var value = value
        value.withUTF8 { append(utf8: $0) }
    }

    public mutating func append(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: utf8)
        offsets.append(bytes.count)
    }

    /// Appends many values at once: their bytes back to back, and where each ends within them.
    /// Readers collect cells this way to avoid an append per cell.
    mutating func append(contentsOf values: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>) {
        let base = bytes.count, first = offsets.count
        bytes.append(contentsOf: values)
        offsets.append(contentsOf: ends)
        offsets.withUnsafeMutableBufferPointer { offsets in
            for i in first ..< offsets.count { offsets[i] += base }
        }
    }

    /// The number of UTF-8 bytes of value `i`.
    public func byteCount(_ i: Int) -> Int { offsets[i + 1] - offsets[i] }

    public subscript(i: Int) -> String {
        withUTF8(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of value `i`, without copying them.
    public func withUTF8<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[offsets[i] ..< offsets[i + 1]]))
        }
    }

    /// Calls `body` once with the whole buffer and offset table, for loops over many rows.
    public func withStorage<R>(
        _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int>) throws -> R
    ) rethrows -> R {
        try bytes.withUnsafeBufferPointer { b in
            try offsets.withUnsafeBufferPointer { o in try body(b, o) }
        }
    }

    /// Approximate heap bytes held, for memory reports.
    public var memoryFootprint: Int { bytes.capacity + offsets.capacity * MemoryLayout<Int>.stride }
}
