// errata's bfloat16 matrix product (see include/BFloat16GEMM.h).
//
// Layout. `vdpbf16ps` multiplies pairs of bfloat16 along k and adds both products to one float
// lane, so every operand is stored by pairs of consecutive k (one 32-bit word per pair):
// - weights: panels of NR = 48 output columns; within a panel, for each k-pair, the 48 columns'
//   pairs side by side (96 bfloat16, three zmm registers), the panel zero-padded to 48 columns
//   and to an even k;
// - activations: for each block of MC rows and KC values of k, panels of MR = 8 rows; within a
//   panel, for each k-pair, the 8 rows' pairs (8 words, each broadcast to a register).
// The micro-kernel keeps an 8 x 48 tile of C in 24 zmm accumulators. Loops, outermost first:
// k blocks (KC), row blocks (MC, packed once and reused across all weight panels from L2),
// weight panels (KC x 48, reused across the block's row panels), row panels.

#include "BFloat16GEMM.h"

#if defined(__x86_64__)

#include <immintrin.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// KC covers the model's whole k (384 or 1536: one pass over C, whose tiles otherwise travel
// through the cache once per k block) and MC = 144 rows keep the packed block (432 KB at
// k = 1536) in the 1 MB L2 beside a weight panel; both measured, docs/performance.md.
enum { MR = 8, NR = 48, KC = 1536, MC = 144 };

#define BF16_TARGET __attribute__((target("avx512f,avx512bw,avx512vl,avx512bf16")))

struct ErrataBF16Weights {
    ptrdiff_t outputs, inputs, pairs, panels;
    uint32_t *data; // panels x pairs x NR words
};

bool errata_bf16_cpu_supported(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
        && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bf16");
}

/// Rounds `count` floats to bfloat16 (nearest, ties to even), appending a zero when `count` is
/// odd, so `dst` holds (count + 1) / 2 whole pairs.
BF16_TARGET static void round_row(const float *src, ptrdiff_t count, uint16_t *dst) {
    ptrdiff_t i = 0;
    for (; i + 32 <= count; i += 32) {
        __m512bh both = _mm512_cvtne2ps_pbh(_mm512_loadu_ps(src + i + 16), _mm512_loadu_ps(src + i));
        _mm512_storeu_si512(dst + i, (__m512i)both);
    }
    if (i < count) {
        ptrdiff_t rest = count - i, padded = rest + (rest & 1);
        __mmask16 low = (__mmask16)(rest >= 16 ? 0xFFFF : (1u << rest) - 1);
        __mmask16 high = (__mmask16)(rest <= 16 ? 0 : (1u << (rest - 16)) - 1);
        __m512bh both = _mm512_cvtne2ps_pbh(_mm512_maskz_loadu_ps(high, src + i + 16), _mm512_maskz_loadu_ps(low, src + i));
        _mm512_mask_storeu_epi16(dst + i, (__mmask32)(padded == 32 ? 0xFFFFFFFFu : (1u << padded) - 1), (__m512i)both);
    }
}

ErrataBF16Weights *errata_bf16_pack_weights(const float *w, ptrdiff_t outputs, ptrdiff_t inputs, ptrdiff_t ldw) {
    if (!errata_bf16_cpu_supported() || outputs <= 0 || inputs <= 0) return NULL;
    ErrataBF16Weights *packed = malloc(sizeof *packed);
    if (!packed) return NULL;
    packed->outputs = outputs;
    packed->inputs = inputs;
    packed->pairs = (inputs + 1) / 2;
    packed->panels = (outputs + NR - 1) / NR;
    size_t words = (size_t)(packed->panels * packed->pairs * NR);
    packed->data = aligned_alloc(64, (words * 4 + 63) / 64 * 64);
    uint16_t *row = malloc((size_t)(packed->pairs * 2) * sizeof *row);
    if (!packed->data || !row) {
        free(row);
        errata_bf16_free_weights(packed);
        return NULL;
    }
    memset(packed->data, 0, words * 4);
    for (ptrdiff_t j = 0; j < outputs; j++) {
        round_row(w + j * ldw, inputs, row);
        const uint32_t *pairs = (const uint32_t *)row;
        uint32_t *column = packed->data + (j / NR) * packed->pairs * NR + j % NR;
        for (ptrdiff_t p = 0; p < packed->pairs; p++) column[p * NR] = pairs[p];
    }
    free(row);
    return packed;
}

void errata_bf16_free_weights(ErrataBF16Weights *weights) {
    if (!weights) return;
    free(weights->data);
    free(weights);
}

/// Packs rows [0, rows) and k-pairs [p0, p0 + pairs) of `a` into MR-row panels; rows past
/// `rows` are zero. `scratch` holds one row's bfloat16 values.
BF16_TARGET static void pack_rows(const float *a, ptrdiff_t lda, ptrdiff_t rows, ptrdiff_t inputs,
                                  ptrdiff_t p0, ptrdiff_t pairs, uint32_t *out, uint16_t *scratch) {
    ptrdiff_t k0 = 2 * p0, count = inputs - k0 < 2 * pairs ? inputs - k0 : 2 * pairs;
    ptrdiff_t panels = (rows + MR - 1) / MR;
    for (ptrdiff_t r = 0; r < panels * MR; r++) {
        uint32_t *panel = out + (r / MR) * pairs * MR + r % MR;
        if (r >= rows) {
            for (ptrdiff_t p = 0; p < pairs; p++) panel[p * MR] = 0;
            continue;
        }
        round_row(a + r * lda + k0, count, scratch);
        const uint32_t *words = (const uint32_t *)scratch;
        for (ptrdiff_t p = 0; p < pairs; p++) panel[p * MR] = words[p];
    }
}

/// The 8 x 48 tile of one row panel times one weight panel over `pairs`, stored into
/// C[rows x columns] added to `base`: the bias (`bias`, 48 of its values, or zero when NULL)
/// for the first k block, C itself for the others.
BF16_TARGET static void micro_kernel(ptrdiff_t pairs, const uint32_t *a, const uint32_t *b, bool first, const float *bias,
                                     float *c, ptrdiff_t ldc, ptrdiff_t rows, ptrdiff_t columns) {
    __m512 acc[MR][3];
    // The tile of C is written (and for later k blocks read) after the k loop: fetched now,
    // its misses overlap the products.
    for (int r = 0; r < rows; r++) {
        _mm_prefetch((const char *)(c + r * ldc), _MM_HINT_T0);
        _mm_prefetch((const char *)(c + r * ldc + 16), _MM_HINT_T0);
        _mm_prefetch((const char *)(c + r * ldc + 32), _MM_HINT_T0);
        _mm_prefetch((const char *)(c + r * ldc + 47), _MM_HINT_T0);
    }
    for (int r = 0; r < MR; r++)
        for (int v = 0; v < 3; v++) acc[r][v] = _mm512_setzero_ps();
    for (ptrdiff_t p = 0; p < pairs; p++) {
        __m512bh b0 = (__m512bh)_mm512_load_si512(b + p * NR);
        __m512bh b1 = (__m512bh)_mm512_load_si512(b + p * NR + 16);
        __m512bh b2 = (__m512bh)_mm512_load_si512(b + p * NR + 32);
        for (int r = 0; r < MR; r++) {
            __m512bh ar = (__m512bh)_mm512_set1_epi32((int)a[p * MR + r]);
            acc[r][0] = _mm512_dpbf16_ps(acc[r][0], ar, b0);
            acc[r][1] = _mm512_dpbf16_ps(acc[r][1], ar, b1);
            acc[r][2] = _mm512_dpbf16_ps(acc[r][2], ar, b2);
        }
    }
    for (int v = 0; v < 3; v++) {
        ptrdiff_t left = columns - 16 * v;
        if (left <= 0) break;
        __mmask16 mask = (__mmask16)(left >= 16 ? 0xFFFF : (1u << left) - 1);
        __m512 offset = first && bias ? _mm512_maskz_loadu_ps(mask, bias + 16 * v) : _mm512_setzero_ps();
        for (int r = 0; r < rows; r++) {
            float *out = c + r * ldc + 16 * v;
            __m512 base = first ? offset : _mm512_maskz_loadu_ps(mask, out);
            _mm512_mask_storeu_ps(out, mask, _mm512_add_ps(base, acc[r][v]));
        }
    }
}

bool errata_bf16_gemm(ptrdiff_t m, const float *a, ptrdiff_t lda, const ErrataBF16Weights *weights,
                      const float *bias, float *c, ptrdiff_t ldc) {
    if (m <= 0) return true;
    const ptrdiff_t pairsPerBlock = KC / 2;
    uint32_t *block = aligned_alloc(64, (size_t)MC * pairsPerBlock * 4);
    uint16_t *scratch = malloc((size_t)KC * sizeof *scratch);
    if (!block || !scratch) {
        free(block);
        free(scratch);
        return false;
    }
    for (ptrdiff_t p0 = 0; p0 < weights->pairs; p0 += pairsPerBlock) {
        ptrdiff_t pairs = weights->pairs - p0 < pairsPerBlock ? weights->pairs - p0 : pairsPerBlock;
        for (ptrdiff_t i0 = 0; i0 < m; i0 += MC) {
            ptrdiff_t rows = m - i0 < MC ? m - i0 : MC;
            pack_rows(a + i0 * lda, lda, rows, weights->inputs, p0, pairs, block, scratch);
            for (ptrdiff_t panel = 0; panel < weights->panels; panel++) {
                const uint32_t *b = weights->data + panel * weights->pairs * NR + p0 * NR;
                ptrdiff_t j0 = panel * NR, columns = weights->outputs - j0 < NR ? weights->outputs - j0 : NR;
                for (ptrdiff_t r0 = 0; r0 < rows; r0 += MR) {
                    micro_kernel(pairs, block + r0 * pairs, b, p0 == 0, bias ? bias + j0 : NULL,
                                 c + (i0 + r0) * ldc + j0, ldc, rows - r0 < MR ? rows - r0 : MR, columns);
                }
            }
        }
    }
    free(block);
    free(scratch);
    return true;
}

#else

// Other processors (Apple silicon, say) have no AVX512-BF16: the product is never available,
// and `--precision bf16` says so as it does on an x86 processor without it.
bool errata_bf16_cpu_supported(void) { return false; }

ErrataBF16Weights *errata_bf16_pack_weights(const float *w, ptrdiff_t outputs, ptrdiff_t inputs, ptrdiff_t ldw) {
    (void)w; (void)outputs; (void)inputs; (void)ldw;
    return NULL;
}

void errata_bf16_free_weights(ErrataBF16Weights *weights) { (void)weights; }

bool errata_bf16_gemm(ptrdiff_t m, const float *a, ptrdiff_t lda, const ErrataBF16Weights *weights,
                      const float *bias, float *c, ptrdiff_t ldc) {
    (void)m; (void)a; (void)lda; (void)weights; (void)bias; (void)c; (void)ldc;
    return false;
}

#endif
