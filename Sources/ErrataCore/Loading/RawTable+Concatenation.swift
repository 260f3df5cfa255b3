extension RawTable {
    /// The rows of `pieces` one after another: the pieces of one file read in parallel. A column
    /// is matched by name; one that a piece lacks (a JSON Lines key first seen in a later
    /// piece, or absent from one) is empty on that piece's rows, and columns come in the order
    /// they first appear, as when the file is read in one piece. Skipped lines are merged in
    /// order, so the examples kept are the first ones in the file.
    ///
    /// The first piece's storage is grown once to the total and the others are appended and
    /// released one by one, so the cells are never all held twice.
    init(joining pieces: consuming [RawTable]) {
        self = pieces.removeFirst()
        for k in pieces.indices {
            for name in pieces[k].columnNames where columnIndex(name) == nil { appendColumn(name) }
        }
        let rows = rowCount + pieces.reduce(0) { $0 + $1.rowCount }
        rowLines.reserveCapacity(rows)
        for c in cells.indices {
            let name = columnNames[c]
            let bytes = pieces.reduce(cells[c].bytes.count) { total, piece in
                total + (piece.columnIndex(name).map { piece.cells[$0].bytes.count } ?? 0)
            }
            cells[c].reserveCapacity(rows: rows, bytes: bytes)
            cellColumns[c].reserveCapacity(rows)
        }
        var merged = skipped
        for k in pieces.indices {
            let piece = pieces[k]
            pieces[k] = RawTable(file: file, columnNames: [])  // released once appended
            rowLines += piece.rowLines
            for c in cells.indices {
                if let p = piece.columnIndex(columnNames[c]) {
                    piece.cells[p].withStorage { bytes, offsets in
                        cells[c].append(contentsOf: bytes, ends: UnsafeBufferPointer(rebasing: offsets.dropFirst()))
                    }
                    cellColumns[c] += piece.cellColumns[p]
                } else {
                    for _ in 0 ..< piece.rowCount { cells[c].append("") }
                    cellColumns[c] += repeatElement(0, count: piece.rowCount)
                }
            }
            for example in piece.skipped.examples { merged.record(example) }
            merged.add(uncounted: piece.skipped.count - piece.skipped.examples.count)
        }
        skipped = merged
    }
}
