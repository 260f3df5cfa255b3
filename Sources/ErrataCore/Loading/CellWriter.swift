/// Receives the fields of one record as a reader finds them.
protocol FieldSink: ~Copyable {
    /// Adds bytes to field `field` of the record; a quoted field with escaped quotes arrives
    /// in several pieces.
    mutating func append(_ piece: UnsafeBufferPointer<UInt8>, toField field: Int)
    /// Field `field` is complete; it started at character column `column`.
    mutating func endField(_ field: Int, column: Int32)
}

/// Writes the cells of a delimited or JSON Lines file into a `RawTable`, up to 1,024 rows at a time.
///
/// Appending each field to its `TextColumn` and its start column to `cellColumns` meant two
/// array appends per field, each with a uniqueness check, a capacity check and a call: at
/// nine million fields, half the time of reading. Here a field is copied into raw per-column
/// buffers that stay in cache, and every `rowCapacity` rows each column receives its cells
/// with one bulk append. A record counts only once `commitRecord` is called, so a bad line is
/// dropped by forgetting what it staged.
struct CellWriter: ~Copyable, FieldSink {
    private var table: RawTable
    /// The column at which the first field beyond the header's count started, in the record
    /// being read (for the error that names it).
    private(set) var firstExtraFieldColumn: Int32?

    /// Rows staged before a flush: 1,024, fewer for a wide file, so that the staging buffers
    /// stay about a megabyte however many columns there are (100,000 columns staged 1,024 rows
    /// each took 1.3 GB).
    private var rowCapacity: Int
    private(set) var columnCount: Int
    /// The file's size, against which the columns' final sizes are projected.
    private let inputSize: Int
    /// Per column: the staged cells' bytes, back to back.
    private var staged: UnsafeMutablePointer<StagedBytes>
    /// Per column and staged row (at `column * rowCapacity + row`): where the cell ends in the
    /// column's staged bytes, and the character column at which it starts in the file.
    private var stagedEnds: UnsafeMutablePointer<Int>
    private var stagedStartColumns: UnsafeMutablePointer<Int32>
    private var stagedLines: UnsafeMutablePointer<Int32>
    private var stagedRows = 0

    init(file: String, columnNames: [String], inputSize: Int) {
        table = RawTable(file: file, columnNames: columnNames)
        columnCount = columnNames.count
        self.inputSize = inputSize
        (rowCapacity, staged, stagedEnds, stagedStartColumns, stagedLines) = Self.staging(columns: columnCount)
    }

    /// Staging buffers for `columns` columns.
    private static func staging(columns: Int) -> (rows: Int, UnsafeMutablePointer<StagedBytes>, UnsafeMutablePointer<Int>,
                                                  UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>) {
        let rows = max(16, min(1024, (1 << 17) / max(1, columns)))
        let staged = UnsafeMutablePointer<StagedBytes>.allocate(capacity: columns)
        let bytesPerColumn = max(64, min(4096, (1 << 22) / max(1, columns)))
        for c in 0 ..< columns { (staged + c).initialize(to: StagedBytes(capacity: bytesPerColumn)) }
        return (rows, staged, .allocate(capacity: columns * rows), .allocate(capacity: columns * rows), .allocate(capacity: rows))
    }

    private func releaseStaging() {
        for c in 0 ..< columnCount { staged[c].start.deallocate() }
        staged.deallocate()
        stagedEnds.deallocate()
        stagedStartColumns.deallocate()
        stagedLines.deallocate()
    }

    deinit { releaseStaging() }

    /// Adds columns named `names`, empty on the rows so far (JSON Lines: keys first seen on a
    /// later line); only between records. `offset` is how far into the input reading has come.
    mutating func appendColumns(_ names: some Collection<String>, offset: Int) {
        guard !names.isEmpty else { return }
        flush(offset: offset)
        for name in names { table.appendColumn(name) }
        releaseStaging()
        columnCount = table.columnNames.count
        (rowCapacity, staged, stagedEnds, stagedStartColumns, stagedLines) = Self.staging(columns: columnCount)
    }

    mutating func append(_ piece: UnsafeBufferPointer<UInt8>, toField field: Int) {
        guard field < columnCount, let source = piece.baseAddress, !piece.isEmpty else { return }
        staged[field].append(source, count: piece.count)
    }

    mutating func endField(_ field: Int, column: Int32) {
        guard field < columnCount else {
            if field == columnCount { firstExtraFieldColumn = column }
            return
        }
        let slot = field &* rowCapacity &+ stagedRows
        stagedEnds[slot] = staged[field].count
        stagedStartColumns[slot] = column
    }

    /// Keeps the record just read, which started on `line`; `offset` is how far into the
    /// file reading has come.
    mutating func commitRecord(line: Int, offset: Int) {
        stagedLines[stagedRows] = Int32(line)
        stagedRows += 1
        firstExtraFieldColumn = nil
        if stagedRows == rowCapacity { flush(offset: offset) }
    }

    /// Forgets whatever the record just read staged.
    mutating func discardRecord() {
        for c in 0 ..< columnCount {
            staged[c].count = stagedRows == 0 ? 0 : stagedEnds[c * rowCapacity + stagedRows - 1]
        }
        firstExtraFieldColumn = nil
    }

    /// The table with every committed record, and the lines skipped on the way.
    consuming func finish(skipped: SkippedLines) -> RawTable {
        flush(offset: inputSize)
        table.skipped = skipped
        return table
    }

    /// Moves the staged rows into the table's columns.
    private mutating func flush(offset: Int) {
        reserveColumns(offset: offset)
        let rows = stagedRows
        table.rowLines.append(contentsOf: UnsafeBufferPointer(start: stagedLines, count: rows))
        for c in 0 ..< columnCount {
            let row0 = c * rowCapacity
            table.cells[c].append(
                contentsOf: UnsafeBufferPointer(start: staged[c].start, count: staged[c].count),
                ends: UnsafeBufferPointer(start: stagedEnds + row0, count: rows))
            table.cellColumns[c].append(contentsOf: UnsafeBufferPointer(start: stagedStartColumns + row0, count: rows))
            staged[c].count = 0
        }
        stagedRows = 0
    }

    /// Reserves room for the whole file in any column about to outgrow its storage, projected
    /// from what the first `offset` bytes held (plus 5%), so that a million-row column is
    /// neither copied as it doubles nor left at twice the size it needs.
    private mutating func reserveColumns(offset: Int) {
        let scale = offset >= inputSize ? 1 : 1.05 * Double(inputSize) / Double(max(offset, 1))
        func projected(_ count: Int) -> Int { Int((Double(count) * scale).rounded(.up)) }
        let rows = table.rowCount + stagedRows
        if rows > table.rowLines.capacity { table.rowLines.reserveCapacity(projected(rows)) }
        for c in 0 ..< columnCount {
            let byteCount = table.cells[c].byteCount + staged[c].count, capacity = table.cells[c].appendCapacity
            if rows > capacity.rows || byteCount > capacity.bytes {
                table.cells[c].reserveCapacity(rows: projected(rows), bytes: projected(byteCount))
            }
            if rows > table.cellColumns[c].capacity { table.cellColumns[c].reserveCapacity(projected(rows)) }
        }
    }
}

/// One column's staged bytes: a raw buffer that doubles when a cell does not fit.
private struct StagedBytes {
    var start: UnsafeMutablePointer<UInt8>
    var count = 0
    var capacity: Int

    init(capacity: Int) {
        start = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    mutating func append(_ source: UnsafePointer<UInt8>, count n: Int) {
        if count + n > capacity {
            while capacity < count + n { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.initialize(from: start, count: count)
            start.deallocate()
            start = grown
        }
        (start + count).initialize(from: source, count: n)
        count += n
    }
}
