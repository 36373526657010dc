// pairs.c - random input pairs and their label (see pairs.h).
#include "pairs.h"
#include <math.h>

rnn_status pairs_check(const pairs_config *c) {
    if (c->steps < 1 || c->steps > PAIRS_MAX_STEPS) return rnn_fail(RNN_E_ARG, "pairs steps %d not in 1..%d", c->steps, PAIRS_MAX_STEPS);
    if (c->levels < 1 || c->levels > PAIRS_MAX_LEVELS)
        return rnn_fail(RNN_E_ARG, "pairs levels %d not in 1..%d", c->levels, PAIRS_MAX_LEVELS);
    if (!isfinite(c->lo) || !isfinite(c->hi) || fabsf(c->lo) > PAIRS_MAX_ABS || fabsf(c->hi) > PAIRS_MAX_ABS)
        return rnn_fail(RNN_E_ARG, "pairs values must be finite and within +-%g", (double)PAIRS_MAX_ABS);
    if (c->lo > c->hi) return rnn_fail(RNN_E_ARG, "pairs lo %g is above hi %g", (double)c->lo, (double)c->hi);
    return RNN_OK;
}

// The k-th of the evenly spaced values from lo to hi.
static float level(const pairs_config *c, int k) {
    if (c->levels == 1) return c->lo;
    return (float)(c->lo + (double)k * ((double)c->hi - c->lo) / (c->levels - 1));
}

void pairs_generate(const pairs_config *c, rnn_rng *r, float *a, float *b, int *label) {
    double sa = 0.0, sb = 0.0;
    for (int t = 0; t < c->steps; t++) {
        a[t] = level(c, (int)rnn_rng_range(r, 0, c->levels - 1));
        b[t] = level(c, (int)rnn_rng_range(r, 0, c->levels - 1));
        sa += a[t];
        sb += b[t];
    }
    *label = sa > sb; // a tie is "not larger"
}
