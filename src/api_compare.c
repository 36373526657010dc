// api_compare.c - the exported C ABI of the comparison widget (compare-rnn):
// its random input pairs (data/pairs.h). The caller allocates the outputs;
// a failure returns a non-zero status and rnn_error() gives the reason.
// js/engine.js declares it once (EXPORTS.api_compare).
#include "api.h"
#include "data/pairs.h"

// count pairs of T = steps values drawn from `levels` values from lo to hi:
// a[count*T], b[count*T] (pair-major) and labels[count] (1: sum(a) > sum(b)).
API int rnn_pairs_generate(int seed, int count, int steps, int levels, float lo, float hi, float *a, float *b, int *labels) {
    const pairs_config c = {steps, levels, lo, hi};
    const rnn_status st = pairs_check(&c);
    if (st) return st;
    if (count < 0 || count > 100000) return rnn_fail(RNN_E_ARG, "pairs count %d not in 0..100000", count);
    rnn_rng r;
    rnn_rng_seed(&r, (uint64_t)(uint32_t)seed);
    for (int i = 0; i < count; i++) pairs_generate(&c, &r, a + (long)i * steps, b + (long)i * steps, labels + i);
    return RNN_OK;
}
