#ifndef ERRATA_VECTOR_MATH_H
#define ERRATA_VECTOR_MATH_H

#include <stdbool.h>
#include <stddef.h>

/// The transformer's element-wise steps between its matrix products (GELU, softmax, LayerNorm), in C so
/// that they run on the widest vectors the processor has: Swift builds for baseline x86-64
/// (SSE2), where its SIMD types take two to four instructions per AVX2 or AVX-512 one. Each
/// function is compiled three times (AVX-512, AVX2 with FMA, baseline) and the processor's
/// best is chosen once at load. The build forbids floating-point contraction, so the three
/// give the same bits: results do not depend on the machine's vector width.

/// GELU in its exact form, `out[i] = x Φ(x)` with `Φ(x) = (1 + erf(x/√2))/2`, and, when `slope`
/// is not NULL, its derivative `slope[i] = Φ(x) + x φ(x)`. `out` and `slope` may not overlap `x`.
void errata_gelu(const float *x, float *out, float *slope, ptrdiff_t count);

/// Softmax of `scale · row` over each of `rows` rows of `columns` values, `stride` apart, in
/// place. Columns with `allowed[c]` false (when `allowed` is not NULL) count for neither the
/// maximum nor the sum and get exactly 0; a row with none allowed gets all zeros.
void errata_softmax_rows(float *values, ptrdiff_t rows, ptrdiff_t columns, ptrdiff_t stride, float scale,
                         const bool *allowed);

/// The backward pass of `errata_softmax_rows`, in place: turns the gradient of each row's
/// probabilities `dP` into that of its inputs, `scale · P ⊙ (dP − Σ_c dP ⊙ P)`; rows are
/// `columns` values apart in both.
void errata_softmax_backward_rows(const float *probabilities, float *gradient, ptrdiff_t rows, ptrdiff_t columns,
                                  float scale);

/// Layer normalisation of each of `rows` rows of `width` values (of `x + residual` when
/// `residual` is not NULL: the residual connection folded into the same pass):
/// `out = n ⊙ gamma + beta` with `n = (v − mean) / √(variance + epsilon)`. Keeps `n` in
/// `normalized` and `1/√(variance + epsilon)` per row in `inverse_deviation` for the backward
/// pass. Sums run in eight lanes, the variance about the mean (two passes).
void errata_layer_norm(const float *x, const float *residual, ptrdiff_t rows, ptrdiff_t width, const float *gamma,
                       const float *beta, float epsilon, float *normalized, float *out, float *inverse_deviation);

/// The gradient of `errata_layer_norm`'s input: `dx = (1/σ)(g − mean(g) − n · mean(g ⊙ n))` with
/// `g = (dy + also) ⊙ gamma` (`also` NULL for none: a residual branch's gradient folded in).
void errata_layer_norm_backward(const float *dy, const float *also, ptrdiff_t rows, ptrdiff_t width, const float *gamma,
                                const float *normalized, const float *inverse_deviation, float *dx);

/// One instance of the functions above, compiled for one instruction set; `erf` is GELU's
/// error function alone (`out[i] = erf(x[i])`, within 1e-7 of libm's double erf, ±1 beyond
/// |x| = 4). The functions above run the processor's best instance.
typedef struct ErrataVectorKernels {
    void (*erf)(const float *x, float *out, ptrdiff_t count);
    void (*gelu)(const float *x, float *out, float *slope, ptrdiff_t count);
    void (*softmax)(float *values, ptrdiff_t rows, ptrdiff_t columns, ptrdiff_t stride, float scale, const bool *allowed);
    void (*softmax_backward)(const float *probabilities, float *gradient, ptrdiff_t rows, ptrdiff_t columns, float scale);
    void (*layer_norm)(const float *x, const float *residual, ptrdiff_t rows, ptrdiff_t width, const float *gamma,
                       const float *beta, float epsilon, float *normalized, float *out, float *inverse_deviation);
    void (*layer_norm_backward)(const float *dy, const float *also, ptrdiff_t rows, ptrdiff_t width, const float *gamma,
                                const float *normalized, const float *inverse_deviation, float *dx);
} ErrataVectorKernels;

typedef enum { ErrataVectorISABaseline = 0, ErrataVectorISAAVX2 = 1, ErrataVectorISAAVX512 = 2 } ErrataVectorISA;

/// The instance for `isa`, or NULL when this build lacks it or this processor cannot run it:
/// for tests that hold every instance to the same bits.
const ErrataVectorKernels *errata_vector_kernels(ErrataVectorISA isa);

#endif
