/// Notices a long layout whose id names rows rather than instances, and names the column that
/// would group them.
///
/// In a long file every system's row of one instance shares the instance's id. When each id
/// occurs once, each instance has one system's output, no two systems share an instance, and
/// every comparison is empty: the file loads, but nothing can be compared. A column whose
/// values repeat across rows while no system has two rows with the same value (a segment
/// number, the source sentence) is what should be the id.
enum GroupingAdvice {
    /// The warning for `table` grouped into `instanceCount` instances, or nil when instances
    /// do have several rows (or there is only one system).
    static func warning(table: RawTable, idName: String, systemColumn: Int, systemCount: Int,
                        instanceCount: Int, candidates: [String]) -> String? {
        guard systemCount >= 2, instanceCount == table.rowCount else { return nil }
        let problem = "every value of the id column '\(idName)' occurs on one row only, so each instance has one system's output and systems share no instance to compare on"
        guard let column = groupingColumn(table, systemColumn: systemColumn, candidates: candidates) else {
            return problem + "; give as id (--id) a column whose value is shared by the rows of one instance"
        }
        return problem + "; '\(column)' groups the rows (one per system): use --id \(column) (manifest \"id\")"
    }

    /// The candidate with the fewest distinct values on which no system repeats a value, if
    /// any repeats at all (a column unique on every row groups nothing).
    private static func groupingColumn(_ table: RawTable, systemColumn: Int, candidates: [String]) -> String? {
        var best: (name: String, distinct: Int)?
        for name in candidates {
            guard let c = table.columnIndex(name) else { continue }
            var values = Set<String>(), pairs = Set<String>()
            var unique = true
            for row in 0 ..< table.rowCount {
                let value = table.cells[c][row]
                values.insert(value)
                if !pairs.insert(value + "\u{0}" + table.cells[systemColumn][row]).inserted {
                    unique = false
                    break
                }
            }
            guard unique, values.count < table.rowCount, !values.contains("") else { continue }
            if best == nil || values.count < best!.distinct { best = (name, values.count) }
        }
        return best?.name
    }
}
