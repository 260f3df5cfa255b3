/// Sixteen bytes of input examined at once: where the first byte of interest is, and how many
/// characters come before it.
///
/// `ByteCursor` scans fields through blocks rather than byte by byte: a few vector operations
/// tell whether a field or line ends in the next 16 bytes, and counting the characters
/// (UTF-8 lead bytes) of a block, which keeps error columns exact, is a mask and a popcount.
/// Only lane-wise arithmetic is used: Swift's SIMD comparison operators compile to a loop
/// over the lanes, which made a first version slower than reading byte by byte.
struct ByteBlock {
    private let bytes: SIMD16<UInt8>

    /// The 16 bytes of `buffer` from `offset`, if there are that many.
    @inline(__always)
    init?(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) {
        guard offset + 16 <= buffer.count, let base = buffer.baseAddress else { return nil }
        bytes = UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD16<UInt8>.self)
    }

    /// True when all 16 bytes are ASCII.
    @inline(__always)
    var isASCII: Bool { Self.lanes(bytes & 0x80) == .zero }

    /// The index of the first byte equal to `a`, `b` or `c`, if any.
    @inline(__always)
    func firstIndex(of a: UInt8, _ b: UInt8, _ c: UInt8) -> Int? {
        let hits = Self.lanes(Self.zeroBytes(bytes ^ a) | Self.zeroBytes(bytes ^ b) | Self.zeroBytes(bytes ^ c))
        if hits[0] != 0 { return hits[0].trailingZeroBitCount / 8 }
        if hits[1] != 0 { return 8 + hits[1].trailingZeroBitCount / 8 }
        return nil
    }

    /// The index of the first byte that ends plain JSON string content, if any: a quote, a
    /// backslash or a control character (below 0x20, the line feed among them).
    @inline(__always)
    func firstJSONStringStop() -> Int? {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        let hits = Self.lanes(Self.zeroBytes(bytes ^ quote) | Self.zeroBytes(bytes ^ backslash) | Self.zeroBytes(bytes & 0xE0))
        if hits[0] != 0 { return hits[0].trailingZeroBitCount / 8 }
        if hits[1] != 0 { return 8 + hits[1].trailingZeroBitCount / 8 }
        return nil
    }

    /// 1 in each byte equal to `target`, 0 in the others: summed over up to 255 blocks with
    /// lane-wise additions and only then added up (`laneSum`), counting a byte costs no
    /// popcount, which baseline x86-64 lacks as an instruction.
    @inline(__always)
    func ones(equalTo target: UInt8) -> SIMD16<UInt8> {
        Self.zeroBytes(bytes ^ target) &>> 7
    }

    /// The sum of the 16 lanes of `counts`.
    @inline(__always)
    static func laneSum(_ counts: SIMD16<UInt8>) -> Int {
        let words = lanes(counts)
        func sum(_ word: UInt64) -> Int {
            let pairs = (word & 0x00FF_00FF_00FF_00FF) &+ ((word >> 8) & 0x00FF_00FF_00FF_00FF)
            return Int((pairs &* 0x0001_0001_0001_0001) >> 48)
        }
        return sum(words[0]) + sum(words[1])
    }

    /// The characters among the first `n` bytes: all but the continuation bytes (`10xxxxxx`).
    @inline(__always)
    func characterCount(prefix n: Int) -> Int {
        if isASCII { return n }
        // 1 in each continuation byte; a word's bytes are summed by one multiplication.
        let continuation = Self.lanes((bytes & ~(bytes &<< 1)) &>> 7)
        let low = n >= 8 ? continuation[0] : continuation[0] & ((1 &<< UInt64(8 * n)) &- 1)
        let high = n <= 8 ? 0 : n >= 16 ? continuation[1] : continuation[1] & ((1 &<< UInt64(8 * (n - 8))) &- 1)
        return n - Int((low &* 0x0101_0101_0101_0101) >> 56) - Int((high &* 0x0101_0101_0101_0101) >> 56)
    }

    /// 0x80 in each byte of `t` that is zero, 0 in the others.
    @inline(__always)
    private static func zeroBytes(_ t: SIMD16<UInt8>) -> SIMD16<UInt8> {
        ~(((t & 0x7F) &+ 0x7F) | t) & 0x80
    }

    /// The block as two words, byte 0 lowest (Swift's platforms are little-endian).
    @inline(__always)
    private static func lanes(_ flags: SIMD16<UInt8>) -> SIMD2<UInt64> {
        unsafeBitCast(flags, to: SIMD2<UInt64>.self)
    }
}
