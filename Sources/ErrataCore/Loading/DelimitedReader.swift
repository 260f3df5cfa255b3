import Foundation

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
    /// Cores to read with (see `DelimitedChunk.split`), and the size from which a file is split.
    var cores = ProcessInfo.processInfo.activeProcessorCount
    var minimumParallelBytes = DelimitedChunk.minimumParallelBytes
    /// Called with each piece's byte range once it is read: the loader hands the pages of its
    /// file mapping back (`MappedFile.release`); a buffer the reader does not own is kept.
    var releasePages: @Sendable (Range<Int>) -> Void = { _ in }

    private var delimiter: UInt8 { dialect == .csv ? UInt8(ascii: ",") : UInt8(ascii: "\t") }

    func read(_ bytes: UnsafeBufferPointer<UInt8>) throws -> RawTable {
        let invalid = invalidUTF8Offsets(bytes)
        var cursor = ByteCursor(bytes)
        var nextInvalid = 0
        func firstInvalid(from start: Int, to end: Int) -> Int? {
            while nextInvalid < invalid.count, invalid[nextInvalid] < start { nextInvalid += 1 }
            return nextInvalid < invalid.count && invalid[nextInvalid] < end ? invalid[nextInvalid] : nil
        }

        // Header: bad header lines are never skipped, since every later line depends on them.
        skipBlankLines(&cursor)
        guard !cursor.atEnd else {
            throw LoadError(file: file, "the file is empty: expected a header line with column names")
        }
        let headerLine = cursor.line, headerStart = cursor.offset
        var header = HeaderFields()
        _ = try readRecord(&cursor, into: &header)
        if let bad = firstInvalid(from: headerStart, to: cursor.offset) { throw invalidUTF8Error(bytes, at: bad) }
        var names: [String] = []
        var seen = Set<String>()
        for (i, field) in header.fields.enumerated() {
            try checkHeaderField(field, line: headerLine)
            let name = String(decoding: field.bytes, as: UTF8.self).trimmingSpaces()
            if name.isEmpty {
                throw LoadError(file: file, line: headerLine, column: Int(field.column), "column \(i + 1) of the header has no name")
            }
            if !seen.insert(name).inserted {
                throw LoadError(file: file, line: headerLine, column: Int(field.column), "duplicate column name '\(name)'")
            }
            names.append(name)
        }

        let body = DelimitedChunk(start: cursor.offset, end: bytes.count, line: cursor.line)
        if let pieces = DelimitedChunk.split(bytes, body, quote: dialect == .csv ? UInt8(ascii: "\"") : nil,
                                             cores: cores, minimumBytes: minimumParallelBytes) {
            let shared = UncheckedSendable((reader: self, bytes: bytes)), names = names
            // Blank lines never precede a cut, so each piece must stop exactly where the next starts.
            if let table = try DelimitedChunk.readEach(pieces, of: bytes, skippable: { _ in false }, releasing: releasePages, { k, piece in
                let (reader, bytes) = shared.value
                return try reader.readRecords(bytes, piece, names: names, invalid: invalid,
                                              progress: k == 0 ? reader.progress : ReadProgress(nil))
            }) {
                return table
            }
        }
        return try readRecords(bytes, body, names: names, invalid: invalid, progress: progress).table
    }

    /// Reads the records of `chunk` (those starting before its end) into a table; returns it
    /// with the offset where reading stopped: the first record start at or after the end.
    ///
    /// A chunk starts at a line's start with column 1, so its cursor knows line and column
    /// exactly as a reader that came from the top of the file would.
    private func readRecords(_ bytes: UnsafeBufferPointer<UInt8>, _ chunk: DelimitedChunk, names: [String],
                             invalid: [Int], progress: ReadProgress) throws -> (table: RawTable, end: Int) {
        var cursor = ByteCursor(bytes, offset: chunk.start, line: chunk.line)
        var nextInvalid = invalid.firstIndex { $0 >= chunk.start } ?? invalid.count
        func firstInvalid(from start: Int, to end: Int) -> Int? {
            while nextInvalid < invalid.count, invalid[nextInvalid] < start { nextInvalid += 1 }
            return nextInvalid < invalid.count && invalid[nextInvalid] < end ? invalid[nextInvalid] : nil
        }
        var cells = CellWriter(file: file, columnNames: names, inputSize: chunk.end - chunk.start)
        var skipped = SkippedLines()
        var progress = progress
        while true {
            progress.update(offset: cursor.offset - chunk.start, total: chunk.end - chunk.start)
            skipBlankLines(&cursor)
            if cursor.atEnd || cursor.offset >= chunk.end { break }
            let line = cursor.line, start = cursor.offset
            let fieldCount: Int, recordEnd: Int32
            do {
                (fieldCount, recordEnd) = try readRecord(&cursor, into: &cells)
            } catch let error as LoadError where skipBadLines && error.message != Self.unterminatedQuote {
                cells.discardRecord()
                skipped.record(error)
                cursor.skipLine()
                continue
            }
            var problem: LoadError?
            if let bad = firstInvalid(from: start, to: cursor.offset) {
                problem = invalidUTF8Error(bytes, at: bad)
            } else if fieldCount != names.count {
                // Too many: where the first extra field starts; too few: where the line ends.
                problem = LoadError(
                    file: file, line: line, column: Int(cells.firstExtraFieldColumn ?? recordEnd),
                    "expected \(names.count) fields as in the header, found \(fieldCount)")
            }
            if let problem {
                if !skipBadLines { throw problem }
                cells.discardRecord()
                skipped.record(problem)
                continue
            }
            cells.commitRecord(line: line, offset: cursor.offset - chunk.start)
        }
        return (cells.finish(skipped: skipped), cursor.offset)
    }

    static let unterminatedQuote = "unterminated quoted field: no closing '\"' before the end of the file"

    /// Passes over blank lines (LF or CRLF alone).
    private func skipBlankLines(_ cursor: inout ByteCursor) {
        let newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        while !cursor.atEnd, cursor.current == newline || (cursor.current == cr && cursor.peek() == newline) {
            cursor.advance()
        }
    }

    /// Reads the record at the cursor into `sink`, field by field, and returns how many fields
    /// it has, and the column at which the record's line ends. Unquoted fields and quoted ones
    /// without escaped quotes reach the sink as one piece of the input; nothing is copied on the way.
    private func readRecord<Sink: FieldSink & ~Copyable>(_ cursor: inout ByteCursor, into sink: inout Sink) throws -> (fields: Int, end: Int32) {
        let newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), quote = UInt8(ascii: "\"")
        var field = 0
        var end: Int32 = 1
        while true {
            let column = Int32(cursor.column)
            if dialect == .csv, !cursor.atEnd, cursor.current == quote {
                let (openLine, openColumn) = (cursor.line, cursor.column)
                cursor.advance()
                while true {
                    let run = cursor.offset
                    cursor.advance(toNext: quote)
                    if cursor.atEnd {
                        throw LoadError(file: file, line: openLine, column: openColumn, Self.unterminatedQuote)
                    }
                    let escaped = cursor.peek() == quote
                    cursor.advance()
                    // A doubled quote is a literal one: the piece keeps the first and resumes after the second.
                    sink.append(UnsafeBufferPointer(rebasing: cursor.bytes[run ..< cursor.offset - (escaped ? 0 : 1)]), toField: field)
                    if !escaped { break }
                    cursor.advance()
                }
                if !cursor.atEnd, cursor.current != delimiter, cursor.current != newline,
                   !(cursor.current == cr && cursor.peek() == newline) {
                    throw LoadError(
                        file: file, line: cursor.line, column: cursor.column,
                        "unexpected character after a closing quote: expected '\(dialect == .csv ? "," : "\\t")' or the end of the line")
                }
            } else {
                let start = cursor.offset
                cursor.skipUnquotedField(delimiter: delimiter)
                sink.append(UnsafeBufferPointer(rebasing: cursor.bytes[start ..< cursor.offset]), toField: field)
            }
            sink.endField(field, column: column)
            field += 1
            end = Int32(cursor.column)
            if cursor.atEnd { break }
            if cursor.current == delimiter {
                cursor.advance()
                continue
            }
            if cursor.current == cr { cursor.advance() }
            cursor.advance()  // the newline
            break
        }
        return (field, end)
    }

    /// The header's fields as text, with the column each starts at.
    private struct HeaderFields: FieldSink {
        var fields: [(bytes: [UInt8], column: Int32)] = []

        mutating func append(_ piece: UnsafeBufferPointer<UInt8>, toField field: Int) {
            if field == fields.count { fields.append(([], 0)) }
            fields[field].bytes += piece
        }

        mutating func endField(_ field: Int, column: Int32) {
            if field == fields.count { fields.append(([], 0)) }
            fields[field].column = column
        }
    }

    /// A header field with a carriage return that ends no line means the file's lines end with
    /// CR alone (classic Mac OS), which would read as one enormous header; one starting with
    /// U+FEFF means a second byte-order mark (the file was converted with a BOM twice), which
    /// would become part of the first column's name. Both are refused with what to do.
    private func checkHeaderField(_ field: (bytes: [UInt8], column: Int32), line: Int) throws {
        if let cr = field.bytes.firstIndex(of: UInt8(ascii: "\r")) {
            let column = Int(field.column) + field.bytes[..<cr].filter { $0 & 0xC0 != 0x80 }.count
            throw LoadError(file: file, line: line, column: column,
                            "a carriage return that ends no line: lines must end with LF or CRLF, not CR alone; convert the file (for example: tr '\\r' '\\n')")
        }
        if field.bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw LoadError(file: file, line: line, column: Int(field.column),
                            "a second byte-order mark (U+FEFF) before the column name: the file was converted to UTF-8 with a BOM twice; remove it")
        }
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
