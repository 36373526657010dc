// echo.h - the BPTT widget's toy task, with a loss at every step: a stream of
// random symbols 0..K-1, and at every step t the target is the symbol seen
// `delay` steps earlier (the blank class K while t < delay). The network must
// carry each symbol `delay` steps, so the gradient has to flow back that far.
//   tokens [count, T] in [0, K); cls [count, T] in [0, K] (K = blank)
#ifndef RNN_ECHO_H
#define RNN_ECHO_H
#include <stdint.h>
#include "../status.h"

#define ECHO_MAX_SYMBOLS 64
#define ECHO_MAX_CELLS (1L << 22)   // count * T

rnn_status echo_generate(int K, int delay, int T, int count, uint32_t seed, int *tokens, int *cls);
#endif
