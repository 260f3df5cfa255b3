/// Eight floats at a time for the element-wise loops left in Swift (GELU's backward product,
/// attention's head-gate sums).
///
/// The Swift compiler does not vectorise reductions by itself (their order would change the
/// sums); written on `SIMD8<Float>`, they run on vector registers even in the default
/// (baseline x86-64) build. GELU, softmax and LayerNorm, where the work per element is
/// largest, are in C instead (`CVectorMath`), on the processor's widest vectors.
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
}
