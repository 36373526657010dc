// pairs.h - random input pairs of the comparison widget ("determina se o
// valor total do primeiro input é maior que do segundo").
//
// A pair is two sequences of T values, a[T] and b[T]. Every value is drawn
// uniformly and independently from `levels` evenly spaced values from lo to
// hi (lo, lo + q, ..., hi with q = (hi - lo) / (levels - 1); levels = 1 gives
// lo only). The label is 1 when sum(a) > sum(b), else 0: a tie is "the first
// is NOT larger" (label 0). With the defaults (0, 0.5, 1, 1.5, 2) every value
// and every partial sum is exact in float, so a network that accumulates
// a - b sees exactly 0 on a tie.
#ifndef RNN_PAIRS_H
#define RNN_PAIRS_H
#include "../rng.h"
#include "../status.h"

#define PAIRS_MAX_STEPS 64
#define PAIRS_MAX_LEVELS 1001
#define PAIRS_MAX_ABS 1000.0f

typedef struct {
    int steps;        // T, 1..PAIRS_MAX_STEPS
    int levels;       // 1..PAIRS_MAX_LEVELS
    float lo, hi;     // lo <= hi, both within +-PAIRS_MAX_ABS
} pairs_config;

rnn_status pairs_check(const pairs_config *c);
// One pair: a[T], b[T] and its label (1: sum(a) > sum(b), 0 otherwise).
void pairs_generate(const pairs_config *c, rnn_rng *r, float *a, float *b, int *label);
#endif
