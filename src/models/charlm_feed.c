// charlm_feed.c - teacher forcing vs free running (see charlm_feed.h).
#include "charlm_feed.h"
#include "../nn/linear.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

// One step of the lecture's cell from state h: h = g(U x + W h + b), then
// p = softmax(V h + c / T) (the code's Wy, by are the lecture's V, c).
static void cell(const rnn_charlm *m, float *h, float *a, float *logits, float *p, int x, float inv_temp) {
    const int H = m->H, V = m->V;
    memcpy(a, m->p.b, sizeof(float) * (size_t)H);   // a = b
    k_add_rows(a, m->p.U, &x, 1, H);                // a += U x (one-hot: a row of U)
    k_matmul(a, h, m->p.W, 1, H, H, 1);             // a += W h
    k_act_forward(m->cfg.act, h, a, H);             // h = g(a)
    linear_forward(logits, h, m->p.Wy, m->p.by, 1, H, V);
    k_softmax_rows(p, logits, 1, V, inv_temp);
}

static int argmax(const float *p, int V) {
    int best = 0;
    for (int v = 1; v < V; v++) if (p[v] > p[best]) best = v;
    return best;
}

static int draw(const float *p, int V, rnn_rng *r) {
    const float u = rnn_rng_float(r);
    float c = 0.0f;
    for (int v = 0; v < V; v++) { c += p[v]; if (u < c) return v; }
    return V - 1; // rounding: the cumulative sum may end just below 1
}

// -log p, with p floored so that a zero probability gives a large finite loss
static float nll(float p) { return -logf(p > 1e-30f ? p : 1e-30f); }

rnn_status rnn_charlm_feed(const rnn_charlm *m, const int *tok, long n, const rnn_feed_opts *o, float *loss_tf,
                           float *loss_fr, int *gen, float *own, rnn_feed_summary *sum) {
    sum->mean_tf = sum->mean_fr = sum->mean_own = NAN;
    sum->drift = -1;
    if (n < 2) return rnn_fail(RNN_E_ARG, "teacher forcing needs a text of at least 2 characters, got %ld", n);
    if (o->let_go < 1 || o->let_go > n - 1)
        return rnn_fail(RNN_E_ARG, "let-go step %d not in [1, %ld]", o->let_go, n - 1);
    if (!o->greedy && !(o->temperature > 0 && o->temperature <= RNN_MAX_TEMPERATURE))
        return rnn_fail(RNN_E_ARG, "temperature %g not in (0, %g]", o->temperature, RNN_MAX_TEMPERATURE);
    for (long i = 0; i < n; i++)
        if (tok[i] < 0 || tok[i] >= m->V) return rnn_fail(RNN_E_ARG, "token %d at %ld not in [0, %d)", tok[i], i, m->V);
    const int H = m->H, V = m->V;
    float *buf = calloc((size_t)(4 * H + 4 * V), sizeof(float));
    if (!buf) return rnn_fail(RNN_E_NOMEM, "teacher-forcing buffers");
    float *h_tf = buf, *h_fr = h_tf + H, *a = h_fr + H, *logits = a + H + H, *p = logits + V, *q = p + V;
    rnn_rng rng;
    rnn_rng_seed(&rng, o->seed);
    const float inv_temp = o->greedy ? 1.0f : 1.0f / o->temperature;
    double s_tf = 0, s_fr = 0, s_own = 0;
    for (long i = 0; i < n - 1; i++) {
        const int x_fr = i < o->let_go ? tok[i] : gen[i - 1];   // its own previous sample after let_go
        if (x_fr != tok[i] && sum->drift < 0) sum->drift = i;
        cell(m, h_tf, a, logits, p, tok[i], 1.0f);             // teacher forcing: the true previous character
        loss_tf[i] = nll(p[tok[i + 1]]);
        cell(m, h_fr, a, logits, p, x_fr, 1.0f);               // free running: scored on the true next character
        loss_fr[i] = nll(p[tok[i + 1]]);
        if (o->greedy) gen[i] = argmax(p, V);
        else { k_softmax_rows(q, logits, 1, V, inv_temp); gen[i] = draw(q, V, &rng); }
        own[i] = nll(p[gen[i]]);                                // its own output, at temperature 1
        if (i >= o->let_go) { s_tf += loss_tf[i]; s_fr += loss_fr[i]; s_own += own[i]; }
    }
    const long scored = n - 1 - o->let_go;
    if (scored > 0) { sum->mean_tf = s_tf / (double)scored; sum->mean_fr = s_fr / (double)scored; sum->mean_own = s_own / (double)scored; }
    free(buf);
    return RNN_OK;
}
