// native_bench.c - the engine built natively (gcc -O3 -march=native) on the
// same fixed workload as `rnn bench`, so the WASM modules can be compared with
// a native build of the same C in one run. Prints one JSON line.
//   build/rnn-native [hidden] [batch] [seq] [steps] [reps]
#define _POSIX_C_SOURCE 199309L
#include "rnn.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int cmp_d(const void *a, const void *b) {
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

// 65 distinct printable symbols, uniformly random: speed does not depend on content
static char *bench_text(long n) {
    char *t = malloc((size_t)n);
    rnn_rng r;
    rnn_rng_seed(&r, 7);
    for (long i = 0; i < n; i++) t[i] = (char)(33 + rnn_rng_range(&r, 0, 64));
    return t;
}

int main(int argc, char **argv) {
    const int H = argc > 1 ? atoi(argv[1]) : 256, B = argc > 2 ? atoi(argv[2]) : 32, T = argc > 3 ? atoi(argv[3]) : 64;
    const int steps = argc > 4 ? atoi(argv[4]) : 10, reps = argc > 5 ? atoi(argv[5]) : 5;
    if (reps < 1 || reps > 99 || steps < 1) { fprintf(stderr, "bad arguments\n"); return 2; }
    rnn_charlm_config cfg = rnn_charlm_defaults();
    cfg.hidden = H; cfg.batch = B; cfg.seq = T; cfg.val_fraction = 0;
    const long n = (long)B * (T + 1) * (steps + 2) + 1000;
    char *text = bench_text(n);
    rnn_charlm *m;
    if (rnn_charlm_create(&m, &cfg, text, n)) { fprintf(stderr, "%s\n", rnn_last_error()); return 1; }
    rnn_train_stats st;
    rnn_charlm_train(m, 2, &st); // warm-up
    double cps[99], gf[99];
    for (int r = 0; r < reps; r++) {
        const double t0 = now();
        rnn_charlm_train(m, steps, &st);
        cps[r] = st.chars / (now() - t0);
    }
    const int N = 256;
    float *a = calloc((size_t)N * N * 3, sizeof(float));
    for (long i = 0; i < (long)N * N * 2; i++) a[i] = (float)(i % 7) * 0.1f;
    for (int r = 0; r < reps; r++) {
        const int iters = 20;
        const double t0 = now();
        for (int i = 0; i < iters; i++) k_matmul(a + 2 * N * N, a, a + N * N, N, N, N, 0);
        gf[r] = 2.0 * N * N * N * iters / (now() - t0) / 1e9;
    }
    qsort(cps, (size_t)reps, sizeof(double), cmp_d);
    qsort(gf, (size_t)reps, sizeof(double), cmp_d);
    printf("{\"module\":\"native\",\"chars_per_sec\":%.0f,\"gflops\":%.2f,\"loss\":%.4f}\n", cps[reps / 2], gf[reps / 2], st.loss);
    free(a);
    free(text);
    rnn_charlm_free(m);
    return 0;
}
