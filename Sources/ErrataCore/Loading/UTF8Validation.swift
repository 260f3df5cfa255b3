import Foundation

/// Byte offsets of every invalid UTF-8 sequence, for locating the lines that hold them.
///
/// Each offset is a byte that does not start a well-formed sequence (Unicode table 3-7);
/// scanning resumes at the next byte, so each stray continuation byte is listed too. ASCII
/// runs are passed 16 bytes at a time, and nothing is allocated for valid input: checking
/// with `String(validating:)` copied the whole file into a string, a tenth of loading it.
///
/// From `minimumBytes` on, the buffer is scanned in `cores` ranges at once: it was the one
/// serial pass over a whole file left in loading (7% of a CSV load's samples). Each range
/// starts at a byte that is not a continuation byte (10xxxxxx); a scan from the start reaches
/// every such byte too (ASCII blocks hold none, well-formed sequences only continuation bytes
/// after their lead), and from a byte both scans reach they agree, so the offsets are those
/// of one serial scan.
func invalidUTF8Offsets(_ bytes: UnsafeBufferPointer<UInt8>, cores: Int = ProcessInfo.processInfo.activeProcessorCount,
                        minimumBytes: Int = DelimitedChunk.minimumParallelBytes) -> [Int] {
    guard cores > 1, bytes.count >= max(minimumBytes, 1) else { return invalidUTF8Offsets(bytes, in: 0 ..< bytes.count) }
    var bounds = (0 ... cores).map { bytes.count / cores * $0 + ($0 == cores ? bytes.count % cores : 0) }
    for k in 1 ..< cores {
        bounds[k] = max(bounds[k], bounds[k - 1])
        while bounds[k] < bytes.count, bytes[bounds[k]] & 0xC0 == 0x80 { bounds[k] += 1 }
    }
    let cuts = bounds
    var found = [[Int]](repeating: [], count: cores)
    found.withUnsafeMutableBufferPointer { found in
        let shared = UncheckedSendable((input: bytes, output: found))
        DispatchQueue.concurrentPerform(iterations: cores) { k in
            shared.value.output[k] = invalidUTF8Offsets(shared.value.input, in: cuts[k] ..< cuts[k + 1])
        }
    }
    return found.flatMap { $0 }
}

/// One serial scan of `range`, which starts at a byte that is not a continuation byte.
private func invalidUTF8Offsets(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> [Int] {
    var offsets: [Int] = []
    var i = range.lowerBound
    while i < range.upperBound {
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
