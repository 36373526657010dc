// memory_task.c - cue, distractors, recall mark (see memory_task.h).
#include "memory_task.h"

rnn_status memory_check(const memory_config *c) {
    if (c->cues < 2 || c->cues > MEMORY_MAX_SYMBOLS) return rnn_fail(RNN_E_ARG, "memory cues %d not in 2..%d", c->cues, MEMORY_MAX_SYMBOLS);
    if (c->distractors < 1 || c->distractors > MEMORY_MAX_SYMBOLS)
        return rnn_fail(RNN_E_ARG, "memory distractors %d not in 1..%d", c->distractors, MEMORY_MAX_SYMBOLS);
    if (c->gap < 2 || c->gap > MEMORY_MAX_GAP) return rnn_fail(RNN_E_ARG, "memory gap %d not in 2..%d", c->gap, MEMORY_MAX_GAP);
    return RNN_OK;
}

int memory_vocab(const memory_config *c) { return c->cues + c->distractors + 1; }

void memory_generate(const memory_config *c, rnn_rng *r, int *tokens, int *target) {
    const int cue = (int)rnn_rng_range(r, 0, c->cues - 1);
    tokens[0] = cue;
    for (int t = 1; t < c->gap - 1; t++) tokens[t] = c->cues + (int)rnn_rng_range(r, 0, c->distractors - 1);
    tokens[c->gap - 1] = c->cues + c->distractors; // "?"
    *target = cue;
}
