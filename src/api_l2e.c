// api_l2e.c - the exported C ABI of learning to execute: the
// curriculum-trained encoder-decoder (models/l2e_train.h, models/seq2seq.h;
// the sample generator's exports are api_l2e_data.c). Plain ints, floats,
// doubles and pointers into the module's memory; failures return a non-zero
// status (or NULL) and rnn_error() gives the reason. Config and output arrays are laid
// out by api_contract.h; js/engine.js declares each export once (its EXPORTS
// table, block "api_l2e").
#include "api.h"
#include "api_contract.h"
#include "models/l2e_train.h"
#include "data/l2e_eval.h"
#include <stdlib.h>
#include <string.h>

// icfg / fcfg: the slots L2E_I_* / L2E_F_* of api_contract.h (context 0
// init, 1 every); nesting is taken as 1 for addition and copy.
static l2e_train_config config_from(const int *icfg, const float *fcfg) {
    l2e_train_config c = l2e_train_defaults();
    c.task = (l2e_task)icfg[L2E_I_TASK]; c.length = icfg[L2E_I_LENGTH]; c.nesting = icfg[L2E_I_NESTING];
    c.strategy = (cur_strategy)icfg[L2E_I_STRATEGY]; c.hidden = icfg[L2E_I_HIDDEN]; c.batch = icfg[L2E_I_BATCH];
    c.seed = (uint32_t)icfg[L2E_I_SEED]; c.reverse = icfg[L2E_I_REVERSE]; c.context = (s2s_context)icfg[L2E_I_CONTEXT];
    c.scramble = icfg[L2E_I_SCRAMBLE]; c.eval_every = icfg[L2E_I_EVAL_EVERY]; c.eval_samples = icfg[L2E_I_EVAL_SAMPLES];
    c.lr = fcfg[L2E_F_LR]; c.clip = fcfg[L2E_F_CLIP];
    if (c.task != L2E_PROGRAM) c.nesting = 1;
    return c;
}

// Checks a configuration without building a trainer (0, or a status with a reason).
API int rnn_l2e_check_config(const int *icfg, const float *fcfg) {
    const l2e_train_config c = config_from(icfg, fcfg);
    return l2e_train_check_config(&c);
}

API l2e_trainer *rnn_l2e_create(const int *icfg, const float *fcfg) {
    const l2e_train_config c = config_from(icfg, fcfg);
    l2e_trainer *t = NULL;
    l2e_trainer_create(&t, &c);
    return t;
}

static void stats_out(const l2e_train_stats *s, double *out) {
    const double v[] = {(double)s->step, (double)s->samples, s->loss, s->train_char, s->grad_norm, s->clipped,
                        s->finite, s->length, s->nesting, s->advances, s->evals, s->level_char};
    _Static_assert(sizeof v / sizeof v[0] == RNN_NAMES_COUNT(RNN_L2E_STATS_FIELDS), "RNN_L2E_STATS_FIELDS");
    memcpy(out, v, sizeof v);
}

// out: RNN_L2E_STATS_FIELDS: step, samples, loss, train per-char accuracy,
// grad norm, clipped steps, finite, level length, level nesting, advances,
// evaluations, last validation per-char accuracy at the current level
API int rnn_l2e_train(l2e_trainer *t, int steps, double *out) {
    l2e_train_stats s;
    const rnn_status st = l2e_trainer_train(t, steps, &s);
    stats_out(&s, out);
    return st;
}

// The same numbers without training (loss and train accuracy NaN).
API void rnn_l2e_status(const l2e_trainer *t, double *out) {
    l2e_train_stats s;
    l2e_trainer_status(t, &s);
    stats_out(&s, out);
}

// out: RNN_L2E_EVAL_FIELDS: per-char accuracy (teacher forced), exact match
// (greedy), loss, characters scored, samples; on the fixed set of split 0
// train, 1 val, 2 test.
API int rnn_l2e_evaluate(l2e_trainer *t, int split, double *out) {
    l2e_eval e;
    const rnn_status st = l2e_trainer_evaluate(t, (l2e_split)split, &e);
    const double v[] = {e.char_acc, e.exact, e.loss, (double)e.chars, (double)e.samples};
    _Static_assert(sizeof v / sizeof v[0] == RNN_NAMES_COUNT(RNN_L2E_EVAL_FIELDS), "RNN_L2E_EVAL_FIELDS");
    memcpy(out, v, sizeof v);
    return st;
}

// Greedy prediction for one input; NUL-terminated into out[cap] (cap >=
// L2E_MAX_TARGET always suffices; rnn_describe() reports it).
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
        if (l2e_trainer_predict_raw(t, s->input, s->input_len, pred, sizeof pred)) { free(out); return NULL; }
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

// out: RNN_L2E_INFO_FIELDS: longest input, longest target, parameter count,
// hidden, batch, vocabulary size, decoder input size, optimiser steps
API void rnn_l2e_info(const l2e_trainer *t, double *out) {
    const s2s_model *m = t->m;
    const double v[] = {t->max_in, t->max_out, (double)m->nparams, m->H, m->Bmax, m->V, m->I, (double)m->step};
    _Static_assert(sizeof v / sizeof v[0] == RNN_NAMES_COUNT(RNN_L2E_INFO_FIELDS), "RNN_L2E_INFO_FIELDS");
    memcpy(out, v, sizeof v);
}

API void rnn_l2e_free(l2e_trainer *t) { l2e_trainer_free(t); }

// A program typed one statement per line -> the serialised form the network
// reads (data/l2e_eval.h); its length, or -status (rnn_error() the reason).
API int rnn_l2e_serialize(const char *text, char *out, int cap) {
    const int n = l2e_serialize(text, out, cap);
    return n < 0 ? -(int)RNN_E_ARG : n;
}

// What a serialised program prints, plus '.' (the target), into out[cap];
// 0, or a status with the reason (not in the language, undefined variable...).
API int rnn_l2e_execute(const char *input, char *out, int cap) { return l2e_execute(input, out, cap); }

// The encoder-decoder's parameter block (eU eW eb dU dW db Wy by, see
// seq2seq.h): a pointer to the floats and their count in *n.
API float *rnn_s2s_params(l2e_trainer *t, int *n) { *n = (int)t->m->nparams; return t->m->params; }

// Element counts of the tensors RNN_S2S_TENSORS, in block order, into sizes[].
API void rnn_s2s_tensor_sizes(l2e_trainer *t, int *sizes) {
    _Static_assert(RNN_NAMES_COUNT(RNN_S2S_TENSORS) == S2S_NTENSORS, "RNN_S2S_TENSORS");
    long n[S2S_NTENSORS];
    s2s_tensor_list(t->m, 0, NULL, NULL, n);
    for (int i = 0; i < S2S_NTENSORS; i++) sizes[i] = (int)n[i];
}
