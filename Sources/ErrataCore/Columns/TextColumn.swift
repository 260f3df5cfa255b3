/// Strings stored as UTF-8 bytes back to back with offsets, in one or a few runs.
///
/// A million short texts as Swift `String`s cost a heap object each; a byte buffer with an
/// offset table costs the bytes plus four bytes a row, and loads without per-field allocation.
/// Offsets are 32-bit, so a run holds at most 4 GiB; a longer column starts a new run there.
/// (Eight-byte offsets were a third of a CSV load's column memory, for short cells.)
///
/// A file read in parallel gives one run per piece, and the column keeps them as they are:
/// copying them into one buffer wrote every byte and offset a second time into fresh pages,
/// a quarter of a CSV load's CPU time, most of it the kernel handing out the pages. Reading a
/// value finds its run first (one comparison for a column in one run; a file splits into a
/// handful of pieces), and loops over many rows take the runs one by one (`forEachRun`).
public struct TextColumn: Sendable {
    /// Values `firstRow ..< firstRow + count`: `offsets[i] ..< offsets[i + 1]` are the bytes
    /// of value `firstRow + i`.
    struct Run: Sendable {
        var bytes: [UInt8] = []
        var offsets: [UInt32] = [0]
        var firstRow = 0
        var count: Int { offsets.count - 1 }

        /// The bytes of the run's value `j`.
        @inline(__always) func withValue<R>(_ j: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            try offsets.withUnsafeBufferPointer { offsets in
                try bytes.withUnsafeBufferPointer { all in
                    try body(UnsafeBufferPointer(rebasing: all[Int(offsets[j]) ..< Int(offsets[j + 1])]))
                }
            }
        }

        @inline(__always) func byteCount(_ j: Int) -> Int { Int(offsets[j + 1] - offsets[j]) }
    }

    /// Never empty; values are appended to the last run.
    private var runs = [Run()]
    /// The bytes a run may hold: what 32-bit offsets reach (smaller only in tests).
    private var runByteLimit = Int(UInt32.max)

    public init() {}

    /// An empty column whose runs hold at most `runByteLimit` bytes, to test the cut.
    init(runByteLimit: Int) { self.runByteLimit = runByteLimit }

    public init(_ values: some Sequence<String>) {
        for value in values { append(value) }
    }

    /// `columns` one after another, keeping their runs (no byte is copied).
    init(joining columns: some Sequence<TextColumn>) {
        var rows = 0
        runs = []
        for column in columns {
            for var run in column.runs where run.count > 0 {
                run.firstRow = rows
                rows += run.count
                runs.append(run)
            }
        }
        if runs.isEmpty { runs = [Run()] }
    }

    public var count: Int { runs[runs.count - 1].firstRow + runs[runs.count - 1].count }

    /// Room for `rows` values of `byteCount` bytes in all in the run values are appended to,
    /// so that it is not copied as it grows.
    mutating func reserveCapacity(rows: Int, bytes byteCount: Int) {
        let last = runs.count - 1
        runs[last].offsets.reserveCapacity(rows + 1)
        runs[last].bytes.reserveCapacity(min(byteCount, runByteLimit))
    }

    /// How many values, and bytes, the run values are appended to holds before it grows.
    var appendCapacity: (rows: Int, bytes: Int) {
        let run = runs[runs.count - 1]
        return (run.offsets.capacity - 1, run.bytes.capacity)
    }

    /// The bytes of all values.
    var byteCount: Int { runs.reduce(0) { $0 + $1.bytes.count } }

    public mutating func append(_ value: String) {
        var value = value
        value.withUTF8 { append(utf8: $0) }
    }

    public mutating func append(utf8: UnsafeBufferPointer<UInt8>) {
        precondition(utf8.count <= runByteLimit, "a value of \(utf8.count) bytes: readers bound a cell far below 4 GiB")
        if runs[runs.count - 1].bytes.count + utf8.count > runByteLimit { runs.append(Run(firstRow: count)) }
        let last = runs.count - 1
        runs[last].bytes.append(contentsOf: utf8)
        runs[last].offsets.append(UInt32(runs[last].bytes.count))
    }

    /// Appends many values at once: their bytes back to back, and where each ends within them.
    /// Readers collect cells this way to avoid an append per cell.
    mutating func append(contentsOf values: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>) {
        let last = runs.count - 1
        let base = runs[last].bytes.count
        guard base + values.count <= runByteLimit else {
            // Where a run fills up: one value at a time, so the cut falls between values.
            var start = 0
            for end in ends {
                append(utf8: UnsafeBufferPointer(rebasing: values[start ..< end]))
                start = end
            }
            return
        }
        runs[last].bytes.append(contentsOf: values)
        runs[last].offsets.reserveCapacity(runs[last].offsets.count + ends.count)
        for end in ends { runs[last].offsets.append(UInt32(truncatingIfNeeded: base + end)) }
    }

    /// The run holding value `i`.
    @inline(__always) private static func runIndex(_ i: Int, _ runs: UnsafeBufferPointer<Run>) -> Int {
        var low = 0, high = runs.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if runs[middle].firstRow <= i { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The number of UTF-8 bytes of value `i`.
    public func byteCount(_ i: Int) -> Int {
        runs.withUnsafeBufferPointer { runs in
            let k = Self.runIndex(i, runs)
            return runs[k].byteCount(i - runs[k].firstRow)
        }
    }

    public subscript(i: Int) -> String {
        withUTF8(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of value `i`, without copying them. The runs are read
    /// through a pointer, which borrows them in place: reading `runs[k]` copied the run out and
    /// retained and released its two arrays on every value read, a tenth of a load's time.
    public func withUTF8<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try runs.withUnsafeBufferPointer { runs in
            let k = Self.runIndex(i, runs)
            return try runs[k].withValue(i - runs[k].firstRow, body)
        }
    }

    /// Calls `body` with each run in order: the row it starts at, its bytes and its offsets
    /// (value `firstRow + i` is `bytes[offsets[i] ..< offsets[i + 1]]`), for loops over many rows.
    public func forEachRun(
        _ body: (_ firstRow: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ offsets: UnsafeBufferPointer<UInt32>) throws -> Void
    ) rethrows {
        for run in runs where run.count > 0 {
            try run.bytes.withUnsafeBufferPointer { b in
                try run.offsets.withUnsafeBufferPointer { o in try body(run.firstRow, b, o) }
            }
        }
    }

    /// Calls `body` with each value in order: its row and its bytes. Loops over a whole column
    /// go through here (or `allValues`): a run at a time, with no look-up per row.
    public func forEachValue(_ body: (_ row: Int, _ value: UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        _ = try allValues { row, value in
            try body(row, value)
            return true
        }
    }

    /// Whether `predicate` holds for every value, in order; it is not called after the first
    /// that fails.
    public func allValues(_ predicate: (_ row: Int, _ value: UnsafeBufferPointer<UInt8>) throws -> Bool) rethrows -> Bool {
        for run in runs where run.count > 0 {
            let holds = try run.bytes.withUnsafeBufferPointer { bytes in
                try run.offsets.withUnsafeBufferPointer { offsets in
                    for i in 0 ..< offsets.count - 1
                    where try !predicate(run.firstRow + i, UnsafeBufferPointer(rebasing: bytes[Int(offsets[i]) ..< Int(offsets[i + 1])])) {
                        return false
                    }
                    return true
                }
            }
            if !holds { return false }
        }
        return true
    }

    /// Approximate heap bytes held, for memory reports.
    public var memoryFootprint: Int {
        runs.reduce(0) { $0 + $1.bytes.capacity + $1.offsets.capacity * MemoryLayout<UInt32>.stride }
    }
}

extension TextColumn: Equatable {
    /// Equal values in order, however they are split into runs.
    public static func == (a: TextColumn, b: TextColumn) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0 ..< a.count where !a.withUTF8(i, { x in b.withUTF8(i) { y in x.elementsEqual(y) } }) {
            return false
        }
        return true
    }
}
