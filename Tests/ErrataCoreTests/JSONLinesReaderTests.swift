import Testing
@testable import ErrataCore

@Suite struct JSONLinesReaderTests {
    func read(_ text: String, skip: Bool = false) throws -> RawTable {
        try Array(text.utf8).withUnsafeBufferPointer { try JSONLinesReader(file: "d.jsonl", skipBadLines: skip).read($0) }
    }

    func error(_ text: String) -> LoadError? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error as? LoadError
        }
    }

    @Test func valuesEscapesAndLateKeys() throws {
        let table = try read("""
            {"id": "a", "text": "tab\\there \\"q\\" \\u00e9 \\ud83d\\ude00", "n": 1.5e2, "ok": true}
            {"id": "b", "text": "plain", "tags": ["x", "y"], "n": null, "p": {"pos": 0.9}}

            """)
        #expect(table.columnNames == ["id", "text", "n", "ok", "tags", "p"])
        #expect(table.rowCount == 2)
        #expect(table.cells[1][0] == "tab\there \"q\" é 😀")
        #expect(table.cells[2][0] == "1.5e2")
        #expect(table.cells[2][1] == "")
        #expect(table.cells[3][1] == "")
        #expect(table.cells[4][0] == "")
        #expect(table.cells[4][1] == "[\"x\", \"y\"]")
        #expect(table.cells[5][1] == "{\"pos\": 0.9}")
    }

    @Test func errorsNameLineAndColumn() throws {
        #expect(error("{\"a\": 1}\n{\"a\" 2}\n")?.description == "d.jsonl:2:6: expected ':' after the key \"a\", found '2'")
        #expect(error("{\"a\": 1,}\n")?.description == "d.jsonl:1:9: expected a key in double quotes, found '}'")
        #expect(error("[1, 2]\n")?.description == "d.jsonl:1:1: expected a JSON object ('{') at the start of the line, found '['")
        #expect(error("{\"a\": \"x}\n")?.description == "d.jsonl:1:7: unterminated string: no closing '\"' on this line")
        #expect(error("{\"a\": 1} x\n")?.description == "d.jsonl:1:10: unexpected 'x' after the end of the object: one object per line")
        #expect(error("{\"a\": 1, \"a\": 2}\n")?.description == "d.jsonl:1:10: duplicate key \"a\" in this object")
        #expect(error("{\"a\": tru}\n")?.description == "d.jsonl:1:7: invalid literal: expected 'true'")
        #expect(error("")?.message.contains("empty") == true)
    }

    @Test func skipBadLines() throws {
        let table = try read("{\"a\": 1}\n{\"a\": }\n{\"a\": 3}\n", skip: true)
        #expect(table.rowCount == 2)
        #expect(table.cells[0][1] == "3")
        #expect(table.rowLines == [1, 3])
        #expect(table.skipped.count == 1)
    }

    /// Keys are found by their bytes against the previous line's order first: a line with its
    /// keys in another order, one with a key written with an escape, and one with a key missing
    /// must still fill the right columns.
    @Test func keysInAnyOrderFindTheirColumns() throws {
        let table = try read("""
            {"id": 1, "text": "a", "n": 10}
            {"n": 20, "id": 2, "text": "b"}
            {"id": 3, "te\\u0078t": "c", "n": 30}
            {"id": 4, "n": 40}
            {"text": "e", "extra": "x", "id": 5, "n": 50}

            """)
        #expect(table.columnNames == ["id", "text", "n", "extra"])
        #expect((0 ..< 5).map { table.cells[0][$0] } == ["1", "2", "3", "4", "5"])
        #expect((0 ..< 5).map { table.cells[1][$0] } == ["a", "b", "c", "", "e"])
        #expect((0 ..< 5).map { table.cells[2][$0] } == ["10", "20", "30", "40", "50"])
        #expect((0 ..< 5).map { table.cells[3][$0] } == ["", "", "", "", "x"])
        #expect(table.cellColumns[1] == [19, 28, 24, 0, 10])
        #expect(table.cellColumns[3] == [0, 0, 0, 0, 24])
    }

    /// A key first seen on a line that is skipped still becomes a column (empty), as before
    /// cells were collected per line; the duplicate-key error names the key.
    @Test func aKeyFirstSeenOnASkippedLineIsAnEmptyColumn() throws {
        let table = try read("{\"a\": 1}\n{\"a\": 2, \"b\": 3} x\n{\"a\": 4}\n", skip: true)
        #expect(table.columnNames == ["a", "b"])
        #expect(table.rowCount == 2 && table.skipped.count == 1)
        #expect(table.cells[1] == TextColumn(["", ""]))
        #expect(error("{\"a\": 1, \"b\": 2, \"a\": 3}\n")?.description == "d.jsonl:1:18: duplicate key \"a\" in this object")
    }
}
