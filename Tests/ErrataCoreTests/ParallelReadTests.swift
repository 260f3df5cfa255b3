import Testing
@testable import ErrataCore

/// Reading a delimited file in pieces on several cores gives exactly what reading it in one
/// piece gives: the same cells, lines and columns, the same skipped lines, and the same first
/// error at the same file:line:column, wherever the cuts fall.
@Suite struct ParallelReadTests {
    /// What a read produced, comparable as a whole.
    struct Outcome: Equatable {
        var names: [String] = []
        var cells: [TextColumn] = []
        var lines: [Int32] = []
        var columns: [[Int32]] = []
        var skipped = SkippedLines()
        var error: LoadError?
    }

    static func read(_ bytes: [UInt8], cores: Int, dialect: DelimitedReader.Dialect = .csv, skip: Bool = false) -> Outcome {
        outcome(bytes) { buffer in
            var reader = DelimitedReader(file: "t.csv", dialect: dialect, skipBadLines: skip)
            reader.cores = cores
            reader.minimumParallelBytes = 0
            return try reader.read(buffer)
        }
    }

    static func readLines(_ bytes: [UInt8], cores: Int, skip: Bool = false) -> Outcome {
        outcome(bytes) { buffer in
            var reader = JSONLinesReader(file: "t.jsonl", skipBadLines: skip)
            reader.cores = cores
            reader.minimumParallelBytes = 0
            return try reader.read(buffer)
        }
    }

    static func outcome(_ bytes: [UInt8], _ read: (UnsafeBufferPointer<UInt8>) throws -> RawTable) -> Outcome {
        bytes.withUnsafeBufferPointer { buffer in
            do {
                let table = try read(buffer)
                return Outcome(names: table.columnNames, cells: table.cells, lines: table.rowLines,
                               columns: table.cellColumns, skipped: table.skipped)
            } catch {
                return Outcome(error: error as? LoadError)
            }
        }
    }

    /// A CSV whose quoted fields hold commas, doubled quotes, LF and CRLF line ends and
    /// multi-byte characters, with blank lines between some records, CRLF records and a BOM;
    /// `rows` records, seeded.
    static func tricky(rows: Int, seed: UInt64) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        let pieces = ["plain", "é ü", "日本", "a,b", "say \"\"hi\"\"", "line\nbreak", "cr\r\nlf", "", " sp ", "x\"\"\ny"]
        var text = "\u{FEFF}id,text,note\r\n"
        for row in 0 ..< rows {
            let first = pieces[generator.nextIndex(below: pieces.count)]
            let second = pieces[generator.nextIndex(below: pieces.count)]
            let quoted = first.utf8.contains(where: { Array(",\"\n\r".utf8).contains($0) }) || generator.nextIndex(below: 3) == 0
            text += "\(row),\(quoted ? "\"\(first)\"" : first),\"\(second)\""
            text += generator.nextIndex(below: 4) == 0 ? "\r\n" : "\n"
            if generator.nextIndex(below: 9) == 0 { text += generator.nextIndex(below: 2) == 0 ? "\n" : "\r\n" }
        }
        return Array(text.utf8)
    }

    @Test(arguments: [2, 3, 5, 8, 31])
    func piecesGiveTheSameTableAsOnePiece(cores: Int) {
        let bytes = Self.tricky(rows: 400, seed: 7)
        let whole = Self.read(bytes, cores: 1)
        #expect(whole.error == nil && whole.lines.count == 400)
        #expect(Self.read(bytes, cores: cores) == whole)
        // The cuts really happened, at record boundaries.
        let pieces = bytes.withUnsafeBufferPointer {
            DelimitedChunk.split($0, DelimitedChunk(start: 17, end: bytes.count, line: 2), quote: UInt8(ascii: "\""), cores: cores, minimumBytes: 0)
        }
        #expect((pieces?.count ?? 0) > 1)
    }

    @Test func cutsFallInsideQuotedFieldsOnlyWhenTheParityIsKept() {
        // Every range starts inside the one long quoted field: one piece, the same table.
        let long = "id,text\n1,\"" + String(repeating: "a\nb,c\n", count: 200) + "\"\n2,x\n"
        let bytes = Array(long.utf8)
        let pieces = bytes.withUnsafeBufferPointer {
            DelimitedChunk.split($0, DelimitedChunk(start: 8, end: bytes.count, line: 2), quote: UInt8(ascii: "\""), cores: 4, minimumBytes: 0)
        }
        #expect(pieces?.map(\.line) == [2, 403])
        #expect(Self.read(bytes, cores: 4) == Self.read(bytes, cores: 1))
        #expect(Self.read(bytes, cores: 4).lines == [2, 403])
    }

    @Test func aQuoteInsideAnUnquotedFieldFallsBackToOnePiece() {
        // `5" screen` upsets the quote parity of every later cut; the reader notices and agrees.
        var text = "id,size\n"
        for row in 0 ..< 300 { text += row == 3 ? "\(row),5\" screen\n" : "\(row),\"a\nb\"\n" }
        let bytes = Array(text.utf8)
        let whole = Self.read(bytes, cores: 1)
        #expect(whole.error == nil && whole.lines.count == 300)
        #expect(Self.read(bytes, cores: 4) == whole)
    }

    /// A bad record put between two tricky halves, by what is wrong with it.
    static let damage: [String: String] = [
        "wrong field count": "999,only two\n",
        "text after a closing quote": "999,\"a\"b,c\n",
        "a quote left open": "999,\"open,c\n1000,x,y\n",
    ]

    @Test(arguments: ["wrong field count", "invalid UTF-8", "text after a closing quote", "a quote left open"])
    func errorsNameTheSamePlaceWhateverTheCuts(name: String) throws {
        // The damage in the middle: the pieces after it must not report an error of their own.
        var bytes = Self.tricky(rows: 150, seed: 3)
        bytes += Self.damage[name].map { Array($0.utf8) } ?? Array("999,".utf8) + [0xC3, 0x28] + Array(",x\n".utf8)
        bytes += Self.tricky(rows: 150, seed: 4).drop { $0 != UInt8(ascii: "\n") }.dropFirst()
        let whole = Self.read(bytes, cores: 1)
        let error = try #require(whole.error, "\(name)")
        #expect(error.line != nil && error.column != nil)
        for cores in [2, 3, 7, 16] {
            #expect(Self.read(bytes, cores: cores) == whole, "\(name), \(cores) cores")
        }
        if name != "a quote left open" {
            let skipped = Self.read(bytes, cores: 1, skip: true)
            #expect(skipped.skipped.count == 1 && skipped.error == nil)
            for cores in [2, 5, 16] { #expect(Self.read(bytes, cores: cores, skip: true) == skipped, "\(name), skipping") }
        }
    }

    @Test func tabSeparatedFilesSplitAtAnyLineEnd() {
        var text = "id\ttext\n"
        for row in 0 ..< 500 { text += "\(row)\t\"quote\" \(row % 7 == 0 ? "日本" : "x")\n" }
        let bytes = Array(text.utf8)
        let whole = Self.read(bytes, cores: 1, dialect: .tsv)
        #expect(whole.error == nil && whole.lines.count == 500)
        #expect(Self.read(bytes, cores: 6, dialect: .tsv) == whole)
    }

    /// JSON Lines where keys appear late or not at all, with escapes, blank and indented lines.
    static func trickyLines(rows: Int, seed: UInt64, bad: Int? = nil, byteOrderMark: Bool = true) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        var text = byteOrderMark ? "\u{FEFF}" : ""
        for row in 0 ..< rows {
            var members = ["\"id\": \(row)"]
            if generator.nextIndex(below: 3) > 0 { members.append("\"text\": \"caf\\u00e9 \\\"\(row)\\\" 日本\"") }
            if row > rows / 2, generator.nextIndex(below: 2) == 0 { members.append("\"late\": [1, {\"a\": null}]") }
            if generator.nextIndex(below: 5) == 0 { members.append("\"score\": null") }
            text += (generator.nextIndex(below: 7) == 0 ? "  " : "") + "{" + members.joined(separator: ", ") + "}"
            if row == bad { text += " trailing" }
            text += generator.nextIndex(below: 6) == 0 ? "\n\n  \n" : "\n"
        }
        return Array(text.utf8)
    }

    @Test(arguments: [2, 3, 8, 40])
    func jsonLinesPiecesGiveTheSameTable(cores: Int) {
        let bytes = Self.trickyLines(rows: 300, seed: 11)
        let whole = Self.readLines(bytes, cores: 1)
        #expect(whole.error == nil && whole.lines.count == 300)
        #expect(Set(whole.names) == ["id", "text", "score", "late"] && whole.names.last == "late")
        #expect(Self.readLines(bytes, cores: cores) == whole)
    }

    @Test func jsonLinesErrorsNameTheSamePlace() throws {
        let bytes = Self.trickyLines(rows: 300, seed: 12, bad: 170) + Self.trickyLines(rows: 30, seed: 13, bad: 5, byteOrderMark: false)
        let whole = Self.readLines(bytes, cores: 1)
        let error = try #require(whole.error)
        #expect(error.line != nil && error.column != nil)
        let skipping = Self.readLines(bytes, cores: 1, skip: true)
        #expect(skipping.skipped.count == 2 && skipping.lines.count == 328)
        for cores in [2, 5, 16] {
            #expect(Self.readLines(bytes, cores: cores) == whole)
            #expect(Self.readLines(bytes, cores: cores, skip: true) == skipping)
        }
    }
}
