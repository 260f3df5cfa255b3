import CVectorMath
import Foundation
import Testing
@testable import Attribution

/// Finite-difference checks of each building block's backward pass, one layer at a time.
///
/// Each check contracts the block's output with fixed random weights into a scalar (summed in
/// Double), perturbs every input value by ±h in Float32 and compares the central difference
/// with the analytic gradient. With h = 1e-2, truncation error is O(h²) ≈ 1e-4 relative and
/// Float32 rounding of the scalar adds about 1e-7 · |loss| / h; a norm-wise relative error
/// below 2e-3 is therefore a pass, while a wrong term in a backward formula gives errors of
/// order 1.
@Suite struct KernelGradientTests {
    static let step: Float = 1e-2
    static let tolerance = 2e-3

    /// Central differences of `loss` at `x`, one coordinate at a time.
    static func numericGradient(_ x: Matrix, _ loss: (Matrix) -> Double) -> [Float] {
        (0 ..< x.values.count).map { i in
            var plus = x, minus = x
            plus.values[i] += step
            minus.values[i] -= step
            return Float((loss(plus) - loss(minus)) / Double(2 * step))
        }
    }

    static func contract(_ y: Matrix, _ weights: Matrix) -> Double {
        zip(y.values, weights.values).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    }

    @Test func layerNorm() {
        var random = RandomTensors(seed: 21)
        let norm = random.norm(12)
        let x = random.matrix(5, 12, scale: 2), w = random.matrix(5, 12)
        let (_, cache) = norm.forward(x)
        let analytic = norm.backward(w, cache: cache)
        let numeric = Self.numericGradient(x) { Self.contract(norm.forward($0).output, w) }
        #expect(relativeError(analytic.values, numeric) < Self.tolerance)
    }

    /// The Float forward pass against a Double reference, on rows whose width leaves a short
    /// run of lanes (13 = 8 + 5) and whose values sit far from zero (mean 100, spread 1), where
    /// a one-pass variance would cancel: normalised values within 2e-5, outputs likewise.
    @Test func layerNormMatchesADoubleReference() {
        var random = RandomTensors(seed: 25)
        let norm = random.norm(13)
        var x = random.matrix(4, 13)
        x.values = x.values.map { $0 + 100 }
        let (output, cache) = norm.forward(x)
        for r in 0 ..< 4 {
            let row = (0 ..< 13).map { Double(x[r, $0]) }
            let mean = row.reduce(0, +) / 13
            let deviation = (row.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 13 + 1e-12).squareRoot()
            #expect(abs(Double(cache.inverseDeviation[r]) * deviation - 1) < 1e-5)
            for c in 0 ..< 13 {
                let normalized = (row[c] - mean) / deviation
                #expect(abs(Double(cache.normalized[r, c]) - normalized) < 2e-5, "row \(r), column \(c)")
                let expected = normalized * Double(norm.gamma[c]) + Double(norm.beta[c])
                #expect(abs(Double(output[r, c]) - expected) < 2e-5, "row \(r), column \(c)")
            }
        }
    }

    /// The slope kept by the forward pass is GELU's derivative Φ(x) + x φ(x) (to 1e-6, in
    /// Double), and keeping it does not change the output.
    @Test func geluKeepsItsSlope() {
        var random = RandomTensors(seed: 26)
        let x = random.matrix(3, 11, scale: 5)
        let (output, slope) = GELU.forwardKeepingSlope(x)
        #expect(output == GELU.forward(x))
        for (v, d) in zip(x.values, slope.values) {
            let t = Double(v)
            let expected = 0.5 * (1 + erf(t / 2.0.squareRoot())) + t * exp(-t * t / 2) / (2 * Double.pi).squareRoot()
            #expect(abs(Double(d) - expected) < 1e-6, "x = \(v)")
        }
    }

    @Test func gelu() {
        var random = RandomTensors(seed: 22)
        let x = random.matrix(4, 9, scale: 3), w = random.matrix(4, 9)
        let analytic = GELU.backward(w, input: x)
        let numeric = Self.numericGradient(x) { Self.contract(GELU.forward($0), w) }
        #expect(relativeError(analytic.values, numeric) < Self.tolerance)
        // The exact erf form, not the tanh approximation: they differ by ~1e-4 near x = 1.5.
        let one = GELU.forward(Matrix(rows: 1, columns: 1, values: [1.5])).values[0]
        #expect(abs(Double(one) - 1.5 * 0.5 * (1 + erf(1.5 / 2.0.squareRoot()))) < 1e-6)
    }

    /// GELU's own erf stays within 1e-7 of libm's Double erf over and beyond its fitted range
    /// (the baseline instance; the others give its bits, `vectorMathAgreesAcrossInstructionSets`).
    @Test func geluErrorFunction() throws {
        let kernels = try #require(errata_vector_kernels(ErrataVectorISABaseline)).pointee
        func error(_ x: Float) -> Float {
            var value = x, result: Float = 0
            kernels.erf(&value, &result, 1)
            return result
        }
        var largest = 0.0
        for i in -60_000 ... 60_000 {
            let x = Float(i) * 1e-4
            largest = max(largest, abs(Double(error(x)) - erf(Double(x))))
        }
        #expect(largest < 1e-7)
        #expect(error(-20) == -1 && error(20) == 1 && error(0) == 0)
    }

    /// The element-wise kernels give the same bits on every instruction set this processor
    /// runs (AVX-512, AVX2, baseline), so results do not depend on the machine's vector width:
    /// GELU and softmax over random values, the edges of erf's and exp's ranges, infinities and
    /// NaN; LayerNorm (with a residual, over a width that is not a multiple of eight) and the
    /// backward passes over random values.
    @Test func vectorMathAgreesAcrossInstructionSets() {
        var random = RandomTensors(seed: 27)
        let special: [Float] = [0, -0, 4, -4, 4.0001, -4.0001, 30, -30, 88, -88, -87.33654, 1e-30, .infinity, -.infinity, .nan]
        let x = random.matrix(37, 29, scale: 6).values + special
        let mask = (0 ..< 29).map { $0 % 5 != 3 }
        let rows = 9, width = 43
        let y = random.matrix(rows, width, scale: 4).values, residual = random.matrix(rows, width).values
        let gradient = random.matrix(rows, width).values, also = random.matrix(rows, width).values
        let gamma = random.matrix(1, width).values, beta = random.matrix(1, width).values
        func outputs(_ kernels: ErrataVectorKernels) -> [[UInt32]] {
            var out = [Float](repeating: 0, count: x.count), slope = out, scores = x
            kernels.gelu(x, &out, &slope, x.count)
            scores.withUnsafeMutableBufferPointer { s in
                mask.withUnsafeBufferPointer { kernels.softmax(s.baseAddress!, 37, 29, 29, 0.25, $0.baseAddress) }
            }
            var scoreGradient = Array(x[0 ..< 37 * 29])
            kernels.softmax_backward(scores, &scoreGradient, 37, 29, 0.25)
            var normalized = [Float](repeating: 0, count: rows * width), normed = normalized, dx = normalized
            var inverse = [Float](repeating: 0, count: rows)
            kernels.layer_norm(y, residual, rows, width, gamma, beta, 1e-12, &normalized, &normed, &inverse)
            kernels.layer_norm_backward(gradient, also, rows, width, gamma, normalized, inverse, &dx)
            return [out, slope, scores, scoreGradient, normalized, normed, inverse, dx].map { $0.map(\.bitPattern) }
        }
        let baseline = outputs(errata_vector_kernels(ErrataVectorISABaseline)!.pointee)
        #expect(Float(bitPattern: baseline[0][x.count - 1]).isNaN && Float(bitPattern: baseline[0][x.count - special.count + 6]) == 30)
        for isa in [ErrataVectorISAAVX2, ErrataVectorISAAVX512] {
            guard let kernels = errata_vector_kernels(isa) else { continue }
            #expect(outputs(kernels.pointee) == baseline, "instruction set \(isa.rawValue)")
        }
    }

    /// LayerNorm with a residual is LayerNorm of the sum, and its backward pass with a second
    /// gradient is that of the summed gradient (the residual connections folded into it).
    @Test func layerNormFoldsTheResidualIn() {
        var random = RandomTensors(seed: 28)
        let norm = LayerNorm(gamma: random.matrix(1, 13).values, beta: random.matrix(1, 13).values, epsilon: 1e-12)
        let x = random.matrix(5, 13, scale: 3), r = random.matrix(5, 13, scale: 3)
        let dy = random.matrix(5, 13), also = random.matrix(5, 13)
        let sum = Matrix(rows: 5, columns: 13, values: zip(x.values, r.values).map(+))
        let (folded, cache) = norm.forward(x, adding: r)
        let (plain, plainCache) = norm.forward(sum)
        #expect(folded == plain && cache.normalized == plainCache.normalized && cache.inverseDeviation == plainCache.inverseDeviation)
        let summedGradient = Matrix(rows: 5, columns: 13, values: zip(dy.values, also.values).map(+))
        #expect(norm.backward(dy, adding: also, cache: cache) == norm.backward(summedGradient, cache: cache))
    }

    @Test func linear() {
        var random = RandomTensors(seed: 23)
        let layer = random.linear(7, 5)
        let x = random.matrix(3, 5), w = random.matrix(3, 7)
        let numeric = Self.numericGradient(x) { Self.contract(layer($0), w) }
        #expect(relativeError(layer.inputGradient(w).values, numeric) < Self.tolerance)
    }

    @Test func softmaxWithMask() {
        var random = RandomTensors(seed: 24)
        let x = random.matrix(3, 6, scale: 3), w = random.matrix(3, 6)
        let allowed = [true, true, false, true, true, false]
        func softmax(_ m: Matrix) -> Matrix {
            var y = m
            y.values.withUnsafeMutableBufferPointer { Softmax.forward($0.baseAddress!, rows: 3, columns: 6, stride: 6, allowed: allowed) }
            return y
        }
        let p = softmax(x)
        for r in 0 ..< 3 {
            #expect(abs(p.row(r).reduce(0, +) - 1) < 1e-6)
            #expect(p[r, 2] == 0 && p[r, 5] == 0)
        }
        var analytic = w
        p.values.withUnsafeBufferPointer { pp in
            analytic.values.withUnsafeMutableBufferPointer { Softmax.backward(probabilities: pp.baseAddress!, gradient: $0.baseAddress!, rows: 3, columns: 6) }
        }
        let numeric = Self.numericGradient(x) { Self.contract(softmax($0), w) }
        #expect(relativeError(analytic.values, numeric) < Self.tolerance)
        var none: [Float] = [0.5, -1, 2]
        none.withUnsafeMutableBufferPointer { Softmax.forward($0.baseAddress!, rows: 1, columns: 3, stride: 3, allowed: [false, false, false]) }
        #expect(none == [0, 0, 0])
    }

    @Test(arguments: [Target.logit(2), .probability(0)])
    func linearHead(target: Target) {
        var random = RandomTensors(seed: 25)
        let head = random.head(classes: 3, hidden: 8)
        let pooled = random.values(8)
        let analytic = head.targetGradient(target, pooled: pooled).gradient
        let numeric = Self.numericGradient(Matrix(rows: 1, columns: 8, values: pooled)) {
            head.targetGradient(target, pooled: $0.values).value
        }
        #expect(relativeError(analytic, numeric) < Self.tolerance)
    }
}
