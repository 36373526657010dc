// memory_task.h - the memory-gap task of the "memory beats a fixed window"
// widget: the answer is a symbol seen `gap` steps earlier.
//
// Symbols: cues 0..K-1, distractors K..K+M-1, the recall mark "?" = K+M
// (vocabulary V = K+M+1). A sequence of `gap` input tokens (gap >= 2):
//     cue, gap-2 distractors, ?        target: the cue
// e.g. K=4, M=4, gap=5: [2, 6, 4, 7, 8] -> 2. The cue and the distractors
// are uniform and independent. The target sits `gap` steps after its cue:
// an n-gram model of order n predicts from the n-1 tokens before the target,
// which hold the cue exactly when gap < n; otherwise it sees distractors and
// "?" and can do no better than chance (1/K). A recurrent network can carry
// the cue across any gap, as far as its training and gradients allow.
// As training text for the n-gram model the sequences are concatenated, each
// followed by its target (rnn_memory_generate's stream layout).
#ifndef RNN_MEMORY_TASK_H
#define RNN_MEMORY_TASK_H
#include "../rng.h"
#include "../status.h"

#define MEMORY_MAX_SYMBOLS 64   // K and M each
#define MEMORY_MAX_GAP 256

typedef struct {
    int cues, distractors, gap;
} memory_config;

rnn_status memory_check(const memory_config *c);
int memory_vocab(const memory_config *c);          // K + M + 1
// One sequence: tokens[gap] and its target cue.
void memory_generate(const memory_config *c, rnn_rng *r, int *tokens, int *target);
#endif
