import ErrataTestSupport
import Foundation
import Testing
@testable import ErrataCore

/// Malformed inputs the loaders used to misreport: each is an error naming the file, line and
/// column where it can, in words about what is wrong.
@Suite struct LoaderQualityTests {
    /// The error of loading `contents` as `name` (the file name stripped to the last component).
    func error(_ name: String, _ contents: [UInt8]) throws -> LoadError {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try folder.write(name, bytes: contents)
        var error = try #require(throws: LoadError.self) { try DatasetLoader.load(path) }
        error.file = (error.file as NSString).lastPathComponent
        return error
    }

    func error(_ name: String, _ text: String) throws -> LoadError { try error(name, Array(text.utf8)) }

    @Test func tooFewFieldsNameTheColumnWhereTheLineEnds() throws {
        #expect(try error("d.csv", "id,text,gold\n1,ab,x\n2,abc\n").description == "d.csv:3:6: expected 3 fields as in the header, found 2")
        #expect(try error("d.tsv", "id\ttext\n1\n").description == "d.tsv:2:2: expected 2 fields as in the header, found 1")
    }

    @Test func carriageReturnLineEndsAreRefusedClearly() throws {
        let e = try error("d.csv", "id,text\r1,a\r2,b\r")
        #expect(e.line == 1 && e.column == 8)
        #expect(e.message.hasPrefix("a carriage return that ends no line: lines must end with LF or CRLF"))
    }

    @Test func aSecondByteOrderMarkIsRefused() throws {
        let e = try error("d.csv", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("id,text\n1,a\n".utf8))
        #expect(e.description == "d.csv:1:1: a second byte-order mark (U+FEFF) before the column name: the file was converted to UTF-8 with a BOM twice; remove it")
    }

    @Test func numbersBeyondDoubleAreNotNumbersLikeInf() throws {
        // 60 distinct values: neither numbers (one is not) nor labels, so text, with a warning.
        let rows = (1 ... 60).map { "\($0),t\($0),\($0 == 7 ? "1e400" : String($0))" }.joined(separator: "\n")
        let dataset = try Fixtures.load("d.csv", "id,text,score\n" + rows + "\n")
        let score = try #require(dataset.column(named: "score"))
        #expect(score.type == .text)
        #expect(dataset.warnings.contains { $0.contains("'1e400'") })
        var roles = ColumnRoles()
        roles.types = ["score": .numeric]
        let declared = try #require(throws: LoadError.self) { try Fixtures.load("d.csv", "id,score\n1,2\n2,1e400\n3,inf\n", roles: roles) }
        #expect(declared.line == 3 && declared.column == 3)
    }

    @Test func pathsThatAreNotFilesSayWhatTheyAre() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let loop = folder.url.appendingPathComponent("loop.csv").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        #expect(throws: LoadError(file: loop, "a loop of symbolic links: the path never reaches a file")) { try DatasetLoader.load(loop) }
        let fifo = folder.url.appendingPathComponent("pipe.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: LoadError(file: fifo, "a FIFO (named pipe), not a file: errata reads a file it can map; save the data to a file first")) {
            try DatasetLoader.load(fifo)
        }
        #expect(throws: LoadError(file: "/dev/null", "a device or socket, not a file: give a CSV, TSV or JSON Lines file")) {
            try DatasetLoader.load("/dev/null")
        }
        #expect(throws: LoadError(file: "''", "no dataset given: the path is empty")) { try DatasetLoader.load("") }
    }

    @Test func wideFilesKeepEveryColumnFindableByName() throws {
        // Look-ups by name are hashed (docs/performance.md has the timings); here, that the
        // index agrees with the names, for a wide file and for keys first seen on later lines.
        let names = (0 ..< 20_000).map { "c\($0)" }
        let table = RawTable(file: "wide.csv", columnNames: names)
        #expect(table.columnIndex("c19999") == 19_999 && table.columnIndex("c0") == 0 && table.columnIndex("x") == nil)
        let dataset = try Fixtures.load("wide.csv", "id," + names.dropFirst().joined(separator: ",") + "\n1," + names.dropFirst().map { _ in "1" }.joined(separator: ",") + "\n")
        #expect(dataset.metadata.count == 19_999 && dataset.column(named: "c12345") != nil)
        #expect(Analysis(dataset: dataset).metricNames.count == 19_999 + MetricCatalog.classification.count)
        let jsonl = try DatasetLoader.readTable(try TemporaryDirectory().write("k.jsonl", "{\"a\": 1}\n{\"b\": 2, \"a\": 3}\n"))
        #expect(jsonl.columnIndex("b") == 1 && jsonl.cells[1][0] == "" && jsonl.cells[0][1] == "3")
    }

    @Test func jsonArraysAndObjectsInsideValuesAreChecked() throws {
        let head = #"{"id": "1", "tags": "#
        #expect(try error("d.jsonl", head + "[1,2,]}\n").description == "d.jsonl:1:26: expected a value (string, number, true, false, null, array or object), found ']'")
        #expect(try error("d.jsonl", head + "[1 2]}\n").description == "d.jsonl:1:24: expected ',' or ']', found '2'")
        #expect(try error("d.jsonl", head + #"{"a" 1}}"# + "\n").description == "d.jsonl:1:26: expected ':' after the key, found '1'")
        #expect(try error("d.jsonl", head + "[1}}\n").description == "d.jsonl:1:23: '}' does not close the array open here")
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(try error("d.jsonl", head + deep + "}\n").message == "arrays and objects nested more than 128 levels deep")
        let fine = try Fixtures.load("d.jsonl", head + #"[1, {"k": [true, null]}, "x"]}"# + "\n")
        #expect(fine.metadata.count == 1)
    }

    @Test func theFirstInvalidByteIsLocated() {
        let bytes = Array("a\nb\nxé".utf8) + [0xFF] + Array("\n".utf8)
        let bad = firstInvalidUTF8(in: bytes)
        #expect(bad?.line == 3 && bad?.column == 3 && bad?.byte == 0xFF)
        #expect(firstInvalidUTF8(in: Array("fine\n".utf8)) == nil)
    }
}
