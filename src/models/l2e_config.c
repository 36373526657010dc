// l2e_config.c - the learning-to-execute trainer's configuration: its
// defaults and the checks of its limits (see l2e_train.h). Apart from the
// training itself, so that the engine's description of its contract
// (api_describe.c) links without the encoder-decoder.
#include "l2e_train.h"
#include <string.h>

l2e_train_config l2e_train_defaults(void) {
    l2e_train_config c;
    memset(&c, 0, sizeof c);
    c.task = L2E_PROGRAM;
    c.length = 2;
    c.nesting = 1;
    c.strategy = CUR_COMBINED;
    c.hidden = 128;
    c.batch = 32;
    c.lr = 2e-3f;
    c.clip = 5.0f;
    c.seed = 1;
    c.reverse = 0;
    c.context = S2S_CONTEXT_EVERY;
    c.scramble = 0;
    c.eval_every = 50;
    c.eval_samples = 256;
    return c;
}

rnn_status l2e_train_check_config(const l2e_train_config *c) {
    if (!c) return rnn_fail(RNN_E_ARG, "l2e: NULL config");
    if ((unsigned)c->task > L2E_COPY) return rnn_fail(RNN_E_ARG, "l2e: unknown task %d", (int)c->task);
    const int maxlen = c->task == L2E_COPY ? L2E_MAX_COPY_LENGTH : L2E_MAX_LENGTH;
    if (c->length < 1 || c->length > maxlen)
        return rnn_fail(RNN_E_ARG, "l2e: %s length %d not in 1..%d", l2e_task_name(c->task), c->length, maxlen);
    if (c->task == L2E_PROGRAM && (c->nesting < 1 || c->nesting > L2E_MAX_NESTING))
        return rnn_fail(RNN_E_ARG, "l2e: nesting %d not in 1..%d", c->nesting, L2E_MAX_NESTING);
    if (c->task != L2E_PROGRAM && c->nesting != 1)
        return rnn_fail(RNN_E_ARG, "l2e: nesting applies to programs only (use 1 for %s)", l2e_task_name(c->task));
    if ((unsigned)c->strategy > CUR_COMBINED) return rnn_fail(RNN_E_ARG, "l2e: unknown strategy %d", (int)c->strategy);
    if (c->hidden < 1 || c->hidden > L2E_MAX_HIDDEN) return rnn_fail(RNN_E_ARG, "l2e: hidden size %d not in 1..%d", c->hidden, L2E_MAX_HIDDEN);
    if (c->batch < 1 || c->batch > L2E_MAX_BATCH) return rnn_fail(RNN_E_ARG, "l2e: batch %d not in 1..%d", c->batch, L2E_MAX_BATCH);
    if (!(c->lr > 0.0f && c->lr <= L2E_MAX_LR)) return rnn_fail(RNN_E_ARG, "l2e: learning rate must be in (0, %g]", (double)L2E_MAX_LR);
    if (!(c->clip >= 0.0f && c->clip <= L2E_MAX_CLIP)) return rnn_fail(RNN_E_ARG, "l2e: clip must be in [0, %g] (0: none)", (double)L2E_MAX_CLIP);
    if (c->reverse != 0 && c->reverse != 1) return rnn_fail(RNN_E_ARG, "l2e: reverse must be 0 or 1");
    if (c->scramble != 0 && c->scramble != 1) return rnn_fail(RNN_E_ARG, "l2e: scramble must be 0 or 1");
    if (c->context != S2S_CONTEXT_INIT && c->context != S2S_CONTEXT_EVERY)
        return rnn_fail(RNN_E_ARG, "l2e: unknown context mode %d", (int)c->context);
    if (c->eval_every < 1 || c->eval_every > L2E_MAX_EVAL) return rnn_fail(RNN_E_ARG, "l2e: eval_every %d not in 1..%d", c->eval_every, L2E_MAX_EVAL);
    if (c->eval_samples < 1 || c->eval_samples > L2E_MAX_EVAL)
        return rnn_fail(RNN_E_ARG, "l2e: eval_samples %d not in 1..%d", c->eval_samples, L2E_MAX_EVAL);
    return RNN_OK;
}
