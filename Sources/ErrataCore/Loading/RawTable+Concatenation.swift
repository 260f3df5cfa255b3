import Dispatch

extension RawTable {
    /// The rows of `pieces` one after another: the pieces of one file read in parallel. A column
    /// is matched by name; one that a piece lacks (a JSON Lines key first seen in a later
    /// piece, or absent from one) is empty on that piece's rows, and columns come in the order
    /// they first appear, as when the file is read in one piece. Skipped lines are merged in
    /// order, so the examples kept are the first ones in the file.
    ///
    /// A column's cells keep each piece's storage (`TextColumn(joining:)`); only the cells'
    /// start columns are copied, one column per core at a time, each allocated once at its
    /// final size and its pieces released as they are copied.
    init(joining pieces: consuming [RawTable]) {
        var names: [String] = []
        var seen = Set<String>()
        for k in pieces.indices { for name in pieces[k].columnNames where seen.insert(name).inserted { names.append(name) } }
        self.init(file: pieces[0].file, columnNames: names)
        // Per column, each piece's cell columns (nil where the piece lacks the column), moved
        // out of the pieces so that each core owns the columns it joins.
        var parts = [[[Int32]?]](repeating: [], count: names.count)
        var pieceCells = [[TextColumn]](repeating: [], count: names.count)
        var rowsOf: [Int] = []
        var merged = SkippedLines()
        rowLines.reserveCapacity(pieces.reduce(0) { $0 + $1.rowCount })
        for k in pieces.indices {
            var piece = pieces[k]
            pieces[k] = RawTable(file: file, columnNames: [])
            for c in names.indices {
                if let index = piece.columnIndex(names[c]) {
                    pieceCells[c].append(piece.cells[index])
                    parts[c].append(piece.cellColumns[index])
                } else {
                    pieceCells[c].append(TextColumn(repeatElement("", count: piece.rowCount)))
                    parts[c].append(nil)
                }
            }
            piece.cells = []
            piece.cellColumns = []
            rowsOf.append(piece.rowCount)
            rowLines += piece.rowLines
            for example in piece.skipped.examples { merged.record(example) }
            merged.add(uncounted: piece.skipped.count - piece.skipped.examples.count)
        }
        skipped = merged
        cells = pieceCells.map(TextColumn.init(joining:))
        let rows = rowLines.count
        cellColumns.withUnsafeMutableBufferPointer { cellColumns in
            parts.withUnsafeMutableBufferPointer { parts in
                let shared = UncheckedSendable((cellColumns: cellColumns, parts: parts, rowsOf: rowsOf))
                DispatchQueue.concurrentPerform(iterations: names.count) { c in
                    let (cellColumns, parts, rowsOf) = shared.value
                    cellColumns[c].reserveCapacity(rows)
                    for k in parts[c].indices {
                        cellColumns[c] += parts[c][k] ?? Array(repeating: 0, count: rowsOf[k])
                        parts[c][k] = nil  // released once appended
                    }
                }
            }
        }
    }
}
