// neurons.c - hidden states, top-k next characters, text features and the
// correlation ranking of hidden units (see neurons.h).
#include "neurons.h"
#include "../nn/linear.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

// The k largest of p[0..V) (indices and values, largest first; ties: lower index).
static void top_k(const float *p, int V, int k, int *idx, float *val) {
    for (int j = 0; j < k; j++) { idx[j] = -1; val[j] = -1.0f; }
    for (int v = 0; v < V; v++) {
        if (p[v] <= val[k - 1]) continue;
        int j = k - 1;
        while (j > 0 && p[v] > val[j - 1]) { idx[j] = idx[j - 1]; val[j] = val[j - 1]; j--; }
        idx[j] = v; val[j] = p[v];
    }
}

rnn_status neurons_trace(const rnn_charlm *m, const uint32_t *cp, long n, int k, float *hs, int *top_idx, float *top_p) {
    const int V = m->V, H = m->H;
    if (n < 1 || n > NEURONS_MAX_TEXT) return rnn_fail(RNN_E_ARG, "text of %ld characters: give 1 to %d", n, NEURONS_MAX_TEXT);
    if (k < 1 || k > NEURONS_MAX_TOPK || k > V) return rnn_fail(RNN_E_ARG, "top-k of %d not in [1, %d]", k, V < NEURONS_MAX_TOPK ? V : NEURONS_MAX_TOPK);
    float *buf = calloc((size_t)(2 * H + 2 * V), sizeof(float));
    if (!buf) return rnn_fail(RNN_E_NOMEM, "trace buffers");
    float *h = buf, *a = h + H, *logits = a + H, *p = logits + V;
    for (long t = 0; t < n; t++) {
        const int x = vocab_index(&m->vocab, cp[t]);
        if (x < 0) { free(buf); return rnn_fail(RNN_E_DATA, "character %ld (U+%04X) is not in the model's vocabulary", t + 1, (unsigned)cp[t]); }
        memcpy(a, m->p.b, sizeof(float) * (size_t)H);             // a = b
        k_add_rows(a, m->p.U, &x, 1, H);                          // a += U x (x one-hot)
        k_matmul(a, h, m->p.W, 1, H, H, 1);                       // a += W h_{t-1}
        k_act_forward(m->cfg.act, h, a, H);                       // h_t = g(a)
        memcpy(hs + t * H, h, sizeof(float) * (size_t)H);
        linear_forward(logits, h, m->p.Wy, m->p.by, 1, H, V);     // z_t = V h_t + c
        k_softmax_rows(p, logits, 1, V, 1.0f);                    // y_t = softmax(z_t)
        top_k(p, V, k, top_idx + t * k, top_p + t * k);
    }
    free(buf);
    return RNN_OK;
}

static int is_vowel(uint32_t c) {
    static const uint32_t V[] = {'a', 'e', 'i', 'o', 'u', 0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE8, 0xE9, 0xEA, 0xEB,
                                 0xEC, 0xED, 0xEE, 0xEF, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF9, 0xFA, 0xFB, 0xFC};
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    else if (c >= 0xC0 && c <= 0xDD && c != 0xD7) c += 0x20;   // Latin-1 capitals
    for (size_t i = 0; i < sizeof V / sizeof V[0]; i++) if (V[i] == c) return 1;
    return 0;
}

rnn_status neurons_feature(int kind, const uint32_t *cp, long n, float *f) {
    if ((unsigned)kind >= NEURON_F_COUNT) return rnn_fail(RNN_E_ARG, "unknown feature %d", kind);
    int quote = 0, depth = 0;
    long col = 0;
    for (long t = 0; t < n; t++) {
        const uint32_t c = cp[t];
        switch ((neurons_feature_kind)kind) {
        case NEURON_F_QUOTE:   // the opening quote is inside, the closing one outside
            if (c == 0x201C) quote = 1;
            else if (c == 0x201D) quote = 0;
            else if (c == '"') quote = !quote;
            f[t] = (float)quote;
            break;
        case NEURON_F_PAREN:
            if (c == '(') depth++;
            else if (c == ')' && depth > 0) depth--;
            f[t] = depth > 0 ? 1.0f : 0.0f;
            break;
        case NEURON_F_COLUMN:
            col = c == '\n' ? 0 : col + 1;
            f[t] = (float)col;
            break;
        case NEURON_F_VOWEL: f[t] = t + 1 < n && is_vowel(cp[t + 1]) ? 1.0f : 0.0f; break;
        case NEURON_F_SPACE: f[t] = c == ' ' ? 1.0f : 0.0f; break;
        default: break;
        }
    }
    return RNN_OK;
}

rnn_status neurons_rank(const float *hs, long n, int H, const float *f, float *r, int *order) {
    if (n < 2 || H < 1) return rnn_fail(RNN_E_ARG, "ranking needs at least 2 positions and 1 unit (got %ld, %d)", n, H);
    double fm = 0.0, fv = 0.0;
    for (long t = 0; t < n; t++) fm += f[t];
    fm /= (double)n;
    for (long t = 0; t < n; t++) fv += (f[t] - fm) * (f[t] - fm);
    if (!(fv > 0.0)) return rnn_fail(RNN_E_DATA, "the feature has the same value at every position of this text: nothing to correlate");
    for (int j = 0; j < H; j++) {
        double hm = 0.0, hv = 0.0, cov = 0.0;
        for (long t = 0; t < n; t++) hm += hs[t * H + j];
        hm /= (double)n;
        for (long t = 0; t < n; t++) {
            const double d = hs[t * H + j] - hm;
            hv += d * d;
            cov += d * (f[t] - fm);
        }
        r[j] = hv > 0.0 ? (float)(cov / sqrt(hv * fv)) : 0.0f;
    }
    for (int j = 0; j < H; j++) {   // insertion sort by |r|, stable
        int i = j;
        while (i > 0 && fabsf(r[j]) > fabsf(r[order[i - 1]])) { order[i] = order[i - 1]; i--; }
        order[i] = j;
    }
    return RNN_OK;
}
