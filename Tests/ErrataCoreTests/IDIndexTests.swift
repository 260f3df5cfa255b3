import Testing
@testable import ErrataCore

@Suite struct IDIndexTests {
    @Test func findsEveryRowAndReportsDuplicates() {
        let ids = TextColumn((0 ..< 50_000).map { "id-\($0 * 7919 % 100_003)" } + ["", "é", "id-7919"])
        var index = IDIndex(capacity: ids.count)
        var duplicates: [(Int, Int)] = []
        for row in 0 ..< ids.count {
            if let first = index.insert(row: row, of: ids) { duplicates.append((first, row)) }
        }
        #expect(duplicates.count == 1 && duplicates[0] == (1, 50_002))
        for row in stride(from: 0, to: 50_000, by: 997) { #expect(index.row(of: ids[row], in: ids) == row) }
        #expect(index.row(of: "é", in: ids) == 50_001)
        #expect(index.row(of: "", in: ids) == 50_000)
        #expect(index.row(of: "id-100004", in: ids) == nil)
    }

    /// `insertAll` reads blocks of 16 rows ahead, over a column of several runs: it reports
    /// the same rows, in the same order, as inserting one row at a time, and stops where asked.
    @Test func insertingAllAgreesWithOneAtATime() {
        let texts = (0 ..< 100).map { "r\($0 % 37 == 5 && $0 > 37 ? 5 : $0)" } + ["", "r99"]
        var ids = TextColumn(runByteLimit: 64)
        for text in texts { ids.append(text) }
        var runs = 0
        ids.forEachRun { _, _, _ in runs += 1 }
        var one = IDIndex(capacity: ids.count), expected: [[Int]] = []
        for row in 0 ..< ids.count { expected.append([row, one.insert(row: row, of: ids) ?? -1]) }
        var all = IDIndex(capacity: ids.count), heard: [[Int]] = []
        all.insertAll(ids) { row, id, earlier in
            #expect(id.elementsEqual(texts[row].utf8))
            heard.append([row, earlier ?? -1])
            return true
        }
        #expect(runs > 3 && heard == expected)
        #expect(expected.filter { $0[1] >= 0 } == [[42, 5], [79, 5], [101, 99]])
        var stopping = IDIndex(capacity: ids.count), rows: [Int] = []
        stopping.insertAll(ids) { row, _, earlier in
            rows.append(row)
            return earlier == nil
        }
        #expect(rows == Array(0 ... 42))
    }
}
