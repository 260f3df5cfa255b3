/// Walks a UTF-8 buffer and keeps the line and character column of the current byte.
///
/// Both readers advance byte by byte; keeping the position here means every error they raise
/// can name `line:column` without a second pass over the file.
struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset: Int
    /// 1-based line of `offset`.
    private(set) var line = 1
    /// 1-based column of `offset`, counted in characters (UTF-8 lead bytes).
    private(set) var column = 1

    init(_ bytes: UnsafeBufferPointer<UInt8>, skippingByteOrderMark: Bool = true) {
        self.bytes = bytes
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        offset = skippingByteOrderMark && bytes.count >= 3 && Array(bytes[0 ..< 3]) == bom ? 3 : 0
    }

    /// A cursor at `offset`, the start of line `line` (column 1): where a piece of a file read
    /// in parallel begins.
    init(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int, line: Int) {
        self.bytes = bytes
        self.offset = offset
        self.line = line
    }

    var atEnd: Bool { offset >= bytes.count }
    var current: UInt8 { bytes[offset] }

    func peek(_ ahead: Int = 1) -> UInt8? {
        offset + ahead < bytes.count ? bytes[offset + ahead] : nil
    }

    @inline(__always)
    mutating func advance() {
        let byte = bytes[offset]
        offset += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    /// Advances to the next `delimiter`, LF or CRLF (or the end): over the bytes of an
    /// unquoted field. Since none of them ends a line, only the column moves, by the
    /// characters passed; this is what most bytes of a CSV or TSV file go through.
    mutating func skipUnquotedField(delimiter: UInt8) {
        let newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let end = bytes.count
        var i = offset, characters = 0
        while true {
            characters += passBlocks(&i, until: delimiter, newline, cr)
            guard i < end else { break }
            let byte = bytes[i]
            if byte == delimiter || byte == newline || (byte == cr && i + 1 < end && bytes[i + 1] == newline) { break }
            if byte & 0xC0 != 0x80 { characters += 1 }  // a CR on its own is text
            i += 1
        }
        offset = i
        column += characters
    }

    /// Advances to the next `byte` (or the end), keeping line and column as `advance` does:
    /// over the inside of a quoted field, which may span lines.
    mutating func advance(toNext target: UInt8) {
        let newline = UInt8(ascii: "\n")
        var i = offset
        while true {
            column += passBlocks(&i, until: target, newline, newline)
            guard i < bytes.count, bytes[i] != target else { break }
            if bytes[i] == newline {
                line += 1
                column = 1
            } else if bytes[i] & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        offset = i
    }

    /// Advances to the next quote, backslash or control character (or the end): over the
    /// plain content of a JSON string, which never spans lines, so only the column moves.
    /// Most bytes of a JSON Lines file are string content.
    mutating func skipJSONStringContent() {
        var i = offset, characters = 0
        while let block = ByteBlock(bytes, at: i) {
            guard let stop = block.firstJSONStringStop() else {
                characters += block.characterCount(prefix: 16)
                i += 16
                continue
            }
            characters += block.characterCount(prefix: stop)
            offset = i + stop
            column += characters
            return
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            if byte & 0xC0 != 0x80 { characters += 1 }
            i += 1
        }
        offset = i
        column += characters
    }

    /// Passes whole 16-byte blocks from `i` up to the first byte equal to `a`, `b` or `c`, or
    /// to where fewer than 16 bytes remain; returns the characters passed. The scans above
    /// look at single bytes only there, so a long field costs a few operations per block.
    private func passBlocks(_ i: inout Int, until a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        var characters = 0
        while let block = ByteBlock(bytes, at: i) {
            guard let stop = block.firstIndex(of: a, b, c) else {
                characters += block.characterCount(prefix: 16)
                i += 16
                continue
            }
            characters += block.characterCount(prefix: stop)
            i += stop
            break
        }
        return characters
    }

    /// Skips to just after the next newline (or the end), to resume after a bad line.
    mutating func skipLine() {
        while !atEnd {
            let byte = current
            advance()
            if byte == UInt8(ascii: "\n") { return }
        }
    }
}
