/// `eˣ` in single precision from arithmetic and bit operations only (Cephes' `expf`: a degree-5
/// polynomial on `[−ln 2/2, ln 2/2]` scaled by `2ⁿ`), within 2 ulp of libm's `expf` for
/// `x ≤ 88`, which covers its callers: softmax and the GELU derivative only pass `x ≤ 0`.
///
/// A call to libm per element keeps a loop scalar; this runs on all lanes at once.
enum FastExp {
    @inline(__always)
    static func exp(_ x: Lanes.Vector) -> Lanes.Vector {
        // Below this the result would be subnormal: it is flushed to 0. NaN stays NaN.
        let lowest: Float = -87.33654
        var clamped = x.replacing(with: lowest, where: x .< lowest)
        clamped.replace(with: 88, where: clamped .> 88)
        // n = round(x / ln 2) by adding and subtracting 1.5 · 2²³ (baseline x86-64 has no vector
        // rounding instruction); the sum's low mantissa bits then hold n.
        let shift: Float = 12_582_912
        let shifted = clamped * 1.442_695_04 + shift
        let n = shifted - shift
        let r = (clamped - n * 0.693_359_375) + n * 2.121_944_4e-4
        var p = Lanes.Vector(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_6e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_1e-1
        let y = p * (r * r) + r + 1
        // 2ⁿ: n + 127 in the exponent field. The shift's own bits vanish in the `<< 23`.
        let scale = unsafeBitCast((unsafeBitCast(shifted, to: SIMD8<UInt32>.self) &+ 127) &<< 23, to: Lanes.Vector.self)
        return (y * scale).replacing(with: 0, where: x .< lowest)
    }
}
