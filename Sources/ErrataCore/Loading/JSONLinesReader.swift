import Foundation

/// Reads JSON Lines (one JSON object per line) into a `RawTable`.
///
/// A hand-written scanner rather than Foundation's `JSONSerialization`: it reports errors as
/// `file:line:column`, keeps arrays and objects as their source text (so list-valued and
/// probability columns reach type inference intact) and does not build a dictionary per line,
/// which is what makes loading a million lines fast. Keys seen for the first time on a later
/// line become new columns, missing on earlier lines.
struct JSONLinesReader {
    let file: String
    let skipBadLines: Bool
    var progress = ReadProgress(nil)

    /// Cores to read with, and the size from which a file is split (see `read`).
    var cores = ProcessInfo.processInfo.activeProcessorCount
    var minimumParallelBytes = DelimitedChunk.minimumParallelBytes
    /// Called with each piece's byte range once it is read: the loader hands the pages of its
    /// file mapping back (`MappedFile.release`); a buffer the reader does not own is kept.
    var releasePages: @Sendable (Range<Int>) -> Void = { _ in }

    /// Reads the file; a large one in pieces cut at line ends, one per core at a time (objects
    /// never span lines), joined as `RawTable(joining:)` describes. The result, and
    /// the first error with its line and column, are those of reading in one piece.
    func read(_ bytes: UnsafeBufferPointer<UInt8>) throws -> RawTable {
        let invalid = invalidUTF8Offsets(bytes)
        let start = ByteCursor(bytes).offset  // after a byte-order mark
        let whole = DelimitedChunk(start: start, end: bytes.count, line: 1)
        let table: RawTable
        if let pieces = DelimitedChunk.split(bytes, whole, quote: nil, cores: cores, minimumBytes: minimumParallelBytes) {
            let shared = UncheckedSendable((reader: self, bytes: bytes))
            let joined = try DelimitedChunk.readEach(pieces, of: bytes, skippable: Self.isBlank, releasing: releasePages) { k, piece in
                let (reader, bytes) = shared.value
                return try reader.readLines(bytes, piece, invalid: invalid, progress: k == 0 ? reader.progress : ReadProgress(nil))
            }
            table = try joined ?? readLines(bytes, whole, invalid: invalid, progress: progress).table
        } else {
            table = try readLines(bytes, whole, invalid: invalid, progress: progress).table
        }
        if table.rowCount == 0 && table.skipped.count == 0 {
            throw LoadError(file: file, "the file is empty: expected one JSON object per line")
        }
        return table
    }

    /// Reads the objects on the lines that start in `chunk`; returns them with the offset where
    /// reading stopped. A line's values are collected first and written (`CellWriter`) only
    /// once the whole line has parsed, so a bad line leaves no cells behind.
    private func readLines(_ bytes: UnsafeBufferPointer<UInt8>, _ chunk: DelimitedChunk, invalid: [Int],
                           progress: ReadProgress) throws -> (table: RawTable, end: Int) {
        var cursor = ByteCursor(bytes, offset: chunk.start, line: chunk.line)
        var cells = CellWriter(file: file, columnNames: [], inputSize: chunk.end - chunk.start)
        var skipped = SkippedLines()
        var keys = JSONKeyColumns()
        var invalidIndex = invalid.firstIndex { $0 >= chunk.start } ?? invalid.count
        // This line's values: source bytes (`raw`), or an index into `decodedValues` for a
        // string whose escapes were resolved. Plain values, so clearing them per line runs no
        // destructor per entry (an enum holding a String cost one, 3% of a load).
        var lineValues: [(column: Int, start: Int32, raw: Range<Int>, decoded: Int)] = []
        var decodedValues: [String] = []
        // The closure below names the file through this constant, not `self`: capturing the
        // reader copied and destroyed it on every line.
        let file = self.file
        /// Per column, the last line that gave it a value: a key repeated within one object is
        /// found in constant time, however many keys the object has, and a column without a
        /// value on this line is one whose last line is another.
        var lastLineOf: [Int] = []

        var progress = progress
        while !cursor.atEnd {
            progress.update(offset: cursor.offset - chunk.start, total: chunk.end - chunk.start)
            skipBlank(&cursor)
            if cursor.atEnd || cursor.offset >= chunk.end { break }
            let lineStart = cursor.offset
            let line = cursor.line
            lineValues.removeAll(keepingCapacity: true)
            if !decodedValues.isEmpty { decodedValues.removeAll(keepingCapacity: true) }
            keys.startLine()
            do {
                defer {
                    // Keys first seen on this line become columns even if the line is bad, as
                    // when the file is read in one piece.
                    if keys.count > cells.columnCount {
                        cells.appendColumns(keys.names[cells.columnCount...], offset: lineStart - chunk.start)
                    }
                }
                while invalidIndex < invalid.count, invalid[invalidIndex] < lineStart { invalidIndex += 1 }
                try parseObject(&cursor, bytes: bytes) { key, keyColumn, column, value in
                    let index: Int
                    switch key {
                    case .raw(let range): index = keys.column(of: UnsafeBufferPointer(rebasing: bytes[range]))
                    case .decoded(var text): index = text.withUTF8 { keys.column(of: $0) }
                    }
                    if index == lastLineOf.count { lastLineOf.append(0) }
                    if lastLineOf[index] == line {
                        throw LoadError(file: file, line: line, column: keyColumn, "duplicate key \"\(keys.names[index])\" in this object")
                    }
                    lastLineOf[index] = line
                    switch value {
                    case .raw(let range): lineValues.append((index, Int32(column), range, -1))
                    case .decoded(let text):
                        decodedValues.append(text)
                        lineValues.append((index, Int32(column), 0 ..< 0, decodedValues.count - 1))
                    }
                }
                if invalidIndex < invalid.count, invalid[invalidIndex] < cursor.offset {
                    var at = ByteCursor(bytes)
                    while at.offset < invalid[invalidIndex] { at.advance() }
                    throw LoadError(file: file, line: at.line, column: at.column, "invalid UTF-8: save the file as UTF-8")
                }
            } catch let error as LoadError {
                if !skipBadLines { throw error }
                skipped.record(error)
                if cursor.line == line { cursor.skipLine() }
                continue
            }
            for entry in lineValues {
                if entry.decoded < 0 {
                    cells.append(UnsafeBufferPointer(rebasing: bytes[entry.raw]), toField: entry.column)
                } else {
                    decodedValues[entry.decoded].withUTF8 { cells.append($0, toField: entry.column) }
                }
                cells.endField(entry.column, column: entry.start)
            }
            for c in lastLineOf.indices where lastLineOf[c] != line { cells.endField(c, column: 0) }
            cells.commitRecord(line: line, offset: cursor.offset - chunk.start)
        }
        return (cells.finish(skipped: skipped), cursor.offset)
    }

    /// How a value reaches its cell: numbers, literals, arrays and objects as their source
    /// bytes; strings decoded (escapes resolved); null as an empty (missing) cell.
    enum JSONValueText {
        case raw(Range<Int>)
        case decoded(String)
    }

    private func skipBlank(_ cursor: inout ByteCursor) {
        while !cursor.atEnd, Self.isBlank(cursor.current) { cursor.advance() }
    }

    private func skipInlineSpace(_ cursor: inout ByteCursor) {
        while !cursor.atEnd, Self.isInlineSpace(cursor.current) { cursor.advance() }
    }

    /// Space, tab or carriage return: compared directly, as an array literal's `contains`
    /// was a measurable part of reading.
    @inline(__always)
    private static func isInlineSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    /// Inline space or a line feed: what may stand between two objects.
    @inline(__always)
    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x0A || isInlineSpace(byte) }

    private func fail(_ cursor: ByteCursor, _ message: String) -> LoadError {
        LoadError(file: file, line: cursor.line, column: cursor.column, message)
    }

    private func describe(_ cursor: ByteCursor) -> String {
        if cursor.atEnd { return "the end of the file" }
        if cursor.current == 0x0A { return "the end of the line" }
        let scalar = Unicode.Scalar(cursor.current)
        return cursor.current < 0x80 ? "'\(Character(scalar))'" : "a non-ASCII character"
    }

    /// Parses `{ "key": value, ... }` and the end of its line, calling `field` for each member.
    private func parseObject(
        _ cursor: inout ByteCursor, bytes: UnsafeBufferPointer<UInt8>,
        field: (JSONValueText, Int, Int, JSONValueText) throws -> Void
    ) throws {
        guard !cursor.atEnd, cursor.current == UInt8(ascii: "{") else {
            throw fail(cursor, "expected a JSON object ('{') at the start of the line, found \(describe(cursor))")
        }
        cursor.advance()
        skipInlineSpace(&cursor)
        if !cursor.atEnd, cursor.current == UInt8(ascii: "}") {
            cursor.advance()
        } else {
            while true {
                skipInlineSpace(&cursor)
                guard !cursor.atEnd, cursor.current == UInt8(ascii: "\"") else {
                    throw fail(cursor, "expected a key in double quotes, found \(describe(cursor))")
                }
                let keyColumn = cursor.column
                let key = try parseString(&cursor)
                skipInlineSpace(&cursor)
                guard !cursor.atEnd, cursor.current == UInt8(ascii: ":") else {
                    throw fail(cursor, "expected ':' after the key \"\(text(of: key, in: bytes))\", found \(describe(cursor))")
                }
                cursor.advance()
                skipInlineSpace(&cursor)
                let valueColumn = cursor.column
                let value = try parseValue(&cursor, bytes: bytes)
                try field(key, keyColumn, valueColumn, value)
                skipInlineSpace(&cursor)
                if !cursor.atEnd, cursor.current == UInt8(ascii: ",") {
                    cursor.advance()
                    continue
                }
                guard !cursor.atEnd, cursor.current == UInt8(ascii: "}") else {
                    throw fail(cursor, "expected ',' or '}' after the value of \"\(text(of: key, in: bytes))\", found \(describe(cursor))")
                }
                cursor.advance()
                break
            }
        }
        skipInlineSpace(&cursor)
        if !cursor.atEnd, cursor.current != 0x0A {
            throw fail(cursor, "unexpected \(describe(cursor)) after the end of the object: one object per line")
        }
        if !cursor.atEnd { cursor.advance() }
    }

    private func parseValue(_ cursor: inout ByteCursor, bytes: UnsafeBufferPointer<UInt8>) throws -> JSONValueText {
        guard !cursor.atEnd else { throw fail(cursor, "expected a value, found the end of the file") }
        let start = cursor.offset
        if cursor.current == UInt8(ascii: "\"") { return try parseString(&cursor) }
        // Anything else is kept as its text (arrays and objects: list columns, probabilities),
        // once `JSONSyntax` has checked it; null is a missing cell.
        let isNull = cursor.current == UInt8(ascii: "n")
        do {
            try JSONSyntax(withinLine: true).skipValue(&cursor)
        } catch {
            throw LoadError(file: file, line: error.line, column: error.column, error.message)
        }
        return .raw(start ..< (isNull ? start : cursor.offset))
    }

    private func text(of value: JSONValueText, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        switch value {
        case .raw(let range): String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        case .decoded(let text): text
        }
    }

    /// A string without escapes comes back as the range of its bytes (no copy); one with
    /// escapes is decoded.
    private func parseString(_ cursor: inout ByteCursor) throws -> JSONValueText {
        let start = cursor
        cursor.advance()  // opening quote
        var plainStart = cursor.offset
        var utf8: [UInt8] = []
        var escaped = false
        func flushPlain(_ end: Int) {
            if end > plainStart { utf8.append(contentsOf: cursor.bytes[plainStart ..< end]) }
        }
        while true {
            cursor.skipJSONStringContent()
            guard !cursor.atEnd, cursor.current != 0x0A else {
                throw fail(start, "unterminated string: no closing '\"' on this line")
            }
            let byte = cursor.current
            if byte == UInt8(ascii: "\"") {
                if escaped { flushPlain(cursor.offset) }
                cursor.advance()
                break
            }
            if byte < 0x20 {
                throw fail(cursor, "control character (0x\(String(byte, radix: 16))) in a string: escape it")
            }
            flushPlain(cursor.offset)
            escaped = true
            let escape = cursor
            cursor.advance()
            guard !cursor.atEnd else { throw fail(escape, "unterminated escape") }
            let code = cursor.current
            cursor.advance()
            var decoded: Unicode.Scalar?
            switch code {
            case UInt8(ascii: "\""): decoded = "\""
            case UInt8(ascii: "\\"): decoded = "\\"
            case UInt8(ascii: "/"): decoded = "/"
            case UInt8(ascii: "b"): decoded = "\u{08}"
            case UInt8(ascii: "f"): decoded = "\u{0C}"
            case UInt8(ascii: "n"): decoded = "\n"
            case UInt8(ascii: "r"): decoded = "\r"
            case UInt8(ascii: "t"): decoded = "\t"
            case UInt8(ascii: "u"):
                var unit = try hex4(&cursor, escape)
                if (0xD800 ... 0xDBFF).contains(unit) {
                    if !cursor.atEnd, cursor.current == UInt8(ascii: "\\"), cursor.peek() == UInt8(ascii: "u") {
                        cursor.advance(); cursor.advance()
                        let low = try hex4(&cursor, escape)
                        guard (0xDC00 ... 0xDFFF).contains(low) else { throw fail(escape, "invalid surrogate pair in \\u escape") }
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        throw fail(escape, "lone surrogate in \\u escape")
                    }
                }
                decoded = Unicode.Scalar(unit)
                if decoded == nil { throw fail(escape, "invalid \\u escape") }
            default:
                throw fail(escape, "invalid escape '\\\(Character(Unicode.Scalar(code)))'")
            }
            if let decoded {
                utf8.append(contentsOf: String(decoded).utf8)
            }
            plainStart = cursor.offset
        }
        if !escaped { return .raw(start.offset + 1 ..< cursor.offset - 1) }
        return .decoded(String(decoding: utf8, as: UTF8.self))
    }

    private func hex4(_ cursor: inout ByteCursor, _ escape: ByteCursor) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0 ..< 4 {
            guard !cursor.atEnd, let digit = hexValue(cursor.current) else {
                throw fail(escape, "invalid \\u escape: expected four hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
            cursor.advance()
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30 ... 0x39: byte - 0x30
        case 0x41 ... 0x46: byte - 0x41 + 10
        case 0x61 ... 0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
