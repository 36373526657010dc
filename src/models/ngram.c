// ngram.c - interpolated Kneser-Ney counting and querying (see ngram.h for
// the formula). One pass over the training tokens fills every count
// incrementally; the discounts are computed from the finished table.
#include "ngram.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint16_t tok[NGRAM_MAX_ORDER]; // the gram, oldest token first
    uint8_t len;                   // 0..N; 0xff marks an empty slot
    uint8_t pad[3];
    uint32_t count;                // raw count (used at the top order)
    uint32_t cont;                 // N1+(. g): distinct tokens seen just before g
    uint32_t ctx_sum;              // as a context h of order len+1: S(h)
    uint32_t ctx_types;            // as a context: T(h)
} ngram_entry;                     // 32 bytes

#define EMPTY 0xff

struct ngram {
    int order, vocab;
    long slots, used;              // slots: a power of two
    ngram_entry *table;
    double discount[NGRAM_MAX_ORDER + 1];
};

static uint64_t gram_hash(const int *g, int len) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t)len;
    for (int i = 0; i < len; i++) {
        h ^= (uint64_t)(uint32_t)g[i] + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
        h *= 0xBF58476D1CE4E5B9ull;
    }
    return h ^ (h >> 31);
}

static int gram_equal(const ngram_entry *e, const int *g, int len) {
    if (e->len != len) return 0;
    for (int i = 0; i < len; i++)
        if (e->tok[i] != (uint16_t)g[i]) return 0;
    return 1;
}

// The entry of gram g, or NULL (queries: no allocation, no change).
static const ngram_entry *find(const ngram *m, const int *g, int len) {
    const long mask = m->slots - 1;
    for (long i = (long)(gram_hash(g, len) & (uint64_t)mask);; i = (i + 1) & mask) {
        const ngram_entry *e = &m->table[i];
        if (e->len == EMPTY) return NULL;
        if (gram_equal(e, g, len)) return e;
    }
}

static ngram_entry *alloc_table(long slots) {
    ngram_entry *t = malloc(sizeof(ngram_entry) * (size_t)slots);
    if (t) memset(t, EMPTY, sizeof(ngram_entry) * (size_t)slots); // len = 0xff everywhere (counts are reset on insert)
    return t;
}

// Doubles the table (kept at most half full so probes stay short).
static rnn_status grow(ngram *m) {
    const long slots = m->slots * 2;
    if (slots > NGRAM_MAX_SLOTS)
        return rnn_fail(RNN_E_DATA, "n-gram table full: more than %ld distinct grams (NGRAM_MAX_SLOTS)", NGRAM_MAX_SLOTS / 2);
    ngram_entry *t = alloc_table(slots);
    if (!t) return rnn_fail(RNN_E_NOMEM, "n-gram table of %ld slots", slots);
    for (long i = 0; i < m->slots; i++) {
        const ngram_entry *e = &m->table[i];
        if (e->len == EMPTY) continue;
        int g[NGRAM_MAX_ORDER];
        for (int j = 0; j < e->len; j++) g[j] = e->tok[j];
        long k = (long)(gram_hash(g, e->len) & (uint64_t)(slots - 1));
        while (t[k].len != EMPTY) k = (k + 1) & (slots - 1);
        t[k] = *e;
    }
    free(m->table);
    m->table = t;
    m->slots = slots;
    return RNN_OK;
}

// The entry of gram g, inserted with zero counts when new.
static rnn_status upsert(ngram *m, const int *g, int len, ngram_entry **out) {
    if (2 * (m->used + 1) > m->slots) {
        const rnn_status st = grow(m);
        if (st) return st;
    }
    const long mask = m->slots - 1;
    long i = (long)(gram_hash(g, len) & (uint64_t)mask);
    for (;; i = (i + 1) & mask) {
        ngram_entry *e = &m->table[i];
        if (e->len == EMPTY) break;
        if (gram_equal(e, g, len)) { *out = e; return RNN_OK; }
    }
    ngram_entry *e = &m->table[i];
    memset(e, 0, sizeof *e);
    for (int j = 0; j < len; j++) e->tok[j] = (uint16_t)g[j];
    e->len = (uint8_t)len;
    m->used++;
    *out = e;
    return RNN_OK;
}

// Adds one to the order-len count c_len(g) that the model uses: its context
// g[0..len-1) gains one in S and, when c_len(g) was 0, one in T.
static rnn_status add_model_count(ngram *m, const int *g, int len, uint32_t before) {
    ngram_entry *ctx;
    const rnn_status st = upsert(m, g, len - 1, &ctx);
    if (st) return st;
    ctx->ctx_sum++;
    if (before == 0) ctx->ctx_types++;
    return RNN_OK;
}

// One occurrence of the gram g (len tokens); has_left: the gram one token
// longer ending at the same place occurred for the first time.
static rnn_status count_gram(ngram *m, const int *g, int len, int has_left) {
    ngram_entry *e;
    rnn_status st = upsert(m, g, len, &e);
    if (st) return st;
    const uint32_t raw = e->count++;
    if (len == m->order) return add_model_count(m, g, len, raw);
    // a new distinct (len+1)-gram v+g bumps g's continuation count N1+(. g)
    if (has_left) {
        const uint32_t before = e->cont++;
        return add_model_count(m, g, len, before);
    }
    return RNN_OK;
}

// Counts every gram ending at position i, the longest first, so that
// "was (k+1)-gram new" is known when the k-gram is counted.
static rnn_status count_position(ngram *m, const int *tokens, long i) {
    const int top = (int)(i + 1 < m->order ? i + 1 : m->order);
    int longer_was_new = 0;
    for (int k = top; k >= 1; k--) {
        const int *g = tokens + i - k + 1;
        const ngram_entry *e = find(m, g, k);
        const int is_new = e == NULL || e->count == 0;
        const int has_left = (k < m->order) && (i - k >= 0) && longer_was_new;
        rnn_status st = count_gram(m, g, k, has_left);
        if (st) return st;
        longer_was_new = is_new;
    }
    return RNN_OK;
}

// D_k = n1 / (n1 + 2 n2) over the counts the model uses at order k.
static void compute_discounts(ngram *m) {
    long n1[NGRAM_MAX_ORDER + 1] = {0}, n2[NGRAM_MAX_ORDER + 1] = {0};
    for (long i = 0; i < m->slots; i++) {
        const ngram_entry *e = &m->table[i];
        if (e->len == EMPTY || e->len == 0) continue;
        const uint32_t c = e->len == m->order ? e->count : e->cont;
        n1[e->len] += c == 1;
        n2[e->len] += c == 2;
    }
    for (int k = 1; k <= m->order; k++)
        m->discount[k] = n1[k] > 0 && n2[k] > 0 ? (double)n1[k] / (double)(n1[k] + 2 * n2[k]) : 0.5;
}

rnn_status ngram_create(ngram **out, const int *tokens, long n, int vocab, int order) {
    *out = NULL;
    if (order < 1 || order > NGRAM_MAX_ORDER) return rnn_fail(RNN_E_ARG, "n-gram order %d not in 1..%d", order, NGRAM_MAX_ORDER);
    if (vocab < 1 || vocab > NGRAM_MAX_VOCAB) return rnn_fail(RNN_E_ARG, "n-gram vocabulary %d not in 1..%d", vocab, NGRAM_MAX_VOCAB);
    if (n < 1 || n > NGRAM_MAX_TOKENS) return rnn_fail(RNN_E_DATA, "n-gram training tokens %ld not in 1..%ld", n, NGRAM_MAX_TOKENS);
    for (long i = 0; i < n; i++)
        if (tokens[i] < 0 || tokens[i] >= vocab) return rnn_fail(RNN_E_ARG, "token %d at %ld not in 0..%d", tokens[i], i, vocab - 1);
    ngram *m = calloc(1, sizeof *m);
    if (!m) return rnn_fail(RNN_E_NOMEM, "n-gram model");
    m->order = order;
    m->vocab = vocab;
    m->slots = 1024;
    m->table = alloc_table(m->slots);
    if (!m->table) { free(m); return rnn_fail(RNN_E_NOMEM, "n-gram table"); }
    for (long i = 0; i < n; i++) {
        const rnn_status st = count_position(m, tokens, i);
        if (st) { ngram_free(m); return st; }
    }
    compute_discounts(m);
    *out = m;
    return RNN_OK;
}

void ngram_free(ngram *m) {
    if (!m) return;
    free(m->table);
    free(m);
}

// P_K(w | the last K-1 tokens of context), K = min(n + 1, N), built up from P_0.
double ngram_prob(const ngram *m, const int *context, int n, int w) {
    const int K = n + 1 < m->order ? n + 1 : m->order;
    int g[NGRAM_MAX_ORDER];
    double p = 1.0 / m->vocab;
    for (int k = 1; k <= K; k++) {
        // g = the last k-1 context tokens, then w
        for (int j = 0; j < k - 1; j++) g[j] = context[n - (k - 1) + j];
        g[k - 1] = w;
        const ngram_entry *h = find(m, g, k - 1);
        if (!h || h->ctx_sum == 0) continue;
        const ngram_entry *e = find(m, g, k);
        const double c = e ? (double)(k == m->order ? e->count : e->cont) : 0.0;
        const double d = m->discount[k], s = (double)h->ctx_sum;
        p = fmax(c - d, 0.0) / s + d * (double)h->ctx_types / s * p;
    }
    return p;
}

rnn_status ngram_bits(const ngram *m, const int *tokens, long n, double *bits) {
    *bits = 0.0;
    for (long i = 0; i < n; i++)
        if (tokens[i] < 0 || tokens[i] >= m->vocab) return rnn_fail(RNN_E_ARG, "token %d at %ld not in 0..%d", tokens[i], i, m->vocab - 1);
    double total = 0.0;
    for (long i = 0; i < n; i++) {
        const long from = i - (m->order - 1) > 0 ? i - (m->order - 1) : 0;
        total -= log2(ngram_prob(m, tokens + from, (int)(i - from), tokens[i]));
    }
    *bits = total;
    return RNN_OK;
}

static rnn_status check_context(const ngram *m, const int *context, int n, int *from) {
    if (n < 0) return rnn_fail(RNN_E_ARG, "context length %d", n);
    *from = n - (m->order - 1) > 0 ? n - (m->order - 1) : 0;
    for (int i = *from; i < n; i++)
        if (context[i] < 0 || context[i] >= m->vocab) return rnn_fail(RNN_E_ARG, "context token %d not in 0..%d", context[i], m->vocab - 1);
    return RNN_OK;
}

rnn_status ngram_predict(const ngram *m, const int *context, int n, float *probs, int *best) {
    int from;
    const rnn_status st = check_context(m, context, n, &from);
    if (st) return st;
    double top = -1.0;
    for (int w = 0; w < m->vocab; w++) {
        const double p = ngram_prob(m, context + from, n - from, w);
        if (probs) probs[w] = (float)p;
        if (p > top) { top = p; *best = w; }
    }
    return RNN_OK;
}

int ngram_order(const ngram *m) { return m->order; }
int ngram_vocab(const ngram *m) { return m->vocab; }
long ngram_entries(const ngram *m) { return m->used; }
long ngram_bytes(const ngram *m) { return (long)sizeof *m + m->slots * (long)sizeof(ngram_entry); }
double ngram_discount(const ngram *m, int k) { return k >= 1 && k <= m->order ? m->discount[k] : 0.0; }
