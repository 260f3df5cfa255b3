/// Eight floats at a time for the element-wise kernels (GELU, softmax).
///
/// The Swift compiler does not vectorise those loops by itself: with `exp` and `erf` inside
/// they stayed scalar, one libm call per element. Written on `SIMD8<Float>`, they run on
/// vector registers even in the default (baseline x86-64) build.
enum Lanes {
    typealias Vector = SIMD8<Float>
    static let width = Vector.scalarCount

    /// The `count` (at most `width`) floats at `source`, zero in the lanes past them.
    @inline(__always)
    static func load(_ source: UnsafePointer<Float>, count: Int) -> Vector {
        if count == width { return UnsafeRawPointer(source).loadUnaligned(as: Vector.self) }
        var vector = Vector()
        for lane in 0 ..< count { vector[lane] = source[lane] }
        return vector
    }

    /// Stores the first `count` (at most `width`) lanes at `target`.
    @inline(__always)
    static func store(_ vector: Vector, _ target: UnsafeMutablePointer<Float>, count: Int) {
        if count == width { return UnsafeMutableRawPointer(target).storeBytes(of: vector, as: Vector.self) }
        for lane in 0 ..< count { target[lane] = vector[lane] }
    }

    /// Calls `body` with the start and length (at most `width`) of each run of lanes in `range`.
    @inline(__always)
    static func forEach(_ range: Range<Int>, _ body: (_ start: Int, _ count: Int) -> Void) {
        var start = range.lowerBound
        while start < range.upperBound {
            let count = min(width, range.upperBound - start)
            body(start, count)
            start += count
        }
    }

    /// The sum over `range` of the vectors `term` gives for each run of lanes (zero in lanes
    /// past the run, as `load` leaves them): eight partial sums, added at the end.
    @inline(__always)
    static func sum(_ range: Range<Int>, _ term: (_ start: Int, _ count: Int) -> Vector) -> Float {
        var total = Vector()
        forEach(range) { start, count in total += term(start, count) }
        return total.sum()
    }

    /// The lanes at or past `count`: those `load` fills with 0 in a short run.
    @inline(__always)
    static func past(_ count: Int) -> SIMDMask<SIMD8<Int32>> {
        SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7) .>= Int32(count)
    }
}
