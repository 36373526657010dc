// arch_tasks.c - seven-segment digits and counting on (arch_tasks.h).
#include "arch_tasks.h"

// Bit i (a = bit 0 .. g = bit 6) lit for each digit.
static const unsigned char SEGMENTS[10] = {
    0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F,
};

void seg7_pattern(int d, float *x) {
    for (int i = 0; i < SEG7_SEGMENTS; i++) x[i] = (float)((SEGMENTS[d % 10] >> i) & 1);
}

int seg7_generate(rnn_rng *r, float noise, float *x) {
    const int d = (int)rnn_rng_range(r, 0, 9);
    seg7_pattern(d, x);
    for (int i = 0; i < SEG7_SEGMENTS; i++) x[i] += noise * (2.0f * rnn_rng_float(r) - 1.0f);
    return d;
}

int count_generate(rnn_rng *r, int len, int *out) {
    const int d = (int)rnn_rng_range(r, 0, 9);
    for (int t = 0; t < len; t++) out[t] = (d + t + 1) % 10;
    return d;
}
