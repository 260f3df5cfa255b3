/// Which rows of a raw table make up which instance, and the instances' ids.
///
/// Wide tables have one row per instance. Long tables have one row per instance and system;
/// their rows are grouped by id, instances numbered in order of first appearance.
struct InstanceGrouping {
    private(set) var ids = TextColumn()
    private(set) var rowOfID: [String: Int] = [:]
    /// The first table row of each instance.
    private(set) var firstRow: [Int] = []
    /// The instance of each table row.
    private(set) var instanceOfRow: [Int] = []
    let isGrouped: Bool

    var count: Int { firstRow.count }

    init(oneRowPerInstance table: RawTable, idColumn: Int?) throws {
        isGrouped = false
        rowOfID.reserveCapacity(table.rowCount)
        firstRow = Array(0 ..< table.rowCount)
        instanceOfRow = firstRow
        guard let idColumn else {
            for row in 0 ..< table.rowCount {
                let id = String(row + 1)
                ids.append(id)
                rowOfID[id] = row
            }
            return
        }
        ids = table.cells[idColumn]
        for row in 0 ..< table.rowCount {
            let id = ids[row]
            if id.isEmpty { throw table.error(row: row, column: idColumn, "empty id") }
            if let first = rowOfID.updateValue(row, forKey: id) {
                throw table.error(row: row, column: idColumn, "duplicate id '\(id)' (first on line \(table.rowLines[first]))")
            }
        }
    }

    init(groupingRowsOf table: RawTable, idColumn: Int) throws {
        isGrouped = true
        instanceOfRow.reserveCapacity(table.rowCount)
        for row in 0 ..< table.rowCount {
            let id = table.cells[idColumn][row]
            if id.isEmpty { throw table.error(row: row, column: idColumn, "empty id") }
            if let instance = rowOfID[id] {
                instanceOfRow.append(instance)
            } else {
                let instance = firstRow.count
                rowOfID[id] = instance
                firstRow.append(row)
                instanceOfRow.append(instance)
                ids.append(id)
            }
        }
    }

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
            if first != row, !cells.withUTF8(row, { a in cells.withUTF8(first) { b in a.elementsEqual(b) } }) {
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
