import Testing
@testable import ErrataCore

@Suite struct DelimitedReaderTests {
    func read(_ text: String, _ dialect: DelimitedReader.Dialect = .csv, skip: Bool = false) throws -> RawTable {
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer {
            try DelimitedReader(file: "t.csv", dialect: dialect, skipBadLines: skip).read(UnsafeBufferPointer($0))
        }
    }

    @Test func quotedFieldsWithDelimitersNewlinesAndEscapedQuotes() throws {
        let table = try read("id,text\r\n1,\"a, \"\"b\"\"\nc\"\r\n2,plain\r\n")
        #expect(table.columnNames == ["id", "text"])
        #expect(table.rowCount == 2)
        #expect(table.cells[1][0] == "a, \"b\"\nc")
        #expect(table.cells[1][1] == "plain")
        #expect(table.rowLines == [2, 4])
    }
}
