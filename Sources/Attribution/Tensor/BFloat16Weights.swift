import CBFloat16GEMM
import Foundation

/// A layer's weight rounded to bfloat16 and packed once for errata's AVX512-BF16 kernel
/// (`CBFloat16GEMM`), so each product only rounds and packs the activations.
///
/// Products accumulate in float32; only the inputs of each product lose precision (8 bits of
/// mantissa), which is why the bf16 path is offered for perturbation methods alone and reports
/// the change it makes to f(x) (see `Explainer`).
public final class BFloat16Weights: @unchecked Sendable {
    // @unchecked: the packed panels are written once in `init` and only read afterwards.
    private let packed: OpaquePointer
    let outputs: Int, inputs: Int

    /// Whether this processor runs the kernel (AVX512-BF16 with AVX-512 F, BW and VL).
    public static let processorSupports: Bool = errata_bf16_cpu_supported()

    /// The refusal where the processor does not (`--precision bf16` on such a machine).
    public static let refusal = ModelError.processorLacks(feature: "AVX512-BF16 (avx512_bf16 in /proc/cpuinfo)",
                                                          needed: "--precision bf16")

    /// Packs `weight` (`[outputs, inputs]`, PyTorch's layout); nil when the processor lacks
    /// AVX512-BF16 or memory runs out.
    init?(_ weight: Matrix) {
        guard let packed = weight.values.withUnsafeBufferPointer({ w in
            errata_bf16_pack_weights(w.baseAddress, weight.rows, weight.columns, weight.columns)
        }) else { return nil }
        self.packed = packed
        outputs = weight.rows
        inputs = weight.columns
    }

    deinit { errata_bf16_free_weights(packed) }

    /// `c = bias + bf16(a) · bf16(W)ᵀ` for `rows` rows of `a` (`inputs` columns) and `c`
    /// (`outputs` columns; only written), `bias` (`outputs` values) added to every row, the
    /// rows split over cores as `MatrixMultiply` splits a float32 product.
    func multiply(rows: Int, _ a: UnsafePointer<Float>, bias: UnsafePointer<Float>?, into c: UnsafeMutablePointer<Float>) {
        let blocks = MatrixMultiply.blocks(m: rows, n: 1, k: inputs * outputs)
        let pa = SendableReadPointer(a), pc = SendablePointer(c), pb = bias.map(SendableReadPointer.init)
        let weights = self
        DispatchQueue.concurrentPerform(iterations: blocks) { block in
            let start = rows * block / blocks, count = rows * (block + 1) / blocks - start
            // The kernel fails only when its 100 KB working buffer cannot be allocated.
            let done = errata_bf16_gemm(count, pa.base + start * weights.inputs, weights.inputs, weights.packed,
                                        pb?.base, pc.base + start * weights.outputs, weights.outputs)
            precondition(done, "out of memory in the bfloat16 matrix product")
        }
    }
}
