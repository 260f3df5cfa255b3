#ifndef ERRATA_BFLOAT16_GEMM_H
#define ERRATA_BFLOAT16_GEMM_H

#include <stdbool.h>
#include <stddef.h>

/// A matrix product in bfloat16 with float32 accumulation, for processors with AVX512-BF16
/// (`vdpbf16ps`): `C = bias + bf16(A) · bf16(W)ᵀ`, all row-major, where `W` is a layer's weight in
/// PyTorch's `[outputs, inputs]` layout. The weights are rounded to bfloat16 and packed into
/// column panels once (`errata_bf16_pack_weights`); the activations `A` are rounded (to
/// nearest, ties to even) while each block of them is packed.

/// Whether this processor executes AVX512-BF16 (and the AVX-512 F/BW/VL it builds on).
bool errata_bf16_cpu_supported(void);

/// Weights rounded to bfloat16 in the kernel's panel layout; opaque.
typedef struct ErrataBF16Weights ErrataBF16Weights;

/// Packs `w` (`outputs` rows of `inputs` floats, rows `ldw` apart). NULL when the processor
/// lacks AVX512-BF16 or memory runs out. Free with `errata_bf16_free_weights`.
ErrataBF16Weights *errata_bf16_pack_weights(const float *w, ptrdiff_t outputs, ptrdiff_t inputs, ptrdiff_t ldw);

void errata_bf16_free_weights(ErrataBF16Weights *weights);

/// `C[m × outputs] = bias + bf16(A[m × inputs]) · bf16(W)ᵀ`, `bias` (`outputs` floats, or NULL
/// for none) added to every row; rows of `a` are `lda` floats apart, rows of `c` `ldc`. `c` is
/// only written, so it need not be initialised: the bias is added in the same pass as the
/// product. Single-threaded: callers split the rows of `A` and `C` across cores. Returns false
/// (and leaves `c` alone) when a working buffer cannot be allocated.
bool errata_bf16_gemm(ptrdiff_t m, const float *a, ptrdiff_t lda, const ErrataBF16Weights *weights,
                      const float *bias, float *c, ptrdiff_t ldc);

#endif
