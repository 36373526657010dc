// l2e_train.c - curriculum training of the encoder-decoder on
// learning-to-execute samples, and its evaluation (see l2e_train.h).
#include "l2e_train.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

// stream tags mixed into the seed so the model, the training data, the
// curriculum's evaluations and the fixed sets use independent streams
#define SEED_DATA 0x6461746100000000ull
#define SEED_LEVEL 0x6c6576656c000000ull
#define SEED_SETS 0x7365747300000000ull

void l2e_max_lengths(l2e_task task, int length, int nesting, int *max_in, int *max_target) {
    const int P = length + 1; // the longest literal, 10^L, has L+1 digits
    if (task == L2E_ADDITION) {
        *max_in = 2 * length + 9;   // "print(" a "+" b ")@"
        *max_target = length + 2;   // a + b < 2 10^L: L+1 digits, then '.'
        return;
    }
    if (task == L2E_COPY) {
        *max_in = length + 1;
        *max_target = length + 1;
        return;
    }
    // Per operation the text grows by at most 13 + 3P (the if-expression:
    // "( if > else )" and three fresh literals) or 27 + P (a loop: "v=", the
    // "#for x in range(k):v+=" line with k <= 36, one fresh literal, "#", and
    // the expression "v"); the first operand is a literal; "print(" ")@" add 8.
    const int step = 13 + 3 * P > 27 + P ? 13 + 3 * P : 27 + P;
    const int n = 8 + P + nesting * step;
    *max_in = n < L2E_MAX_INPUT - 1 ? n : L2E_MAX_INPUT - 1;
    // |value| <= M_N with M_0 = 10^L, M_{i+1} = 10^L + 4L M_i (a loop's a + k b
    // is the fastest growth); digits of M_N, a '-' and the '.'
    double M = pow(10.0, length);
    for (int i = 0; i < nesting; i++) M = pow(10.0, length) + 4.0 * length * M;
    const int digits = (int)floor(log10(M)) + 1;
    *max_target = digits + 2 < L2E_MAX_TARGET - 1 ? digits + 2 : L2E_MAX_TARGET - 1;
}

void l2e_trainer_free(l2e_trainer *t) {
    if (!t) return;
    s2s_free(t->m);
    free(t->batch);
    free(t->in);
    free(t->sets);
    free(t);
}

static rnn_status draw(l2e_trainer *t, l2e_sample *s, int length, int nesting, l2e_split split, rnn_rng *rng) {
    rnn_status st = l2e_generate(s, t->cfg.task, length, nesting, split, rng);
    if (st) return st;
    if (t->cfg.scramble) l2e_scramble(s, &t->key);
    return RNN_OK;
}

rnn_status l2e_trainer_create(l2e_trainer **out, const l2e_train_config *cfg) {
    if (!out) return rnn_fail(RNN_E_ARG, "l2e: NULL output pointer");
    *out = NULL;
    rnn_status st = l2e_train_check_config(cfg);
    if (st) return st;
    l2e_trainer *t = calloc(1, sizeof *t);
    if (!t) return rnn_fail(RNN_E_NOMEM, "l2e: trainer");
    t->cfg = *cfg;
    const int B = cfg->batch, E = cfg->eval_samples;
    l2e_max_lengths(cfg->task, cfg->length, cfg->nesting, &t->max_in, &t->max_out);
    if (t->max_in < L2E_READ_MIN) t->max_in = L2E_READ_MIN; // room for typed programs; the cost follows the batch's own length
    s2s_config sc = s2s_defaults(L2E_VOCAB_SIZE);
    sc.hidden = cfg->hidden;
    sc.batch = B;
    sc.max_in = t->max_in;
    sc.max_out = t->max_out;
    sc.go = l2e_vocab_index('@');
    sc.end = l2e_vocab_index('.');
    sc.reverse = cfg->reverse;
    sc.context = cfg->context;
    sc.optim = optim_default(OPT_ADAM, cfg->lr);
    sc.clip = cfg->clip;
    sc.seed = cfg->seed;
    st = s2s_create(&t->m, &sc);
    if (st) { l2e_trainer_free(t); return st; }
    st = cur_init(&t->cur, cfg->strategy, cfg->length, cfg->task == L2E_PROGRAM ? cfg->nesting : 1);
    if (st) { l2e_trainer_free(t); return st; }
    t->batch = calloc((size_t)B, sizeof(l2e_sample));
    t->in = calloc((size_t)B * (t->max_in + 2 * t->max_out + 4), sizeof(int));
    t->sets = calloc((size_t)3 * E, sizeof(l2e_sample));
    if (!t->batch || !t->in || !t->sets) { l2e_trainer_free(t); return rnn_fail(RNN_E_NOMEM, "l2e: sample buffers"); }
    t->in_len = t->in + (long)B * t->max_in;
    t->tgt = t->in_len + B;
    t->tgt_len = t->tgt + (long)B * t->max_out;
    t->out = t->tgt_len + B;
    t->out_len = t->out + (long)B * t->max_out;
    rnn_rng key_rng;
    rnn_rng_seed(&key_rng, (uint64_t)cfg->seed ^ L2E_SCRAMBLE_TAG);
    l2e_substitution_draw(&t->key, &key_rng); // drawn always, used if cfg->scramble
    rnn_rng_seed(&t->data_rng, (uint64_t)cfg->seed ^ SEED_DATA);
    rnn_rng_seed(&t->level_rng, (uint64_t)cfg->seed ^ SEED_LEVEL);
    // the fixed sets depend on the seed and the task, not on the strategy
    rnn_rng sets;
    rnn_rng_seed(&sets, (uint64_t)cfg->seed ^ SEED_SETS);
    for (int split = 0; split < 3; split++)
        for (int i = 0; i < E; i++) {
            st = draw(t, &t->sets[split * E + i], cfg->length, cfg->nesting, (l2e_split)split, &sets);
            if (st) { l2e_trainer_free(t); return st; }
        }
    t->level_char = NAN;
    *out = t;
    return RNN_OK;
}

// Token ids of n samples into the batch arrays; then into the model.
static rnn_status load(l2e_trainer *t, const l2e_sample *s, int n, int with_targets) {
    const int mi = t->max_in, mo = t->max_out;
    for (int b = 0; b < n; b++) {
        if (s[b].input_len > mi || s[b].target_len > mo)
            return rnn_fail(RNN_E_DATA, "l2e: sample longer than the model's buffers (%d > %d or %d > %d)",
                            s[b].input_len, mi, s[b].target_len, mo);
        for (int i = 0; i < s[b].input_len; i++) t->in[(long)b * mi + i] = l2e_vocab_index(s[b].input[i]);
        for (int i = 0; i < s[b].target_len; i++) t->tgt[(long)b * mo + i] = l2e_vocab_index(s[b].target[i]);
        t->in_len[b] = s[b].input_len;
        t->tgt_len[b] = s[b].target_len;
    }
    return s2s_set_batch(t->m, n, t->in, t->in_len, mi, with_targets ? t->tgt : NULL, t->tgt_len, mo);
}

// Validation per-char accuracy at the current level, on fresh samples.
static rnn_status eval_level(l2e_trainer *t, double *acc) {
    long right = 0, count = 0;
    const int B = t->cfg.batch, E = t->cfg.eval_samples;
    for (int done = 0; done < E; done += B) {
        const int n = E - done < B ? E - done : B;
        for (int b = 0; b < n; b++) {
            rnn_status st = draw(t, &t->batch[b], t->cur.length, t->cur.nesting, L2E_SPLIT_VAL, &t->level_rng);
            if (st) return st;
        }
        rnn_status st = load(t, t->batch, n, 1);
        int c, k;
        if (!st) st = s2s_forward(t->m, NULL, &c, &k);
        if (st) return st;
        right += c;
        count += k;
    }
    *acc = count ? (double)right / count : 0.0;
    return RNN_OK;
}

void l2e_trainer_status(const l2e_trainer *t, l2e_train_stats *st) {
    memset(st, 0, sizeof *st);
    st->step = t->step;
    st->samples = t->samples;
    st->loss = NAN;
    st->train_char = NAN;
    st->finite = 1;
    st->length = t->cur.length;
    st->nesting = t->cur.nesting;
    st->advances = t->cur.advances;
    st->evals = t->evals;
    st->level_char = t->level_char;
}

rnn_status l2e_trainer_train(l2e_trainer *t, int steps, l2e_train_stats *st) {
    l2e_trainer_status(t, st);
    if (steps < 0 || steps > 1000000) return rnn_fail(RNN_E_ARG, "l2e: steps %d not in 0..1000000", steps);
    const int B = t->cfg.batch;
    double loss_sum = 0.0;
    long right = 0, count = 0;
    int done = 0;
    for (int i = 0; i < steps; i++) {
        for (int b = 0; b < B; b++) {
            int L, N;
            cur_draw(&t->cur, &t->data_rng, &L, &N);
            rnn_status s = draw(t, &t->batch[b], L, N, L2E_SPLIT_TRAIN, &t->data_rng);
            if (s) return s;
        }
        rnn_status s = load(t, t->batch, B, 1);
        s2s_step_stats ss;
        if (!s) s = s2s_train_step(t->m, &ss);
        if (s) return s;
        st->grad_norm = ss.grad_norm;
        if (!ss.finite) { st->finite = 0; break; }
        st->clipped += ss.clipped;
        loss_sum += ss.loss;
        right += ss.correct;
        count += ss.count;
        t->run_correct += ss.correct;
        t->run_count += ss.count;
        t->step++;
        t->samples += B;
        done++;
        if (t->step % t->cfg.eval_every == 0) {
            double level_acc;
            s = eval_level(t, &level_acc);
            if (s) return s;
            const double train_acc = t->run_count ? (double)t->run_correct / t->run_count : 0.0;
            t->run_correct = t->run_count = 0;
            t->level_char = level_acc;
            t->evals++;
            cur_update(&t->cur, (float)level_acc, (float)train_acc);
        }
    }
    st->step = t->step;
    st->samples = t->samples;
    st->loss = done ? loss_sum / done : NAN;
    st->train_char = count ? (double)right / count : NAN;
    st->length = t->cur.length;
    st->nesting = t->cur.nesting;
    st->advances = t->cur.advances;
    st->evals = t->evals;
    st->level_char = t->level_char;
    return RNN_OK;
}

static int decoded_equals(const l2e_trainer *t, int b, const l2e_sample *s) {
    if (t->out_len[b] != s->target_len) return 0;
    const char *v = l2e_vocab();
    for (int i = 0; i < s->target_len; i++)
        if (v[t->out[(long)b * t->max_out + i]] != s->target[i]) return 0;
    return 1;
}

rnn_status l2e_trainer_evaluate(l2e_trainer *t, l2e_split split, l2e_eval *ev) {
    memset(ev, 0, sizeof *ev);
    if (split < L2E_SPLIT_TRAIN || split > L2E_SPLIT_TEST) return rnn_fail(RNN_E_ARG, "l2e: split %d not in 0..2", (int)split);
    const int B = t->cfg.batch, E = t->cfg.eval_samples;
    const l2e_sample *set = t->sets + (long)split * E;
    long right = 0, count = 0, exact = 0;
    double nats = 0.0;
    for (int done = 0; done < E; done += B) {
        const int n = E - done < B ? E - done : B;
        rnn_status st = load(t, set + done, n, 1);
        double loss;
        int c, k;
        if (!st) st = s2s_forward(t->m, &loss, &c, &k);
        if (!st) st = s2s_decode(t->m, t->out, t->out_len, t->max_out);
        if (st) return st;
        right += c;
        count += k;
        nats += loss * k;
        for (int b = 0; b < n; b++) exact += decoded_equals(t, b, set + done + b);
    }
    ev->char_acc = count ? (double)right / count : 0.0;
    ev->loss = count ? nats / count : NAN;
    ev->exact = (double)exact / E;
    ev->chars = count;
    ev->samples = E;
    return RNN_OK;
}

// Greedy decode of input already in the model's own symbols.
rnn_status l2e_trainer_predict_raw(l2e_trainer *t, const char *input, int len, char *out, int cap) {
    if (!input || !out || cap < 1) return rnn_fail(RNN_E_ARG, "l2e: NULL input or output");
    out[0] = '\0';
    if (len < 1 || len > t->max_in) return rnn_fail(RNN_E_ARG, "l2e: input of %d characters not in 1..%d", len, t->max_in);
    if (cap < t->max_out + 1) return rnn_fail(RNN_E_ARG, "l2e: output buffer needs %d bytes", t->max_out + 1);
    for (int i = 0; i < len; i++) {
        const int k = l2e_vocab_index(input[i]);
        if (k < 0) return rnn_fail(RNN_E_ARG, "l2e: character '%c' (code %d) at %d is not in the vocabulary", input[i] >= 32 && input[i] < 127 ? input[i] : '?', (unsigned char)input[i], i);
        t->in[i] = k;
    }
    t->in_len[0] = len;
    rnn_status st = s2s_set_batch(t->m, 1, t->in, t->in_len, t->max_in, NULL, NULL, 0);
    if (!st) st = s2s_decode(t->m, t->out, t->out_len, t->max_out);
    if (st) return st;
    const char *v = l2e_vocab();
    for (int i = 0; i < t->out_len[0]; i++) out[i] = v[t->out[i]];
    out[t->out_len[0]] = '\0';
    return RNN_OK;
}

rnn_status l2e_trainer_predict(l2e_trainer *t, const char *input, int len, char *out, int cap) {
    if (!t->cfg.scramble || !input || len < 1 || len > t->max_in) return l2e_trainer_predict_raw(t, input, len, out, cap);
    char seen[L2E_MAX_INPUT];
    memcpy(seen, input, (size_t)len);
    l2e_substitute(seen, len, &t->key, 0);
    rnn_status st = l2e_trainer_predict_raw(t, seen, len, out, cap);
    if (!st) l2e_substitute(out, (int)strlen(out), &t->key, 1);
    return st;
}

const l2e_sample *l2e_trainer_example(const l2e_trainer *t, l2e_split split, int i) {
    if (split < L2E_SPLIT_TRAIN || split > L2E_SPLIT_TEST || i < 0 || i >= t->cfg.eval_samples) return NULL;
    return t->sets + (long)split * t->cfg.eval_samples + i;
}
