import Testing
@testable import ErrataCore

@Suite struct DelimitedReaderTests {
    func read(_ text: String, _ dialect: DelimitedReader.Dialect = .csv, skip: Bool = false) throws -> RawTable {
        try read(bytes: Array(text.utf8), dialect, skip: skip)
    }

    func read(bytes: [UInt8], _ dialect: DelimitedReader.Dialect = .csv, skip: Bool = false) throws -> RawTable {
        try bytes.withUnsafeBufferPointer {
            try DelimitedReader(file: "t.csv", dialect: dialect, skipBadLines: skip).read($0)
        }
    }

    func error(_ text: String, _ dialect: DelimitedReader.Dialect = .csv) -> LoadError? {
        do {
            _ = try read(text, dialect)
            return nil
        } catch {
            return error as? LoadError
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

    @Test func byteOrderMarkBlankLinesAndMissingFinalNewline() throws {
        let table = try read(bytes: [0xEF, 0xBB, 0xBF] + Array("a,b\n\n1,2\n\n3,\n4,5".utf8))
        #expect(table.columnNames == ["a", "b"])
        #expect(table.rowCount == 3)
        #expect(table.cells[1][1] == "")
        #expect(table.cells[1][2] == "5")
        #expect(table.rowLines == [3, 5, 6])
    }

    @Test func tsvTakesQuotesLiterally() throws {
        let table = try read("id\toutput\n1\t\"Ja\", sagte er\n", .tsv)
        #expect(table.cells[1][0] == "\"Ja\", sagte er")
    }

    @Test func raggedRowIsLocated() throws {
        let e = try #require(error("a,b\n1,2\n3,4,5\n"))
        #expect(e.description == "t.csv:3:5: expected 2 fields as in the header, found 3")
        let short = try #require(error("a,b\n1\n"))
        // Too few: the column where the line ends, where the missing field would start.
        #expect(short.description == "t.csv:2:2: expected 2 fields as in the header, found 1")
    }

    @Test func unterminatedQuotePointsAtTheOpeningQuote() throws {
        let e = try #require(error("a,b\n1,2\n3,\"open\n4,5\n"))
        #expect(e.line == 3 && e.column == 3)
        #expect(e.message.contains("unterminated quoted field"))
    }

    @Test func characterAfterClosingQuote() throws {
        let e = try #require(error("a,b\n1,\"x\"y\n"))
        #expect(e.line == 2 && e.column == 6)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let e = try #require(error("a,b\nü€,2,3\n"))
        #expect(e.column == 6)
    }

    @Test func invalidUTF8IsLocated() throws {
        var bytes = Array("a,b\n1,ok\n2,b".utf8)
        bytes.append(0xFF)
        bytes += Array("d\n".utf8)
        #expect(throws: LoadError(file: "t.csv", line: 3, column: 4, "invalid UTF-8 (byte 0xFF): save the file as UTF-8")) {
            try read(bytes: bytes)
        }
        let skipped = try read(bytes: bytes, skip: true)
        #expect(skipped.rowCount == 1)
        #expect(skipped.skipped.count == 1)
    }

    @Test func emptyFileAndBadHeaders() throws {
        #expect(error("")?.message.contains("empty") == true)
        #expect(error("\n\n")?.message.contains("empty") == true)
        #expect(error("a,a\n1,2\n")?.description == "t.csv:1:3: duplicate column name 'a'")
        #expect(error("a,,c\n")?.description == "t.csv:1:3: column 2 of the header has no name")
    }

    @Test func skipBadLinesKeepsTheRestAndCounts() throws {
        let table = try read("a,b\n1,2\n3\n4,5,6\n7,8\n", skip: true)
        #expect(table.rowCount == 2)
        #expect(table.cells[0][1] == "7")
        #expect(table.skipped.count == 2)
        #expect(table.skipped.examples.map(\.line) == [3, 4])
    }
}
