/// Reads CSV (RFC 4180) and TSV into a `RawTable`.
///
/// CSV: fields may be quoted with `"`, a doubled `""` is a literal quote, quoted fields may
/// hold delimiters and newlines. TSV follows the IANA definition: no quoting at all, so a
/// translation that begins with a quotation mark stays intact. Both accept a UTF-8 byte-order
/// mark, CRLF or LF line ends, and skip blank lines. The first record is the header.
struct DelimitedReader {
    enum Dialect { case csv, tsv }

    let file: String
    let dialect: Dialect
    let skipBadLines: Bool
    var progress = ReadProgress(nil)

    private var delimiter: UInt8 { dialect == .csv ? UInt8(ascii: ",") : UInt8(ascii: "\t") }

    /// One parsed record: where each field's bytes are and where each field started.
    ///
    /// Unquoted fields are ranges of the input; quoted fields, whose `""` must be unescaped, are
    /// ranges of `scratch`. One record is reused for every line, so reading allocates nothing
    /// per field.
    private struct Record {
        /// Where a field's bytes are (in the input or in `scratch`) and the column it starts at.
        struct Field {
            var range: Range<Int>
            var inScratch: Bool
            var column: Int32
        }

        var fields: [Field] = []
        var scratch: [UInt8] = []
        var line = 0
        var startOffset = 0
        var endOffset = 0

        var fieldCount: Int { fields.count }

        mutating func reset() {
            fields.removeAll(keepingCapacity: true)
            scratch.removeAll(keepingCapacity: true)
        }

        func withField<R>(_ i: Int, in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            let field = fields[i]
            if field.inScratch {
                return scratch.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[field.range])) }
            }
            return body(UnsafeBufferPointer(rebasing: bytes[field.range]))
        }
    }

    func read(_ bytes: UnsafeBufferPointer<UInt8>) throws -> RawTable {
        let invalid = invalidUTF8Offsets(bytes)
        var cursor = ByteCursor(bytes)
        var nextInvalid = 0
        func firstInvalid(in record: Record) -> Int? {
            while nextInvalid < invalid.count, invalid[nextInvalid] < record.startOffset { nextInvalid += 1 }
            return nextInvalid < invalid.count && invalid[nextInvalid] < record.endOffset ? invalid[nextInvalid] : nil
        }

        // Header: bad header lines are never skipped, since every later line depends on them.
        var header = Record()
        guard try readRecord(&cursor, into: &header) else {
            throw LoadError(file: file, "the file is empty: expected a header line with column names")
        }
        if let bad = firstInvalid(in: header) { throw invalidUTF8Error(bytes, at: bad) }
        var names: [String] = []
        for i in 0 ..< header.fieldCount {
            let name = header.withField(i, in: bytes) { String(decoding: $0, as: UTF8.self) }.trimmingSpaces()
            if name.isEmpty {
                throw LoadError(file: file, line: header.line, column: Int(header.fields[i].column), "column \(i + 1) of the header has no name")
            }
            if names.contains(name) {
                throw LoadError(file: file, line: header.line, column: Int(header.fields[i].column), "duplicate column name '\(name)'")
            }
            names.append(name)
        }

        var table = RawTable(file: file, columnNames: names)
        let estimatedRows = max(16, bytes.count / max(1, header.endOffset - header.startOffset))
        for c in names.indices {
            table.cells[c].reserveCapacity(rows: estimatedRows, bytes: bytes.count / names.count)
            table.cellColumns[c].reserveCapacity(estimatedRows)
        }
        table.rowLines.reserveCapacity(estimatedRows)

        var record = Record()
        var progress = self.progress
        while true {
            progress.update(offset: cursor.offset, total: bytes.count)
            do {
                guard try readRecord(&cursor, into: &record) else { break }
            } catch let error as LoadError where skipBadLines && error.message != Self.unterminatedQuote {
                table.skipped.record(error)
                cursor.skipLine()
                continue
            }
            var problem: LoadError?
            if let bad = firstInvalid(in: record) {
                problem = invalidUTF8Error(bytes, at: bad)
            } else if record.fieldCount != names.count {
                let column = record.fieldCount > names.count ? Int(record.fields[names.count].column) : nil
                problem = LoadError(
                    file: file, line: record.line, column: column,
                    "expected \(names.count) fields as in the header, found \(record.fieldCount)")
            }
            if let problem {
                if skipBadLines { table.skipped.record(problem); continue }
                throw problem
            }
            table.rowLines.append(Int32(record.line))
            for c in names.indices {
                record.withField(c, in: bytes) { table.cells[c].append(utf8: $0) }
                table.cellColumns[c].append(record.fields[c].column)
            }
        }
        return table
    }

    static let unterminatedQuote = "unterminated quoted field: no closing '\"' before the end of the file"

    /// Reads one record into `record`; false at the end of input. Blank lines are skipped.
    private func readRecord(_ cursor: inout ByteCursor, into record: inout Record) throws -> Bool {
        let newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), quote = UInt8(ascii: "\"")
        while !cursor.atEnd, cursor.current == newline || (cursor.current == cr && cursor.peek() == newline) {
            cursor.advance()
        }
        if cursor.atEnd { return false }
        record.reset()
        record.line = cursor.line
        record.startOffset = cursor.offset
        while true {
            let column = Int32(cursor.column)
            if dialect == .csv, !cursor.atEnd, cursor.current == quote {
                let (openLine, openColumn) = (cursor.line, cursor.column)
                let start = record.scratch.count
                cursor.advance()
                while true {
                    // Everything up to the next quote is the field's text, copied in one go.
                    let run = cursor.offset
                    cursor.advance(toNext: quote)
                    record.scratch.append(contentsOf: UnsafeBufferPointer(rebasing: cursor.bytes[run ..< cursor.offset]))
                    if cursor.atEnd {
                        throw LoadError(file: file, line: openLine, column: openColumn, Self.unterminatedQuote)
                    }
                    if cursor.peek() == quote {
                        record.scratch.append(quote)
                        cursor.advance()
                        cursor.advance()
                        continue
                    }
                    cursor.advance()
                    break
                }
                record.fields.append(.init(range: start ..< record.scratch.count, inScratch: true, column: column))
                if !cursor.atEnd, cursor.current != delimiter, cursor.current != newline,
                   !(cursor.current == cr && cursor.peek() == newline) {
                    throw LoadError(
                        file: file, line: cursor.line, column: cursor.column,
                        "unexpected character after a closing quote: expected '\(dialect == .csv ? "," : "\\t")' or the end of the line")
                }
            } else {
                let start = cursor.offset
                cursor.skipUnquotedField(delimiter: delimiter)
                record.fields.append(.init(range: start ..< cursor.offset, inScratch: false, column: column))
            }
            if cursor.atEnd { break }
            if cursor.current == delimiter {
                cursor.advance()
                continue
            }
            if cursor.current == cr { cursor.advance() }
            cursor.advance()  // the newline
            break
        }
        record.endOffset = cursor.offset
        return true
    }

    private func invalidUTF8Error(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> LoadError {
        var cursor = ByteCursor(bytes)
        while cursor.offset < offset { cursor.advance() }
        return LoadError(
            file: file, line: cursor.line, column: cursor.column,
            "invalid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true))): save the file as UTF-8")
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
