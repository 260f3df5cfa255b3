import Foundation

/// The portable GEMM: register-blocked `SIMD8<Float>` arithmetic in plain Swift.
///
/// `op(B)` is packed into panels of 8 columns (`[k][8]`, zero-padded), so the inner loop loads
/// one aligned vector of B per step and multiplies it by four broadcast values of A: 4x8 outputs
/// stay in registers for the whole `k` loop. Multiply and add are separate operations on purpose:
/// `addProduct` without `-target-cpu` becomes one libm call per lane. Rows of C are split into
/// blocks across cores when the product is large enough to pay for the threads.
enum SIMDMatrixMultiply {
    static let panelWidth = 8
    static let rowBlock = 4

    /// `C = op(A) · op(B) + beta · C`, row-major with leading dimensions (as BLAS).
    static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
                     a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                     beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        guard m > 0, n > 0 else { return }
        let panels = (n + panelWidth - 1) / panelWidth
        let packedB = packB(transposeB: transposeB, n: n, k: k, b: b, ldb: ldb, panels: panels)
        // op(A) as contiguous rows of length k: the kernel reads four rows side by side.
        let rowsA: [Float]? = transposeA ? (0 ..< m * k).map { a[($0 % k) * lda + $0 / k] } : nil
        packedB.withUnsafeBufferPointer { packed in
            func run(_ rowA: UnsafePointer<Float>, _ strideA: Int) {
                let pA = SendableReadPointer(rowA), pB = SendableReadPointer(packed.baseAddress!)
                let pC = SendablePointer(c)
                let work = m * n * k
                let blocks = work < 1 << 18 ? 1 : min((m + rowBlock - 1) / rowBlock, ProcessInfo.processInfo.activeProcessorCount * 2)
                DispatchQueue.concurrentPerform(iterations: blocks) { block in
                    let start = (m * block / blocks) / rowBlock * rowBlock
                    let end = block == blocks - 1 ? m : (m * (block + 1) / blocks) / rowBlock * rowBlock
                    kernel(rows: start ..< end, n: n, k: k, a: pA.base, lda: strideA, packed: pB.base,
                           panels: panels, beta: beta, c: pC.base, ldc: ldc)
                }
            }
            if let rowsA { rowsA.withUnsafeBufferPointer { run($0.baseAddress!, k) } } else { run(a, lda) }
        }
    }

    /// Panels of 8 columns of op(B), each `k` rows of one vector, zero past column `n`.
    private static func packB(transposeB: Bool, n: Int, k: Int, b: UnsafePointer<Float>, ldb: Int, panels: Int) -> [Float] {
        var packed = [Float](repeating: 0, count: panels * k * panelWidth)
        packed.withUnsafeMutableBufferPointer { out in
            for panel in 0 ..< panels {
                let base = panel * k * panelWidth
                for j in 0 ..< min(panelWidth, n - panel * panelWidth) {
                    let column = panel * panelWidth + j
                    for kk in 0 ..< k {
                        out[base + kk * panelWidth + j] = transposeB ? b[column * ldb + kk] : b[kk * ldb + column]
                    }
                }
            }
        }
        return packed
    }

    private static func kernel(rows: Range<Int>, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int,
                               packed: UnsafePointer<Float>, panels: Int, beta: Float,
                               c: UnsafeMutablePointer<Float>, ldc: Int) {
        var i = rows.lowerBound
        while i + rowBlock <= rows.upperBound {
            let a0 = a + i * lda, a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda
            for panel in 0 ..< panels {
                let p = UnsafeRawPointer(packed + panel * k * panelWidth)
                var s0 = SIMD8<Float>(), s1 = SIMD8<Float>(), s2 = SIMD8<Float>(), s3 = SIMD8<Float>()
                for kk in 0 ..< k {
                    let v = p.loadUnaligned(fromByteOffset: kk * 32, as: SIMD8<Float>.self)
                    s0 += v * a0[kk]
                    s1 += v * a1[kk]
                    s2 += v * a2[kk]
                    s3 += v * a3[kk]
                }
                store(s0, row: i, panel: panel, n: n, beta: beta, c: c, ldc: ldc)
                store(s1, row: i + 1, panel: panel, n: n, beta: beta, c: c, ldc: ldc)
                store(s2, row: i + 2, panel: panel, n: n, beta: beta, c: c, ldc: ldc)
                store(s3, row: i + 3, panel: panel, n: n, beta: beta, c: c, ldc: ldc)
            }
            i += rowBlock
        }
        while i < rows.upperBound {
            let a0 = a + i * lda
            for panel in 0 ..< panels {
                let p = UnsafeRawPointer(packed + panel * k * panelWidth)
                var s0 = SIMD8<Float>()
                for kk in 0 ..< k { s0 += p.loadUnaligned(fromByteOffset: kk * 32, as: SIMD8<Float>.self) * a0[kk] }
                store(s0, row: i, panel: panel, n: n, beta: beta, c: c, ldc: ldc)
            }
            i += 1
        }
    }

    @inline(__always)
    private static func store(_ sum: SIMD8<Float>, row: Int, panel: Int, n: Int, beta: Float,
                              c: UnsafeMutablePointer<Float>, ldc: Int) {
        let column = panel * panelWidth
        let out = c + row * ldc + column
        if column + panelWidth <= n {
            let raw = UnsafeMutableRawPointer(out)
            let result = beta == 0 ? sum : sum + raw.loadUnaligned(as: SIMD8<Float>.self) * beta
            raw.storeBytes(of: result, as: SIMD8<Float>.self)
        } else {
            for j in 0 ..< n - column { out[j] = beta == 0 ? sum[j] : sum[j] + beta * out[j] }
        }
    }
}
