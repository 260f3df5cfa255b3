// errata's element-wise kernels (see include/VectorMath.h).
//
// One body per kernel, written as plain loops over arrays for the compiler to vectorise, and
// instantiated per instruction set with `target` attributes; a constructor picks the widest the
// processor supports. The package builds this target with -ffp-contract=off: no fused
// multiply-adds, so every instance rounds exactly as the others (and as IEEE arithmetic in the
// order written).

#include "VectorMath.h"

#include <stdint.h>
#include <string.h>

#define ALWAYS_INLINE static inline __attribute__((always_inline))

// ---- The kernels' bodies, inlined into each instance.

// The error function as x P(x²) / Q(x²) on [-4, 4] (a rational fit to within 6e-8), in double so
// that rounding adds no more than 3e-8. NaN passes through (both comparisons are false).
ALWAYS_INLINE float erf_rational(float value) {
    double c = (double)value;
    c = c < -4 ? -4 : c;
    c = c > 4 ? 4 : c;
    double t = c * c;
    double p = 1.9217054687044858e-08;
    p = p * t - 1.990416834924057e-06;
    p = p * t + 0.00015555754835380511;
    p = p * t + 0.0042938928503932165;
    p = p * t + 0.05243621044039486;
    p = p * t + 0.21396367651570705;
    p = p * t + 1.1283786783036933;
    double q = 0.0010982420258246533;
    q = q * t + 0.015552828679235157;
    q = q * t + 0.12080764955915313;
    q = q * t + 0.5229480348756756;
    q = q * t + 1;
    return (float)(c * p / q);
}

// e^x in single precision from arithmetic and bit operations only (Cephes' expf: a degree-5
// polynomial on [-ln 2/2, ln 2/2] scaled by 2^n), within 2 ulp of libm's expf for x <= 88. Below
// -87.33654 the result would be subnormal and is 0; NaN stays NaN.
ALWAYS_INLINE float exp_cephes(float x) {
    const float lowest = -87.33654f, shift = 12582912.0f; // 1.5 * 2^23
    float c = x < lowest ? lowest : x;
    c = c > 88 ? 88 : c;
    // n = round(x / ln 2) by adding and subtracting 1.5 * 2^23: the sum's low mantissa bits hold n.
    float shifted = c * 1.44269504f + shift;
    float n = shifted - shift;
    float r = (c - n * 0.693359375f) + n * 2.1219444e-4f;
    float p = 1.98756915e-4f;
    p = p * r + 1.39819995e-3f;
    p = p * r + 8.3334519e-3f;
    p = p * r + 4.1665796e-2f;
    p = p * r + 1.66666655e-1f;
    p = p * r + 5.0000001e-1f;
    float y = p * (r * r) + r + 1;
    // 2^n: n + 127 in the exponent field; the shift's own bits vanish in the << 23.
    uint32_t bits;
    memcpy(&bits, &shifted, sizeof bits);
    bits = (bits + 127) << 23;
    float scale;
    memcpy(&scale, &bits, sizeof scale);
    return x < lowest ? 0 : y * scale;
}

ALWAYS_INLINE void erf_body(const float *restrict x, float *restrict out, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) out[i] = erf_rational(x[i]);
}

ALWAYS_INLINE void gelu_body(const float *restrict x, float *restrict out, float *restrict slope, ptrdiff_t count) {
    const float inverse_root_two = 0.70710678118654752f, inverse_root_two_pi = 0.39894228040143268f;
    if (slope) {
        for (ptrdiff_t i = 0; i < count; i++) {
            float v = x[i];
            float phi = 0.5f * (1 + erf_rational(v * inverse_root_two));
            slope[i] = phi + v * (inverse_root_two_pi * exp_cephes(-0.5f * v * v));
            out[i] = v * phi;
        }
    } else {
        for (ptrdiff_t i = 0; i < count; i++) {
            float v = x[i];
            out[i] = v * (0.5f * (1 + erf_rational(v * inverse_root_two)));
        }
    }
}

ALWAYS_INLINE void softmax_body(float *values, ptrdiff_t rows, ptrdiff_t columns, ptrdiff_t stride, float scale,
                                const bool *allowed) {
    for (ptrdiff_t r = 0; r < rows; r++) {
        float *restrict row = values + r * stride;
        float largest = -__builtin_inff();
        for (ptrdiff_t c = 0; c < columns; c++) {
            row[c] *= scale;
            if ((!allowed || allowed[c]) && row[c] > largest) largest = row[c];
        }
        for (ptrdiff_t c = 0; c < columns; c++) row[c] = exp_cephes(row[c] - largest);
        if (allowed) for (ptrdiff_t c = 0; c < columns; c++) row[c] = allowed[c] ? row[c] : 0;
        float sum = 0;
        for (ptrdiff_t c = 0; c < columns; c++) sum += row[c];
        float inverse = sum > 0 ? 1 / sum : 0;
        for (ptrdiff_t c = 0; c < columns; c++) row[c] *= inverse;
    }
}

ALWAYS_INLINE void softmax_backward_body(const float *restrict probabilities, float *restrict gradient, ptrdiff_t rows,
                                         ptrdiff_t columns, float scale) {
    for (ptrdiff_t r = 0; r < rows; r++) {
        const float *p = probabilities + r * columns;
        float *d = gradient + r * columns;
        float dot = 0;
        for (ptrdiff_t c = 0; c < columns; c++) dot += p[c] * d[c];
        for (ptrdiff_t c = 0; c < columns; c++) d[c] = (p[c] * (d[c] - dot)) * scale;
    }
}

// A sum in eight lanes, as one vector register of eight floats accumulates, and the lanes
// added pairwise at the end: the same order on every instruction set.
ALWAYS_INLINE float lanes_sum(const float lanes[8]) {
    return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
}

// Mean of the row's values and of their squared deviations from it (two passes: large
// activations lose nothing to cancellation).
ALWAYS_INLINE void row_moments(const float *restrict row, ptrdiff_t width, float *mean, float *variance) {
    float sums[8] = {0}, squares[8] = {0};
    ptrdiff_t c = 0;
    for (; c + 8 <= width; c += 8)
        for (int j = 0; j < 8; j++) sums[j] += row[c + j];
    for (int j = 0; c + j < width; j++) sums[j] += row[c + j];
    float m = lanes_sum(sums) / (float)width;
    for (c = 0; c + 8 <= width; c += 8)
        for (int j = 0; j < 8; j++) {
            float d = row[c + j] - m;
            squares[j] += d * d;
        }
    for (int j = 0; c + j < width; j++) {
        float d = row[c + j] - m;
        squares[j] += d * d;
    }
    *mean = m;
    *variance = lanes_sum(squares) / (float)width;
}

ALWAYS_INLINE void layer_norm_body(const float *restrict x, const float *restrict residual, ptrdiff_t rows, ptrdiff_t width,
                                   const float *restrict gamma, const float *restrict beta, float epsilon,
                                   float *restrict normalized, float *restrict out, float *restrict inverse_deviation) {
    for (ptrdiff_t r = 0; r < rows; r++) {
        const float *xr = x + r * width;
        float *nr = normalized + r * width, *yr = out + r * width;
        if (residual) {
            const float *rr = residual + r * width;
            for (ptrdiff_t c = 0; c < width; c++) nr[c] = xr[c] + rr[c];
        } else {
            for (ptrdiff_t c = 0; c < width; c++) nr[c] = xr[c];
        }
        float mean, variance;
        row_moments(nr, width, &mean, &variance);
        float inverse = 1 / __builtin_sqrtf(variance + epsilon);
        inverse_deviation[r] = inverse;
        for (ptrdiff_t c = 0; c < width; c++) {
            float n = (nr[c] - mean) * inverse;
            nr[c] = n;
            yr[c] = n * gamma[c] + beta[c];
        }
    }
}

ALWAYS_INLINE void layer_norm_backward_body(const float *restrict dy, const float *restrict also, ptrdiff_t rows, ptrdiff_t width,
                                            const float *restrict gamma, const float *restrict normalized,
                                            const float *restrict inverse_deviation, float *restrict dx) {
    for (ptrdiff_t r = 0; r < rows; r++) {
        const float *dr = dy + r * width, *nr = normalized + r * width;
        float *g = dx + r * width;
        if (also) {
            const float *ar = also + r * width;
            for (ptrdiff_t c = 0; c < width; c++) g[c] = (dr[c] + ar[c]) * gamma[c];
        } else {
            for (ptrdiff_t c = 0; c < width; c++) g[c] = dr[c] * gamma[c];
        }
        float sums[8] = {0}, products[8] = {0};
        ptrdiff_t c = 0;
        for (; c + 8 <= width; c += 8)
            for (int j = 0; j < 8; j++) {
                sums[j] += g[c + j];
                products[j] += g[c + j] * nr[c + j];
            }
        for (int j = 0; c + j < width; j++) {
            sums[j] += g[c + j];
            products[j] += g[c + j] * nr[c + j];
        }
        float mean_g = lanes_sum(sums) / (float)width, mean_gx = lanes_sum(products) / (float)width;
        float inverse = inverse_deviation[r];
        for (c = 0; c < width; c++) g[c] = inverse * (g[c] - mean_g - nr[c] * mean_gx);
    }
}

#define INSTANCES(suffix, attributes)                                                                        \
    attributes static void erf_##suffix(const float *x, float *out, ptrdiff_t count) { erf_body(x, out, count); } \
    attributes static void gelu_##suffix(const float *x, float *out, float *slope, ptrdiff_t count) {          \
        gelu_body(x, out, slope, count);                                                                     \
    }                                                                                                        \
    attributes static void softmax_##suffix(float *values, ptrdiff_t rows, ptrdiff_t columns, ptrdiff_t stride, \
                                            float scale, const bool *allowed) {                             \
        softmax_body(values, rows, columns, stride, scale, allowed);                                         \
    }                                                                                                        \
    attributes static void softmax_backward_##suffix(const float *probabilities, float *gradient, ptrdiff_t rows, \
                                                     ptrdiff_t columns, float scale) {                      \
        softmax_backward_body(probabilities, gradient, rows, columns, scale);                               \
    }                                                                                                        \
    attributes static void layer_norm_##suffix(const float *x, const float *residual, ptrdiff_t rows, ptrdiff_t width, \
                                               const float *gamma, const float *beta, float epsilon, float *normalized, \
                                               float *out, float *inverse_deviation) {                       \
        layer_norm_body(x, residual, rows, width, gamma, beta, epsilon, normalized, out, inverse_deviation);  \
    }                                                                                                        \
    attributes static void layer_norm_backward_##suffix(const float *dy, const float *also, ptrdiff_t rows,   \
                                                        ptrdiff_t width, const float *gamma,                 \
                                                        const float *normalized, const float *inverse_deviation, \
                                                        float *dx) {                                         \
        layer_norm_backward_body(dy, also, rows, width, gamma, normalized, inverse_deviation, dx);           \
    }

#define INSTANCE(suffix) \
    {erf_##suffix, gelu_##suffix, softmax_##suffix, softmax_backward_##suffix, layer_norm_##suffix, layer_norm_backward_##suffix}

INSTANCES(baseline, )
#if defined(__x86_64__)
INSTANCES(avx2, __attribute__((target("avx2,fma"))))
INSTANCES(avx512, __attribute__((target("avx512f,avx512dq,avx512vl,avx512bw"), min_vector_width(512))))
static const ErrataVectorKernels instances[] = {INSTANCE(baseline), INSTANCE(avx2), INSTANCE(avx512)};
#else
static const ErrataVectorKernels instances[] = {INSTANCE(baseline)};
#endif

enum { instanceCount = sizeof instances / sizeof instances[0] };

const ErrataVectorKernels *errata_vector_kernels(ErrataVectorISA isa) {
    if ((int)isa < 0 || (int)isa >= instanceCount) return NULL;
#if defined(__x86_64__)
    __builtin_cpu_init();
    bool runs = isa == ErrataVectorISABaseline
        || (isa == ErrataVectorISAAVX2 && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        || (isa == ErrataVectorISAAVX512 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")
            && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw"));
    if (!runs) return NULL;
#endif
    return &instances[isa];
}

static const ErrataVectorKernels *chosen = &instances[0];

__attribute__((constructor)) static void choose(void) {
    for (int isa = instanceCount - 1; isa > 0; isa--) {
        const ErrataVectorKernels *kernels = errata_vector_kernels((ErrataVectorISA)isa);
        if (kernels) {
            chosen = kernels;
            return;
        }
    }
}

void errata_gelu(const float *x, float *out, float *slope, ptrdiff_t count) { chosen->gelu(x, out, slope, count); }

void errata_softmax_rows(float *values, ptrdiff_t rows, ptrdiff_t columns, ptrdiff_t stride, float scale,
                         const bool *allowed) {
    chosen->softmax(values, rows, columns, stride, scale, allowed);
}

void errata_softmax_backward_rows(const float *probabilities, float *gradient, ptrdiff_t rows, ptrdiff_t columns,
                                  float scale) {
    chosen->softmax_backward(probabilities, gradient, rows, columns, scale);
}

void errata_layer_norm(const float *x, const float *residual, ptrdiff_t rows, ptrdiff_t width, const float *gamma,
                       const float *beta, float epsilon, float *normalized, float *out, float *inverse_deviation) {
    chosen->layer_norm(x, residual, rows, width, gamma, beta, epsilon, normalized, out, inverse_deviation);
}

void errata_layer_norm_backward(const float *dy, const float *also, ptrdiff_t rows, ptrdiff_t width, const float *gamma,
                                const float *normalized, const float *inverse_deviation, float *dx) {
    chosen->layer_norm_backward(dy, also, rows, width, gamma, normalized, inverse_deviation, dx);
}
