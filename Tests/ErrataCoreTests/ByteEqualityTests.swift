import Testing
@testable import ErrataCore

/// `bytesEqual` against array equality at every length up to 40 (each of its paths: one to
/// three bytes, 4-8 and 9-16 by overlapping words, `memcmp` beyond), with one byte changed
/// at each position and with the lengths differing.
@Suite struct ByteEqualityTests {
    @Test func agreesWithArrayEqualityAtEveryLengthAndPosition() {
        for length in 0 ... 40 {
            let bytes = (0 ..< length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(equal(bytes, bytes), "length \(length)")
            for position in 0 ..< length {
                var changed = bytes
                changed[position] ^= 0x20
                #expect(!equal(bytes, changed), "length \(length), byte \(position)")
            }
            #expect(!equal(bytes, bytes + [0]), "length \(length) against \(length + 1)")
        }
    }

    func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.bytesEqual(y) } }
    }
}
