import Testing
@testable import ErrataCore

/// The 16-byte block scans behind CSV reading and `length(...)` agree with byte-by-byte
/// definitions on random bytes of every length around the block, with multi-byte characters,
/// quotes, delimiters, lone CRs and newlines at any position, including invalid UTF-8.
@Suite struct ByteScanTests {
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("word ".utf8), Array(",".utf8), Array("\t".utf8), Array("\"".utf8), Array("\n".utf8),
        Array("\r".utf8), Array("\r\n".utf8), Array("é".utf8), Array("€".utf8), Array("👍".utf8), [0xFF], [0x80], [0xE2, 0x82],
        [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0x80], [0xF0, 0x9F, 0x91],
    ]

    static func randomBuffers(count: Int) -> [[UInt8]] {
        var generator = SeededGenerator(seed: 11)
        return (0 ..< count).map { _ in
            var bytes: [UInt8] = []
            let target = generator.nextIndex(below: 70)
            while bytes.count < target { bytes += pieces[generator.nextIndex(below: pieces.count)] }
            return bytes
        }
    }

    @Test func fieldScansMatchAdvancingByteByByte() {
        for bytes in Self.randomBuffers(count: 3000) {
            bytes.withUnsafeBufferPointer { buffer in
                for start in [0, 1, min(3, buffer.count)] {
                    var fast = ByteCursor(buffer, skippingByteOrderMark: false)
                    var slow = fast
                    while fast.offset < start { fast.advance(); slow.advance() }
                    fast.skipUnquotedField(delimiter: UInt8(ascii: ","))
                    while !slow.atEnd, slow.current != UInt8(ascii: ","), slow.current != UInt8(ascii: "\n"),
                          !(slow.current == UInt8(ascii: "\r") && slow.peek() == UInt8(ascii: "\n")) {
                        slow.advance()
                    }
                    #expect((fast.offset, fast.line, fast.column) == (slow.offset, slow.line, slow.column), "\(bytes)")

                    fast.advance(toNext: UInt8(ascii: "\""))
                    while !slow.atEnd, slow.current != UInt8(ascii: "\"") { slow.advance() }
                    #expect((fast.offset, fast.line, fast.column) == (slow.offset, slow.line, slow.column), "\(bytes)")
                }
            }
        }
    }

    @Test func characterCountsMatchByteByByte() {
        for bytes in Self.randomBuffers(count: 3000) {
            let expected = bytes.filter { $0 & 0xC0 != 0x80 }.count
            #expect(bytes.withUnsafeBufferPointer { TextFeatures.characters($0) } == expected, "\(bytes)")
        }
    }

    /// Counting a range of a larger buffer may read past the range's end: what lies there
    /// must not count.
    @Test func characterCountsOfRangesIgnoreTheBytesAfterThem() {
        let buffers = Self.randomBuffers(count: 400)
        let all = buffers.flatMap { $0 }
        var start = 0
        all.withUnsafeBufferPointer { whole in
            for bytes in buffers {
                let expected = bytes.filter { $0 & 0xC0 != 0x80 }.count
                #expect(TextFeatures.characters(in: whole, start ..< start + bytes.count) == expected, "\(bytes)")
                start += bytes.count
            }
        }
    }

    @Test func invalidUTF8OffsetsMatchTheStandardLibrary() {
        for bytes in Self.randomBuffers(count: 3000) {
            #expect(bytes.withUnsafeBufferPointer { invalidUTF8Offsets($0) } == Self.invalidOffsets(bytes), "\(bytes)")
        }
    }

    /// Scanned in ranges on several cores, cut wherever the random bytes put a continuation
    /// byte or an invalid sequence, the offsets are the serial scan's.
    @Test func invalidUTF8OffsetsInRangesMatchOneScan() {
        let buffers = Self.randomBuffers(count: 300)
        for first in stride(from: 0, to: buffers.count - 20, by: 7) {
            let bytes = buffers[first ..< first + 20].flatMap { $0 }
            let serial = Self.invalidOffsets(bytes)
            for cores in [2, 3, 5, 16, 40] {
                #expect(bytes.withUnsafeBufferPointer { invalidUTF8Offsets($0, cores: cores, minimumBytes: 1) } == serial,
                        "\(cores) ranges: \(bytes)")
            }
        }
    }

    /// The definition: a byte is listed when the sequence its lead byte announces is not
    /// valid UTF-8 as the standard library decides it.
    static func invalidOffsets(_ bytes: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        var i = 0
        while i < bytes.count {
            let width = switch bytes[i] {
            case 0x00 ... 0x7F: 1
            case 0xC2 ... 0xDF: 2
            case 0xE0 ... 0xEF: 3
            case 0xF0 ... 0xF4: 4
            default: 0
            }
            if width == 0 || i + width > bytes.count || String(validating: bytes[i ..< i + width], as: UTF8.self) == nil {
                offsets.append(i)
                i += 1
            } else {
                i += width
            }
        }
        return offsets
    }

    @Test func longFieldsKeepTheirColumns() throws {
        // Fields longer than a block, multi-byte characters across block edges, a lone CR.
        let text = "id,text,n\n1,\"ééééééééééééééééé, \"\"quoted\"\"\nnext line ééé\",2\n2,aaaaaaaaaaaaaaa\rbbbbbbbbbbbbbbbé€,3,x\n"
        let table = try? Array(text.utf8).withUnsafeBufferPointer {
            try DelimitedReader(file: "t.csv", dialect: .csv, skipBadLines: true).read($0)
        }
        let read = try #require(table)
        #expect(read.rowCount == 1)
        #expect(read.cells[1][0] == "ééééééééééééééééé, \"quoted\"\nnext line ééé")
        #expect(read.cellColumns[2] == [16])
        #expect(read.skipped.examples.map(\.description) == ["t.csv:4:39: expected 3 fields as in the header, found 4"])
    }

    /// The split's quote and line-feed counts, made of 16-byte blocks summed in byte lanes every
    /// 255 blocks, agree with counting byte by byte: at every length around a block, and past
    /// the 255 blocks after which a lane would overflow (a buffer of nothing but quotes).
    @Test func quoteAndNewlineCountsMatchByteByByte() {
        var buffers = Self.randomBuffers(count: 2000)
        buffers.append(Array(repeating: UInt8(ascii: "\""), count: 16 * 600 + 9))
        buffers.append(Array(repeating: UInt8(ascii: "\n"), count: 16 * 255))
        buffers.append(Self.randomBuffers(count: 300).flatMap { $0 })
        for bytes in buffers {
            let expected = (bytes.filter { $0 == UInt8(ascii: "\"") }.count, bytes.filter { $0 == UInt8(ascii: "\n") }.count)
            bytes.withUnsafeBufferPointer { buffer in
                let counted = DelimitedChunk.count(buffer, quote: UInt8(ascii: "\""))
                #expect((counted.quotes, counted.newlines) == expected, "\(bytes.count) bytes")
                #expect(DelimitedChunk.count(buffer, quote: nil) == (0, expected.1))
            }
        }
    }

    /// Passing a JSON string's plain content stops where advancing byte by byte would: at a
    /// quote, a backslash or a control character, with the same character column.
    @Test func jsonStringScansMatchAdvancingByteByByte() {
        for bytes in Self.randomBuffers(count: 3000) + [Array(String(repeating: "é日x", count: 40).utf8) + [UInt8(ascii: "\\")]] {
            bytes.withUnsafeBufferPointer { buffer in
                for start in [0, 1, min(5, buffer.count)] {
                    var fast = ByteCursor(buffer, skippingByteOrderMark: false)
                    var slow = fast
                    while fast.offset < start { fast.advance(); slow.advance() }
                    fast.skipJSONStringContent()
                    while !slow.atEnd, slow.current != UInt8(ascii: "\""), slow.current != UInt8(ascii: "\\"), slow.current >= 0x20 {
                        slow.advance()
                    }
                    #expect((fast.offset, fast.line, fast.column) == (slow.offset, slow.line, slow.column), "\(bytes)")
                }
            }
        }
    }
}
