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

    var atEnd: Bool { offset >= bytes.count }
    var current: UInt8 { bytes[offset] }

    func peek(_ ahead: Int = 1) -> UInt8? {
        offset + ahead < bytes.count ? bytes[offset + ahead] : nil
    }

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
    /// characters passed; this tight loop is what most bytes of a CSV or TSV file go through.
    mutating func skipUnquotedField(delimiter: UInt8) {
        let newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let end = bytes.count
        var i = offset, characters = 0
        while i < end {
            let byte = bytes[i]
            if byte == delimiter || byte == newline || (byte == cr && i + 1 < end && bytes[i + 1] == newline) { break }
            if byte & 0xC0 != 0x80 { characters += 1 }
            i += 1
        }
        offset = i
        column += characters
    }

    /// Advances to the next `byte` (or the end), keeping line and column as `advance` does:
    /// over the inside of a quoted field, which may span lines.
    mutating func advance(toNext target: UInt8) {
        let newline = UInt8(ascii: "\n")
        let end = bytes.count
        var i = offset
        while i < end {
            let byte = bytes[i]
            if byte == target { break }
            if byte == newline {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        offset = i
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

/// Byte offsets of every invalid UTF-8 sequence, for skipping the lines that hold them.
/// The common case, valid input, costs one pass of the standard library's validator.
func invalidUTF8Offsets(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    if String(validating: bytes, as: UTF8.self) != nil { return [] }
    var offsets: [Int] = []
    var i = 0
    while i < bytes.count {
        let lead = bytes[i]
        let width: Int
        switch lead {
        case 0x00 ... 0x7F: width = 1
        case 0xC2 ... 0xDF: width = 2
        case 0xE0 ... 0xEF: width = 3
        case 0xF0 ... 0xF4: width = 4
        default: width = 0
        }
        if width == 0 || i + width > bytes.count
            || String(validating: UnsafeBufferPointer(rebasing: bytes[i ..< i + width]), as: UTF8.self) == nil {
            offsets.append(i)
            i += 1
        } else {
            i += width
        }
    }
    return offsets
}
