// test_neurons.c - "inside the char model" (src/models/neurons.c,
// src/data/quoted.c, src/api_neurons.c) under ASan + UBSan + LeakSanitizer:
// the features per position by hand, the Pearson ranking on constructed
// activations, a trace that agrees with the recurrence written out, the
// training text (deterministic, balanced marks), bad inputs refused.
// Every CHECK can fail; the exit code is 1 on any failure.
#include "rnn.h"
#include "models/neurons.h"
#include "data/quoted.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

static long decode(const char *s, uint32_t *cp) {
    long n = 0;
    CHECK(utf8_decode(s, (long)strlen(s), cp, &n) == RNN_OK, "%s", rnn_last_error());
    return n;
}

static void check_feature(int kind, const char *text, const float *want) {
    uint32_t cp[64];
    float f[64];
    const long n = decode(text, cp);
    CHECK(neurons_feature(kind, cp, n, f) == RNN_OK, "%s", rnn_last_error());
    for (long t = 0; t < n; t++) CHECK(f[t] == want[t], "feature %d of \"%s\" at %ld: %g, want %g", kind, text, t, f[t], want[t]);
}

static void test_features(void) {
    check_feature(NEURON_F_QUOTE, "a\"bc\"d", (const float[]){0, 1, 1, 1, 0, 0});
    check_feature(NEURON_F_QUOTE, "a\xe2\x80\x9c" "b\xe2\x80\x9d" "c", (const float[]){0, 1, 1, 0, 0});  // a“b”c
    check_feature(NEURON_F_PAREN, "(a(b)c))d", (const float[]){1, 1, 1, 1, 1, 1, 0, 0, 0});
    check_feature(NEURON_F_COLUMN, "ab\ncd\n", (const float[]){1, 2, 0, 1, 2, 0});
    check_feature(NEURON_F_VOWEL, "b\xc3\x81" "cEx", (const float[]){1, 0, 1, 0, 0});              // bÁcEx
    check_feature(NEURON_F_SPACE, "a b  c", (const float[]){0, 1, 0, 1, 1, 0});
    uint32_t cp[1] = {'a'};
    float f[1];
    CHECK(neurons_feature(NEURON_F_COUNT, cp, 1, f) == RNN_E_ARG, "unknown feature accepted");
}

// 3 units over 6 positions: unit 1 = 2f - 1 (r = 1), unit 2 = -f (r = -1,
// ranked after unit 1 on a tie of |r|), unit 0 constant (r = 0).
static void test_rank(void) {
    const float f[6] = {0, 1, 1, 0, 1, 0};
    float hs[18], r[3];
    int order[3];
    for (int t = 0; t < 6; t++) { hs[t * 3 + 0] = 0.5f; hs[t * 3 + 1] = 2 * f[t] - 1; hs[t * 3 + 2] = -f[t]; }
    CHECK(neurons_rank(hs, 6, 3, f, r, order) == RNN_OK, "%s", rnn_last_error());
    CHECK(fabsf(r[1] - 1) < 1e-6f && fabsf(r[2] + 1) < 1e-6f && r[0] == 0.0f, "r = %g %g %g", r[0], r[1], r[2]);
    CHECK(order[0] == 1 && order[1] == 2 && order[2] == 0, "order %d %d %d", order[0], order[1], order[2]);
    const float flat[6] = {1, 1, 1, 1, 1, 1};
    CHECK(neurons_rank(hs, 6, 3, flat, r, order) == RNN_E_DATA, "a constant feature was ranked");
    CHECK(neurons_rank(hs, 1, 3, f, r, order) == RNN_E_ARG, "one position was ranked");
}

// A small model on a text; the trace's h_t and top-1 against the recurrence
// written out in double precision.
static void test_trace(void) {
    const char *text = "abc abd abc (ab) \"ab\"\n";
    rnn_charlm_config c = rnn_charlm_defaults();
    c.hidden = 5; c.seq = 4; c.batch = 1; c.val_fraction = 0;
    rnn_charlm *m = NULL;
    CHECK(rnn_charlm_create(&m, &c, text, (long)strlen(text)) == RNN_OK, "%s", rnn_last_error());
    if (!m) return;
    uint32_t cp[32];
    const long n = decode("ab (c)", cp);
    const int H = m->H, V = m->V, k = 3;
    float hs[6 * 5], tp[6 * 3];
    int ti[6 * 3];
    CHECK(neurons_trace(m, cp, n, k, hs, ti, tp) == RNN_OK, "%s", rnn_last_error());
    double h[5] = {0}, a[5], z[32];
    for (long t = 0; t < n; t++) {
        const int x = vocab_index(&m->vocab, cp[t]);
        for (int j = 0; j < H; j++) {
            a[j] = m->p.b[j] + m->p.U[x * H + j];
            for (int i = 0; i < H; i++) a[j] += h[i] * m->p.W[i * H + j];
        }
        for (int j = 0; j < H; j++) { h[j] = tanh(a[j]); CHECK(fabs(h[j] - hs[t * H + j]) < 1e-5, "h[%ld][%d]", t, j); }
        int best = 0;
        for (int v = 0; v < V; v++) {
            z[v] = m->p.by[v];
            for (int i = 0; i < H; i++) z[v] += h[i] * m->p.Wy[i * V + v];
            if (z[v] > z[best]) best = v;
        }
        CHECK(ti[t * k] == best, "top-1 at %ld: %d, want %d", t, ti[t * k], best);
        CHECK(tp[t * k] >= tp[t * k + 1] && tp[t * k + 1] >= tp[t * k + 2], "top-k order at %ld", t);
    }
    const uint32_t omega = 0x3C9;
    CHECK(neurons_trace(m, &omega, 1, k, hs, ti, tp) == RNN_E_DATA, "a character outside the vocabulary was read");
    CHECK(neurons_trace(m, cp, n, 0, hs, ti, tp) == RNN_E_ARG, "k = 0 accepted");
    CHECK(neurons_trace(m, cp, 0, k, hs, ti, tp) == RNN_E_ARG, "an empty text accepted");
    rnn_charlm_free(m);
}

static void test_quoted_text(void) {
    const long bytes = 20000, cap = 3 * bytes + 1024;
    char *a = malloc((size_t)cap), *b = malloc((size_t)cap);
    long na = 0, nb = 0;
    CHECK(a && b, "out of memory");
    if (!a || !b) { free(a); free(b); return; }
    CHECK(rnn_quoted_generate(5, bytes, a, cap, &na) == RNN_OK, "%s", rnn_last_error());
    CHECK(rnn_quoted_generate(5, bytes, b, cap, &nb) == RNN_OK, "%s", rnn_last_error());
    CHECK(na == nb && memcmp(a, b, (size_t)na) == 0, "not deterministic");
    CHECK(na >= bytes && na < 2 * bytes && (long)strlen(a) == na, "length %ld", na);
    long q = 0, open = 0, close = 0;
    for (long i = 0; i < na; i++) { q += a[i] == '"'; open += a[i] == '('; close += a[i] == ')'; }
    CHECK(q % 2 == 0 && q > 40 && open == close && open > 20, "quotes %ld, parentheses %ld/%ld", q, open, close);
    CHECK(rnn_quoted_generate(5, bytes, a, bytes, &na) == RNN_E_ARG, "a small buffer accepted");
    free(a);
    free(b);
}

int main(void) {
    test_features();
    test_rank();
    test_trace();
    test_quoted_text();
    return check_report();
}
