/// Byte offsets of every invalid UTF-8 sequence, for locating the lines that hold them.
///
/// Each offset is a byte that does not start a well-formed sequence (Unicode table 3-7);
/// scanning resumes at the next byte, so each stray continuation byte is listed too. ASCII
/// runs are passed 16 bytes at a time, and nothing is allocated for valid input: checking
/// with `String(validating:)` copied the whole file into a string, a tenth of loading it.
func invalidUTF8Offsets(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    var offsets: [Int] = []
    var i = 0
    while i < bytes.count {
        if let block = ByteBlock(bytes, at: i), block.isASCII {
            i += 16
        } else if bytes[i] < 0x80 {
            i += 1
        } else if let width = wellFormedSequenceWidth(bytes, at: i) {
            i += width
        } else {
            offsets.append(i)
            i += 1
        }
    }
    return offsets
}

/// The length of the well-formed multi-byte sequence starting at `i`, if one does.
private func wellFormedSequenceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
    // The lead byte fixes the width and the range of the second byte; later bytes are 80-BF.
    let width: Int, second: ClosedRange<UInt8>
    switch bytes[i] {
    case 0xC2 ... 0xDF: (width, second) = (2, 0x80 ... 0xBF)
    case 0xE0: (width, second) = (3, 0xA0 ... 0xBF)
    case 0xE1 ... 0xEC, 0xEE ... 0xEF: (width, second) = (3, 0x80 ... 0xBF)
    case 0xED: (width, second) = (3, 0x80 ... 0x9F)
    case 0xF0: (width, second) = (4, 0x90 ... 0xBF)
    case 0xF1 ... 0xF3: (width, second) = (4, 0x80 ... 0xBF)
    case 0xF4: (width, second) = (4, 0x80 ... 0x8F)
    default: return nil
    }
    guard i + width <= bytes.count, second.contains(bytes[i + 1]) else { return nil }
    for k in 2 ..< width where bytes[i + k] & 0xC0 != 0x80 { return nil }
    return width
}

/// Where the first byte that is not UTF-8 is in `bytes` (1-based line and character column),
/// for messages about text read outside the dataset readers (tag files).
public func firstInvalidUTF8(in bytes: [UInt8]) -> (line: Int, column: Int, byte: UInt8)? {
    bytes.withUnsafeBufferPointer { buffer in
        guard let offset = invalidUTF8Offsets(buffer).first else { return nil }
        var cursor = ByteCursor(buffer, skippingByteOrderMark: false)
        while cursor.offset < offset { cursor.advance() }
        return (cursor.line, cursor.column, buffer[offset])
    }
}
