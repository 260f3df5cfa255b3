/// A table as read from a file, before roles and types: every cell is text.
///
/// Readers (CSV, TSV, JSONL) produce this; `DatasetBuilder` turns it into typed columns. Each
/// row remembers where it started so that later stages (type checks, duplicate ids) can still
/// name the file, line and column of a bad value.
public struct RawTable: Sendable {
    public var file: String
    public private(set) var columnNames: [String]
    /// Each column name's index (the first, should a name repeat): finding a column by name is
    /// one look-up, so work per column stays constant and 100,000 columns load in linear time.
    private var indexOfName: [String: Int]
    public var cells: [TextColumn]
    /// 1-based line on which each row starts.
    public var rowLines: [Int32] = []
    /// Column (1-based, characters) at which each cell starts, per column; empty for a column
    /// whose reader does not know it, and errors about its cells then name the line only.
    public var cellColumns: [[Int32]]
    public var skipped = SkippedLines()

    public init(file: String, columnNames: [String]) {
        self.file = file
        self.columnNames = columnNames
        indexOfName = Self.index(columnNames)
        cells = Array(repeating: TextColumn(), count: columnNames.count)
        cellColumns = Array(repeating: [], count: columnNames.count)
    }

    public var rowCount: Int { rowLines.count }

    public func columnIndex(_ name: String) -> Int? { indexOfName[name] }

    /// Adds a column named `name`, empty on the rows read so far (JSON Lines: a key first seen
    /// on a later line).
    mutating func appendColumn(_ name: String) {
        if indexOfName[name] == nil { indexOfName[name] = columnNames.count }
        columnNames.append(name)
        var cells = TextColumn()
        for _ in 0 ..< rowCount { cells.append("") }
        self.cells.append(cells)
        cellColumns.append(Array(repeating: 0, count: rowCount))
    }

    private static func index(_ names: [String]) -> [String: Int] {
        Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// An error located at the given cell.
    public func error(row: Int, column: Int, _ message: String) -> LoadError {
        let col = cellColumns[column].isEmpty ? nil : Int(cellColumns[column][row])
        return LoadError(file: file, line: Int(rowLines[row]), column: col, message)
    }
}

extension RawTable {
    /// The same table without the given rows.
    func removingRows(_ rows: Set<Int>) -> RawTable {
        var kept = RawTable(file: file, columnNames: columnNames)
        kept.skipped = skipped
        for row in 0 ..< rowCount where !rows.contains(row) {
            kept.rowLines.append(rowLines[row])
            for c in columnNames.indices {
                cells[c].withUTF8(row) { kept.cells[c].append(utf8: $0) }
                if !cellColumns[c].isEmpty { kept.cellColumns[c].append(cellColumns[c][row]) }
            }
        }
        return kept
    }
}
