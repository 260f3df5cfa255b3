/// Which rows of a raw table make up which instance, and the instances' ids.
///
/// Wide tables have one row per instance. Long tables have one row per instance and system;
/// their rows are grouped by id, instances numbered in order of first appearance.
struct InstanceGrouping {
    private(set) var ids = TextColumn()
    private(set) var index: IDIndex
    /// The first table row of each instance.
    private(set) var firstRow: [Int] = []
    /// The instance of each table row.
    private(set) var instanceOfRow: [Int] = []
    let isGrouped: Bool

    var count: Int { firstRow.count }

    init(oneRowPerInstance table: RawTable, idColumn: Int?) throws {
        isGrouped = false
        index = IDIndex(capacity: table.rowCount)
        firstRow = Array(0 ..< table.rowCount)
        instanceOfRow = firstRow
        guard let idColumn else {
            for row in 0 ..< table.rowCount {
                ids.append(String(row + 1))
                _ = index.insert(row: row, of: ids)
            }
            return
        }
        let ids = table.cells[idColumn]
        var index = self.index, failure: LoadError?
        index.insertAll(ids) { row, id, first in
            if id.isEmpty {
                failure = table.error(row: row, column: idColumn, "empty id")
            } else if let first {
                failure = table.error(row: row, column: idColumn, "duplicate id '\(ids[row])' (first on line \(table.rowLines[first]))")
            }
            return failure == nil
        }
        if let failure { throw failure }
        self.ids = ids
        self.index = index
    }

    init(groupingRowsOf table: RawTable, idColumn: Int) throws {
        isGrouped = true
        index = IDIndex(capacity: table.rowCount)
        instanceOfRow.reserveCapacity(table.rowCount)
        let cells = table.cells[idColumn]
        for row in 0 ..< table.rowCount {
            if cells.byteCount(row) == 0 { throw table.error(row: row, column: idColumn, "empty id") }
            if let instance = cells.withUTF8(row, { index.row(of: $0, in: ids) }) {
                instanceOfRow.append(instance)
            } else {
                let instance = firstRow.count
                cells.withUTF8(row) { ids.append(utf8: $0) }
                _ = index.insert(row: instance, of: ids)
                firstRow.append(row)
                instanceOfRow.append(instance)
            }
        }
    }

    /// The instance with this id.
    func instance(id: UnsafeBufferPointer<UInt8>) -> Int? { index.row(of: id, in: ids) }

    /// The instance-level values of column `c`: the value on each instance's first row.
    func instanceCells(_ c: Int, in table: RawTable) -> TextColumn {
        guard isGrouped else { return table.cells[c] }
        var cells = TextColumn()
        for row in firstRow { table.cells[c].withUTF8(row) { cells.append(utf8: $0) } }
        return cells
    }

    /// The first row whose value in column `c` differs from its instance's first row.
    func firstConflict(_ c: Int, in table: RawTable) -> Int? {
        guard isGrouped else { return nil }
        let cells = table.cells[c]
        for row in 0 ..< table.rowCount {
            let first = firstRow[instanceOfRow[row]]
            if first != row, !cells.withUTF8(row, { a in cells.withUTF8(first) { b in a.bytesEqual(b) } }) {
                return row
            }
        }
        return nil
    }

    func isConstant(_ c: Int, in table: RawTable) -> Bool { firstConflict(c, in: table) == nil }

    /// Instance-level roles (inputs, label) must agree on every row of an instance.
    func requireConstant(_ c: Int, in table: RawTable, what: String) throws {
        guard let row = firstConflict(c, in: table) else { return }
        let first = firstRow[instanceOfRow[row]]
        throw table.error(
            row: row, column: c,
            "instance '\(ids[instanceOfRow[row]])' has a different \(what) here than on line \(table.rowLines[first])")
    }
}
