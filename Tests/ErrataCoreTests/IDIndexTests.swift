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
}
