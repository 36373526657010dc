// arch_tasks.h - the two smallest toy tasks of the architectures widget.
//
// One-to-one (a fixed-size classification, the lecture's "image
// classification"): a digit drawn on a seven-segment display, segments
// a..g (a top, b top right, c bottom right, d bottom, e bottom left,
// f top left, g middle), each 1 (lit) or 0, plus noise uniform in
// [-noise, noise]; the class is the digit.
//
// One-to-many (the lecture's "captioning": one input, a sequence out):
// a digit d -> counting on from it, d+1, d+2, ..., d+len (mod 10).
// There are only ten inputs, so "held out" for this task means fresh draws
// of the same ten cases: it tests that the sequence is produced, not
// generalisation to unseen inputs.
#ifndef RNN_ARCH_TASKS_H
#define RNN_ARCH_TASKS_H
#include "../rng.h"
#include "../status.h"

#define SEG7_SEGMENTS 7
#define COUNT_MAX_LEN 32

// x[7] for a random digit (returned); noise in [0, 1].
int seg7_generate(rnn_rng *r, float noise, float *x);
// The lit segments of digit d (0..9): x[7] in {0, 1}.
void seg7_pattern(int d, float *x);
// A random start digit (returned) and out[len] = the digits counting on from it.
int count_generate(rnn_rng *r, int len, int *out);
#endif
