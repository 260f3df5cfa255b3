import Foundation
import Testing
@testable import Attribution

@Suite struct MatrixMultiplyTests {
    /// op(A) · op(B) in Double, the reference for both backends.
    static func reference(_ a: Matrix, _ b: Matrix, transposeA: Bool, transposeB: Bool) -> [Float] {
        let m = transposeA ? a.columns : a.rows, k = transposeA ? a.rows : a.columns, n = transposeB ? b.rows : b.columns
        var c = [Float](repeating: 0, count: m * n)
        for i in 0 ..< m {
            for j in 0 ..< n {
                var sum = 0.0
                for p in 0 ..< k {
                    let x = transposeA ? a[p, i] : a[i, p], y = transposeB ? b[j, p] : b[p, j]
                    sum += Double(x) * Double(y)
                }
                c[i * n + j] = Float(sum)
            }
        }
        return c
    }

    /// Shapes with every tail case of the 4x8 register block, and two large enough to be
    /// split across threads: a tall one (split by rows) and a wide one (split by columns).
    static let shapes: [(m: Int, n: Int, k: Int)] = [(1, 1, 1), (3, 7, 5), (4, 8, 16), (9, 17, 33), (70, 45, 64), (300, 130, 96), (45, 300, 64)]

    static var backends: [MatrixMultiply.Backend] { MatrixMultiply.Backend.allCases.filter(MatrixMultiply.isAvailable) }

    /// OpenBLAS is loaded at run time where installed; without it the BLAS tests show as
    /// skipped, not as passed.
    static let blasAvailable = MatrixMultiply.isAvailable(.blas)

    @Test func simdMatchesDoubleReferenceForAllTranspositions() {
        Self.checkAllTranspositions(backend: .simd)
    }

    @Test(.enabled(if: blasAvailable, "OpenBLAS is not installed"))
    func blasMatchesDoubleReferenceForAllTranspositions() {
        Self.checkAllTranspositions(backend: .blas)
    }

    static func checkAllTranspositions(backend: MatrixMultiply.Backend) {
        checkAllTranspositions(label: "\(backend)") { a, b, transposeA, transposeB in
            MatrixMultiply.multiply(a, b, transposeA: transposeA, transposeB: transposeB, backend: backend)
        }
    }

    /// `multiply(a, b, transposeA, transposeB)` against the Double reference on random
    /// matrices of every shape and transposition.
    static func checkAllTranspositions(label: String, multiply: (Matrix, Matrix, Bool, Bool) -> Matrix) {
        var random = RandomTensors(seed: 11)
        for (m, n, k) in Self.shapes {
            for transposeA in [false, true] {
                for transposeB in [false, true] {
                    let a = transposeA ? random.matrix(k, m) : random.matrix(m, k)
                    let b = transposeB ? random.matrix(n, k) : random.matrix(k, n)
                    let c = multiply(a, b, transposeA, transposeB)
                    #expect(c.rows == m && c.columns == n)
                    let expected = Self.reference(a, b, transposeA: transposeA, transposeB: transposeB)
                    let error = maxAbsoluteDifference(c.values, expected)
                    #expect(error < 1e-5 * Float(k), "\(label) \(m)x\(n)x\(k) tA=\(transposeA) tB=\(transposeB): \(error)")
                }
            }
        }
    }

    @Test(.enabled(if: blasAvailable, "OpenBLAS is not installed"))
    func backendsAgree() {
        var random = RandomTensors(seed: 12)
        let a = random.matrix(128, 384), b = random.matrix(1536, 384)
        let blas = MatrixMultiply.multiply(a, b, transposeB: true, backend: .blas)
        let simd = MatrixMultiply.multiply(a, b, transposeB: true, backend: .simd)
        #expect(maxAbsoluteDifference(blas.values, simd.values) < 1e-4)
    }

    /// Sub-matrices addressed by leading dimension (one attention head's columns), and
    /// accumulation into C with beta 1, as the attention kernels use them.
    @Test func simdStridedOperandsAndAccumulation() {
        Self.checkStridedOperandsAndAccumulation(backend: .simd)
    }

    @Test(.enabled(if: blasAvailable, "OpenBLAS is not installed"))
    func blasStridedOperandsAndAccumulation() {
        Self.checkStridedOperandsAndAccumulation(backend: .blas)
    }

    static func checkStridedOperandsAndAccumulation(backend: MatrixMultiply.Backend) {
        var random = RandomTensors(seed: 13)
        let wide = random.matrix(10, 24)
        let start = random.matrix(10, 10)
        var c = start
        wide.values.withUnsafeBufferPointer { w in
            c.values.withUnsafeMutableBufferPointer { out in
                // Columns 8..<16 of `wide` times the transpose of columns 16..<24.
                MatrixMultiply.gemm(transposeA: false, transposeB: true, m: 10, n: 10, k: 8,
                                    a: w.baseAddress! + 8, lda: 24, b: w.baseAddress! + 16, ldb: 24,
                                    beta: 1, c: out.baseAddress!, ldc: 10, backend: backend)
            }
        }
        for i in 0 ..< 10 {
            for j in 0 ..< 10 {
                let dot = (0 ..< 8).reduce(Float(0)) { $0 + wide[i, 8 + $1] * wide[j, 16 + $1] }
                #expect(abs(c[i, j] - (start[i, j] + dot)) < 1e-5)
            }
        }
    }

    @Test func blasCanBeSwitchedOff() {
        #expect(BLAS.resolve(environment: ["ERRATA_BLAS": "off"]) == nil)
        #expect(BLAS.resolve(environment: ["ERRATA_BLAS": "OFF"]) == nil)
        if ProcessInfo.processInfo.environment["ERRATA_BLAS"] == nil {
            #expect(BLAS.resolve(environment: [:])?.name == BLAS.shared?.name)
        } else {
            #expect(MatrixMultiply.defaultBackend == .simd)
        }
    }
}
