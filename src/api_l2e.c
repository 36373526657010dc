// api_l2e.c - the exported C ABI of learning to execute: the sample
// generator (data/l2e.h) and the curriculum-trained encoder-decoder
// (models/l2e_train.h, models/seq2seq.h). Plain ints, floats, doubles and
// pointers into the module's memory; failures return a non-zero status (or
// NULL) and rnn_error() gives the reason. js/engine.js declares each of
// these once (its learning-to-execute export table).
#include "api.h"
#include "models/l2e_train.h"
#include <stdlib.h>
#include <string.h>

API const char *rnn_l2e_vocab(void) { return l2e_vocab(); }

// count samples of `task` at (length, nesting) in `split` (-1: any) from one
// stream seeded with `seed`; scramble = 1 shuffles each input's characters.
// Returns a malloc'd buffer (free with rnn_dealloc) of count lines
// "input\ttarget\n" (the 42 symbols include neither tab nor newline), *len bytes.
API char *rnn_l2e_generate(int task, int length, int nesting, int split, int seed, int count, int scramble, int *len) {
    if (count < 0 || count > 1000000) { rnn_fail(RNN_E_ARG, "count %d not in 0..1000000", count); return NULL; }
    if ((unsigned)task > L2E_COPY) { rnn_fail(RNN_E_ARG, "unknown task %d", task); return NULL; }
    if (task != L2E_PROGRAM) nesting = 1;
    const size_t cap = (size_t)count * (L2E_MAX_INPUT + L2E_MAX_TARGET + 2) + 1;
    char *out = malloc(cap);
    if (!out) { rnn_fail(RNN_E_NOMEM, "%d samples", count); return NULL; }
    rnn_rng r;
    rnn_rng_seed(&r, (uint64_t)(uint32_t)seed);
    size_t n = 0;
    for (int i = 0; i < count; i++) {
        l2e_sample s;
        if (l2e_generate(&s, (l2e_task)task, length, nesting, (l2e_split)split, &r)) { free(out); return NULL; }
        if (scramble) l2e_scramble(&s, &r);
        memcpy(out + n, s.input, (size_t)s.input_len); n += (size_t)s.input_len;
        out[n++] = '\t';
        memcpy(out + n, s.target, (size_t)s.target_len); n += (size_t)s.target_len;
        out[n++] = '\n';
    }
    out[n] = '\0';
    *len = (int)n;
    return out;
}

// The paper's one-statement-per-line form of an input (see l2e_pretty).
API int rnn_l2e_pretty(const char *input, char *out, int cap) {
    const int n = l2e_pretty(input, out, cap);
    return n < 0 ? -(int)rnn_fail(RNN_E_ARG, "pretty: output buffer of %d bytes too small", cap) : n;
}

// icfg: task, length, nesting, strategy, hidden, batch, seed, reverse,
//       context (0 init, 1 every), scramble, eval_every, eval_samples
// fcfg: learning rate, clip
API l2e_trainer *rnn_l2e_create(const int *icfg, const float *fcfg) {
    l2e_train_config c = l2e_train_defaults();
    c.task = (l2e_task)icfg[0]; c.length = icfg[1]; c.nesting = icfg[2]; c.strategy = (cur_strategy)icfg[3];
    c.hidden = icfg[4]; c.batch = icfg[5]; c.seed = (uint32_t)icfg[6]; c.reverse = icfg[7];
    c.context = (s2s_context)icfg[8]; c.scramble = icfg[9]; c.eval_every = icfg[10]; c.eval_samples = icfg[11];
    c.lr = fcfg[0]; c.clip = fcfg[1];
    if (c.task != L2E_PROGRAM) c.nesting = 1;
    l2e_trainer *t = NULL;
    l2e_trainer_create(&t, &c);
    return t;
}

static void stats_out(const l2e_train_stats *s, double *out) {
    const double v[12] = {(double)s->step, (double)s->samples, s->loss, s->train_char, s->grad_norm, s->clipped,
                          s->finite, s->length, s->nesting, s->advances, s->evals, s->level_char};
    memcpy(out, v, sizeof v);
}

// out[12]: step, samples, loss, train per-char accuracy, grad norm, clipped
// steps, finite, level length, level nesting, advances, evaluations, last
// validation per-char accuracy at the current level
API int rnn_l2e_train(l2e_trainer *t, int steps, double *out) {
    l2e_train_stats s;
    const rnn_status st = l2e_trainer_train(t, steps, &s);
    stats_out(&s, out);
    return st;
}

// The same twelve numbers without training (loss and train accuracy NaN).
API void rnn_l2e_status(const l2e_trainer *t, double *out) {
    l2e_train_stats s;
    l2e_trainer_status(t, &s);
    stats_out(&s, out);
}

// out[5]: per-char accuracy (teacher forced), exact match (greedy), loss,
// characters scored, samples; on the fixed set of split 0 train, 1 val, 2 test.
API int rnn_l2e_evaluate(l2e_trainer *t, int split, double *out) {
    l2e_eval e;
    const rnn_status st = l2e_trainer_evaluate(t, (l2e_split)split, &e);
    out[0] = e.char_acc; out[1] = e.exact; out[2] = e.loss; out[3] = (double)e.chars; out[4] = (double)e.samples;
    return st;
}

// Greedy prediction for one input; NUL-terminated into out[cap] (cap >= 32 always suffices).
API int rnn_l2e_predict(l2e_trainer *t, const char *input, int len, char *out, int cap) {
    return l2e_trainer_predict(t, input, len, out, cap);
}

// The first `count` samples of a fixed set with the model's greedy
// predictions, as malloc'd lines "input\ttarget\tprediction\n" (free with
// rnn_dealloc); *len bytes.
API char *rnn_l2e_examples(l2e_trainer *t, int split, int count, int *len) {
    if (count < 0 || count > t->cfg.eval_samples) {
        rnn_fail(RNN_E_ARG, "count %d not in 0..%d", count, t->cfg.eval_samples);
        return NULL;
    }
    if (split < 0 || split > 2) { rnn_fail(RNN_E_ARG, "split %d not in 0..2", split); return NULL; }
    char *out = malloc((size_t)count * (L2E_MAX_INPUT + 2 * L2E_MAX_TARGET + 3) + 1);
    if (!out) { rnn_fail(RNN_E_NOMEM, "examples"); return NULL; }
    size_t n = 0;
    char pred[L2E_MAX_TARGET];
    for (int i = 0; i < count; i++) {
        const l2e_sample *s = l2e_trainer_example(t, (l2e_split)split, i);
        if (l2e_trainer_predict(t, s->input, s->input_len, pred, sizeof pred)) { free(out); return NULL; }
        const size_t k = strlen(pred);
        memcpy(out + n, s->input, (size_t)s->input_len); n += (size_t)s->input_len;
        out[n++] = '\t';
        memcpy(out + n, s->target, (size_t)s->target_len); n += (size_t)s->target_len;
        out[n++] = '\t';
        memcpy(out + n, pred, k); n += k;
        out[n++] = '\n';
    }
    out[n] = '\0';
    *len = (int)n;
    return out;
}

// out[8]: longest input, longest target, parameter count, hidden, batch,
// vocabulary size, decoder input size, optimiser steps
API void rnn_l2e_info(const l2e_trainer *t, double *out) {
    const s2s_model *m = t->m;
    const double v[8] = {t->max_in, t->max_out, (double)m->nparams, m->H, m->Bmax, m->V, m->I, (double)m->step};
    memcpy(out, v, sizeof v);
}

API void rnn_l2e_free(l2e_trainer *t) { l2e_trainer_free(t); }

// The encoder-decoder's parameter block (eU eW eb dU dW db Wy by, see
// seq2seq.h): a pointer to the floats and their count in *n.
API float *rnn_s2s_params(l2e_trainer *t, int *n) { *n = (int)t->m->nparams; return t->m->params; }

// Element counts of the 8 tensors, in block order, into sizes[8].
API void rnn_s2s_tensor_sizes(l2e_trainer *t, int *sizes) {
    long n[S2S_NTENSORS];
    s2s_tensor_list(t->m, 0, NULL, NULL, n);
    for (int i = 0; i < S2S_NTENSORS; i++) sizes[i] = (int)n[i];
}
