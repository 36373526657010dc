// curriculum.c - level schedules for learning-to-execute training (see curriculum.h).
#include "curriculum.h"
#include <string.h>

static const char *const k_names[4] = {"baseline", "naive", "mix", "combined"};

rnn_status cur_init(cur_state *c, cur_strategy s, int target_length, int target_nesting) {
    if (!c) return rnn_fail(RNN_E_ARG, "cur_init: NULL state");
    if ((int)s < CUR_BASELINE || (int)s > CUR_COMBINED) return rnn_fail(RNN_E_ARG, "cur_init: unknown strategy %d", (int)s);
    if (target_length < 1 || target_length > CUR_MAX_LEVEL || target_nesting < 1 || target_nesting > CUR_MAX_LEVEL)
        return rnn_fail(RNN_E_ARG, "cur_init: target level (%d, %d) not in 1..%d", target_length, target_nesting,
                        CUR_MAX_LEVEL);
    memset(c, 0, sizeof *c);
    c->strategy = s;
    c->target_length = target_length;
    c->target_nesting = target_nesting;
    c->length = 1;
    c->nesting = 1;
    c->threshold = CUR_THRESHOLD;
    c->patience = CUR_PATIENCE;
    c->best_train_acc = -1.0f;
    return RNN_OK;
}

static void draw_mix(const cur_state *c, rnn_rng *rng, int *length, int *nesting) {
    *length = (int)rnn_rng_range(rng, 1, c->target_length);
    *nesting = (int)rnn_rng_range(rng, 1, c->target_nesting);
}

void cur_draw(const cur_state *c, rnn_rng *rng, int *length, int *nesting) {
    if (!c || !length || !nesting) return;
    if (!rng && (c->strategy == CUR_MIX || c->strategy == CUR_COMBINED)) { // no rng: behave as naive
        *length = c->length;
        *nesting = c->nesting;
        return;
    }
    switch (c->strategy) {
    case CUR_BASELINE:
        *length = c->target_length;
        *nesting = c->target_nesting;
        return;
    case CUR_MIX:
        draw_mix(c, rng, length, nesting);
        return;
    case CUR_COMBINED:
        if (rnn_rng_range(rng, 1, CUR_MIX_ONE_IN) == 1) {
            draw_mix(c, rng, length, nesting);
            return;
        }
        break;
    case CUR_NAIVE:
        break;
    }
    *length = c->length;
    *nesting = c->nesting;
}

int cur_at_target(const cur_state *c) { return c->length >= c->target_length && c->nesting >= c->target_nesting; }

// One step up: length first, then nesting with length back to 1.
static int advance(cur_state *c) {
    if (c->length < c->target_length) {
        c->length++;
        return 1;
    }
    if (c->nesting < c->target_nesting) {
        c->length = 1;
        c->nesting++;
        return 1;
    }
    return 0;
}

// Tracks the best training accuracy; 1 when it has not improved for `patience` evaluations.
static int plateaued(cur_state *c, float train_acc) {
    if (train_acc > c->best_train_acc) {
        c->best_train_acc = train_acc;
        c->since_best = 0;
        return 0;
    }
    c->since_best++;
    return c->since_best >= c->patience;
}

int cur_update(cur_state *c, float val_acc, float train_acc) {
    int flat = plateaued(c, train_acc);
    if (!(val_acc > c->threshold) && !flat) return 0;
    // a new level (or a stall at the target) starts a fresh plateau watch
    c->best_train_acc = -1.0f;
    c->since_best = 0;
    if (!advance(c)) {
        c->stalls_at_target++;
        return 0;
    }
    c->advances++;
    return 1;
}

const char *cur_name(cur_strategy s) { return (int)s >= 0 && (int)s < 4 ? k_names[s] : "?"; }

int cur_parse(const char *name) {
    if (!name) return -1;
    for (int i = 0; i < 4; i++)
        if (strcmp(name, k_names[i]) == 0) return i;
    return -1;
}
