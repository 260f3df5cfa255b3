/// A seeded random number generator whose output is the same on every platform and release.
///
/// errata's bootstrap intervals and p-values must be reproducible bit for bit from a seed, so
/// the generator is fixed here rather than borrowed from the standard library, whose
/// `SystemRandomNumberGenerator` cannot be seeded and whose `random(in:using:)` algorithms are
/// not a documented stable contract.
///
/// The generator is xoshiro256** (Blackman & Vigna, "Scrambled linear pseudorandom number
/// generators", ACM TOMS 2021). Its 256-bit state is filled, as the authors recommend, with
/// consecutive outputs of SplitMix64 (Steele, Lea & Flood, OOPSLA 2014) started at the seed.
/// Independent streams for parallel work skip ahead in that SplitMix64 sequence: stream `k`
/// takes outputs `4k ..< 4k + 4`, so no two streams (or seeds) start from the same state.
/// `Tests/ErrataCoreTests/Fixtures/statistics/generator.py` is an independent reference.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64

    /// The generator for `seed` (stream 0).
    public init(seed: UInt64) {
        self.init(seed: seed, stream: 0)
    }

    /// The generator of stream `stream` under `seed`, for deterministic parallel work.
    public init(seed: UInt64, stream: UInt64) {
        var splitMix = seed &+ (4 &* stream) &* SeededGenerator.golden
        s0 = SeededGenerator.splitMix64(&splitMix)
        s1 = SeededGenerator.splitMix64(&splitMix)
        s2 = SeededGenerator.splitMix64(&splitMix)
        s3 = SeededGenerator.splitMix64(&splitMix)
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A uniformly distributed integer in `0 ..< bound`, without modulo bias.
    ///
    /// Lemire's multiply-and-reject method (Lemire, "Fast random integer generation in an
    /// interval", ACM TOMACS 2019): the high word of `next() × bound` is the draw, and the rare
    /// products whose low word falls below `2^64 mod bound` are rejected. It needs one
    /// multiplication per draw and a division only when a rejection is possible.
    public mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "next(below:) needs a positive bound")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// A uniformly distributed index in `0 ..< count`.
    @inline(__always)
    public mutating func nextIndex(below count: Int) -> Int {
        Int(truncatingIfNeeded: next(below: UInt64(count)))
    }

    private static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

    private static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= golden
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@inline(__always)
private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
}
