import Foundation
import Testing
@testable import Attribution

/// errata's bfloat16 GEMM (`CBFloat16GEMM` through `BFloat16Weights`) against a float
/// reference computed on the inputs rounded to bfloat16: products of two bfloat16 values are
/// exact in float32, so the kernel may differ from the reference only by the order of its
/// float32 sums.
@Suite struct BFloat16GEMMTests {
    static let supported = BFloat16Weights.processorSupports

    /// `x` rounded to bfloat16, to nearest with ties to even (finite `x`).
    static func rounded(_ x: Float) -> Float {
        let bits = x.bitPattern
        return Float(bitPattern: (bits &+ 0x7FFF &+ ((bits >> 16) & 1)) & 0xFFFF_0000)
    }

    /// `bias + bf16(a) · bf16(w)ᵀ` in Double, and per element Σ|terms| for the tolerance.
    static func reference(_ a: Matrix, _ w: Matrix, bias: [Float]) -> (values: [Double], magnitudes: [Double]) {
        let c0 = (0 ..< a.rows).flatMap { _ in bias }
        var values = c0.map(Double.init), magnitudes = c0.map { abs(Double($0)) }
        for i in 0 ..< a.rows {
            for j in 0 ..< w.rows {
                for p in 0 ..< a.columns {
                    let term = Double(rounded(a[i, p])) * Double(rounded(w[j, p]))
                    values[i * w.rows + j] += term
                    magnitudes[i * w.rows + j] += abs(term)
                }
            }
        }
        return (values, magnitudes)
    }

    /// Shapes against the 8 x 48 register tile, the 144-row blocks and 1536-value k blocks:
    /// one element, k = 1, n below 16, odd k, every tail, rows beyond one block, one large
    /// enough to be split over the cores, and k beyond one block (odd: later blocks add to C).
    static let shapes: [(m: Int, n: Int, k: Int)] = [
        (1, 1, 1), (7, 5, 1), (3, 15, 7), (8, 48, 2), (9, 49, 33), (17, 97, 257), (200, 100, 300), (390, 120, 64),
        (9, 20, 1601),
    ]

    @Test(.enabled(if: supported, "the processor lacks AVX512-BF16"))
    func kernelMatchesTheReferenceOnRoundedInputs() throws {
        var random = RandomTensors(seed: 5)
        for (m, n, k) in Self.shapes {
            let a = random.matrix(m, k), w = random.matrix(n, k), bias = random.values(n)
            let packed = try #require(BFloat16Weights(w))
            // C is only written: what it held before must not show.
            var c = [Float](repeating: .nan, count: m * n)
            a.values.withUnsafeBufferPointer { pa in
                c.withUnsafeMutableBufferPointer { pc in packed.multiply(rows: m, pa.baseAddress!, bias: bias, into: pc.baseAddress!) }
            }
            let (expected, magnitudes) = Self.reference(a, w, bias: bias)
            // float32 sums of k + 1 terms: at most (k + 1) units in the last place of Σ|terms|.
            let worst = zip(c, zip(expected, magnitudes)).map { abs(Double($0) - $1.0) / ($1.1 * Double(k + 1) * Double(Float.ulpOfOne)) }.max()!
            #expect(worst <= 1, "\(m)x\(n)x\(k): error \(worst) of the float32 bound")
        }
    }

    /// A 1 x 1 x 1 product by 1 without bias is the rounded input: ties go to the even
    /// neighbour, and the rounding is to nearest, not truncation.
    @Test(.enabled(if: supported, "the processor lacks AVX512-BF16"))
    func activationsRoundToNearestEven() throws {
        let packed = try #require(BFloat16Weights(Matrix(rows: 1, columns: 1, values: [1])))
        let ulp: Float = 1.0 / 128 // bfloat16's spacing in [1, 2)
        let cases: [(Float, Float)] = [(1 + ulp / 2, 1), (1 + 1.5 * ulp, 1 + 2 * ulp), (1 + 0.75 * ulp, 1 + ulp), (-(1 + 0.75 * ulp), -(1 + ulp))]
        for (input, expected) in cases {
            var c: Float = .nan
            [input].withUnsafeBufferPointer { packed.multiply(rows: 1, $0.baseAddress!, bias: nil, into: &c) }
            #expect(c == expected, "bf16(\(input))")
        }
    }

    /// The packed-weights path of a layer: bias plus the bf16 product.
    @Test(.enabled(if: supported, "the processor lacks AVX512-BF16"))
    func linearLayerWithPackedWeights() throws {
        var random = RandomTensors(seed: 9)
        let layer = random.linear(50, 70), x = random.matrix(11, 70)
        let packed = try #require(BFloat16Weights(layer.weight))
        let y = layer(x, bf16: packed)
        let (expected, magnitudes) = Self.reference(x, layer.weight, bias: layer.bias)
        for i in expected.indices { #expect(abs(Double(y.values[i]) - expected[i]) <= magnitudes[i] * 71 * Double(Float.ulpOfOne)) }
        // And bf16 is not float32: some output moved.
        #expect(y.values != layer(x).values)
    }

    /// Without the feature, converting refuses with the feature's name (the answer injected,
    /// so this runs on every processor).
    @Test func conversionRefusesWithoutTheFeature() throws {
        var random = RandomTensors(seed: 3)
        let encoder = random.encoder()
        #expect(throws: BFloat16Weights.refusal) { try encoder.converted(to: .bf16, processorSupports: false) }
        #expect(BFloat16Weights.refusal.description.contains("AVX512-BF16"))
        #expect(try encoder.converted(to: .float32, processorSupports: false) === encoder)
    }

    /// A bf16 encoder runs the same model: outputs within bf16's rounding of float32's.
    @Test(.enabled(if: supported, "the processor lacks AVX512-BF16"))
    func bf16EncoderStaysCloseToFloat32() throws {
        var random = RandomTensors(seed: 4)
        let encoder = random.encoder()
        let reduced = try encoder.converted(to: .bf16)
        #expect(reduced.precision == .bf16 && encoder.precision == .float32)
        let batch: [[Int32]] = [[1, 5, 9, 2], [1, 7, 3, 3, 8, 2]]
        let exact = encoder.forward(batch: batch), approximate = reduced.forward(batch: batch)
        let difference = zip(exact, approximate).flatMap { zip($0.pooled, $1.pooled).map { abs($0 - $1) } }.max()!
        #expect(difference > 0 && difference < 0.05)
    }
}
