// GFLOP/s of errata's bfloat16 GEMM (Sources/CBFloat16GEMM) against float32 OpenBLAS
// `cblas_sgemm` at the MiniLM forward pass's weight shapes, both on 2 threads that split the
// rows of C as errata's MatrixMultiply does (OpenBLAS itself set to 1 thread). Alternating
// rounds; prints the median of each and the largest difference from a float reference
// computed on the bfloat16-rounded inputs.
//
//   Benchmarks/Attribution/bf16_gemm/run.sh        # builds with clang -O3 and runs
#include "BFloat16GEMM.h"

#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef void (*Sgemm)(int, int, int, int, int, int, float, const float *, int, const float *, int, float, float *, int);
static Sgemm sgemm;

typedef struct {
    int m, n, k, bf16;
    const float *a, *w;
    float *c;
    const ErrataBF16Weights *packed;
} Job;

static void *run(void *arg) {
    Job *j = arg;
    if (j->bf16) errata_bf16_gemm(j->m, j->a, j->k, j->packed, NULL, j->c, j->n);
    else sgemm(101, 111, 112, j->m, j->n, j->k, 1, j->a, j->k, j->w, j->k, 1, j->c, j->n);
    return NULL;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/// One product on two threads, each taking half the rows; seconds.
static double timed(int bf16, int m, int n, int k, const float *a, const float *w, float *c, const ErrataBF16Weights *packed) {
    Job jobs[2];
    pthread_t thread;
    int half = m / 2;
    jobs[0] = (Job){half, n, k, bf16, a, w, c, packed};
    jobs[1] = (Job){m - half, n, k, bf16, a + (size_t)half * k, w, c + (size_t)half * n, packed};
    double t0 = now();
    pthread_create(&thread, NULL, run, &jobs[1]);
    run(&jobs[0]);
    pthread_join(thread, NULL);
    return now() - t0;
}

static float round_bf16(float x) {
    uint32_t u;
    memcpy(&u, &x, 4);
    u += 0x7FFF + ((u >> 16) & 1);
    u &= 0xFFFF0000u;
    memcpy(&x, &u, 4);
    return x;
}

static int compare_doubles(const void *x, const void *y) {
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

int main(int argc, char **argv) {
    void *lib = dlopen("libopenblas.so.0", RTLD_NOW);
    if (!lib) { fprintf(stderr, "no libopenblas.so.0\n"); return 1; }
    sgemm = (Sgemm)dlsym(lib, "cblas_sgemm");
    void (*threads)(int) = (void (*)(int))dlsym(lib, "openblas_set_num_threads");
    threads(1);
    if (!errata_bf16_cpu_supported()) { fprintf(stderr, "no AVX512-BF16\n"); return 1; }
    int rounds = argc > 1 ? atoi(argv[1]) : 5;
    int shapes[][3] = {{16512, 1152, 384}, {16512, 384, 384}, {16512, 1536, 384}, {16512, 384, 1536},
                       {9000, 1536, 384}, {1352, 1536, 384}, {1352, 384, 1536}, {1352, 1152, 384}};
    printf("| m x n x k | float32 OpenBLAS GFLOP/s | bf16 GFLOP/s | speed-up | max rel. error |\n|---|---|---|---|---|\n");
    for (size_t s = 0; s < sizeof shapes / sizeof *shapes; s++) {
        int m = shapes[s][0], n = shapes[s][1], k = shapes[s][2];
        float *a = malloc(sizeof(float) * m * k), *w = malloc(sizeof(float) * n * k), *c = malloc(sizeof(float) * m * n);
        srand(1);
        for (size_t i = 0; i < (size_t)m * k; i++) a[i] = (float)(rand() / (RAND_MAX + 1.0) * 2 - 1);
        for (size_t i = 0; i < (size_t)n * k; i++) w[i] = (float)((rand() / (RAND_MAX + 1.0) * 2 - 1) * 0.05);
        ErrataBF16Weights *packed = errata_bf16_pack_weights(w, n, k, k);
        // Correctness on a few rows: against double sums of the rounded inputs.
        memset(c, 0, sizeof(float) * m * n);
        timed(1, m, n, k, a, w, c, packed);
        double worst = 0;
        for (int i = 0; i < m; i += m / 7 + 1)
            for (int j = 0; j < n; j++) {
                double sum = 0, scale = 0;
                for (int p = 0; p < k; p++) {
                    double term = (double)round_bf16(a[(size_t)i * k + p]) * round_bf16(w[(size_t)j * k + p]);
                    sum += term;
                    scale += fabs(term);
                }
                double e = fabs(c[(size_t)i * n + j] - sum) / scale;
                if (e > worst) worst = e;
            }
        double t32[64], t16[64];
        for (int r = 0; r < rounds; r++) {
            t32[r] = timed(0, m, n, k, a, w, c, packed);
            t16[r] = timed(1, m, n, k, a, w, c, packed);
        }
        qsort(t32, rounds, sizeof(double), compare_doubles);
        qsort(t16, rounds, sizeof(double), compare_doubles);
        double flops = 2.0 * m * n * k;
        printf("| %dx%dx%d | %.0f | %.0f | %.2fx | %.1e |\n", m, n, k, flops / t32[rounds / 2] / 1e9,
               flops / t16[rounds / 2] / 1e9, t32[rounds / 2] / t16[rounds / 2], worst);
        errata_bf16_free_weights(packed);
        free(a); free(w); free(c);
    }
    return 0;
}
