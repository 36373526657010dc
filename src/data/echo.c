// echo.c - the delayed-echo task (see echo.h).
#include "echo.h"
#include "../rng.h"

rnn_status echo_generate(int K, int delay, int T, int count, uint32_t seed, int *tokens, int *cls) {
    if (K < 2 || K > ECHO_MAX_SYMBOLS) return rnn_fail(RNN_E_ARG, "echo: %d symbols not in [2, %d]", K, ECHO_MAX_SYMBOLS);
    if (T < 1 || count < 1 || (long)T * count > ECHO_MAX_CELLS)
        return rnn_fail(RNN_E_ARG, "echo: %d sequences of %d steps not in [1, %ld] steps in all", count, T, ECHO_MAX_CELLS);
    if (delay < 0 || delay >= T) return rnn_fail(RNN_E_ARG, "echo: delay %d not in [0, %d)", delay, T);
    rnn_rng r;
    rnn_rng_seed(&r, seed);
    for (long s = 0; s < count; s++) {
        int *x = tokens + s * T, *y = cls + s * T;
        for (int t = 0; t < T; t++) x[t] = (int)rnn_rng_range(&r, 0, K - 1);
        for (int t = 0; t < T; t++) y[t] = t < delay ? K : x[t - delay];
    }
    return RNN_OK;
}
