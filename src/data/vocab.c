// vocab.c - building and querying the character vocabulary.
#include "vocab.h"
#include <stdlib.h>
#include <string.h>

typedef struct { uint32_t cp; long count; } cp_count;

static int cmp_u32(const void *a, const void *b) {
    const uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static int cmp_freq_desc(const void *a, const void *b) {
    const cp_count *x = a, *y = b;
    if (x->count != y->count) return x->count < y->count ? 1 : -1;
    return (x->cp > y->cp) - (x->cp < y->cp);
}

#define CP_LIMIT 0x110000L // code points are below this (the UTF-8 decoder guarantees it)

// Distinct code points with their counts, ascending by code point: one linear
// pass over the text into a table indexed by code point (no sort: emscripten's
// qsort took minutes on a few million characters). A first pass finds the
// range [lo, hi] of the text's code points, so the table is as small as that
// range (95 entries for ASCII text, at most 0x110000).
static rnn_status count_distinct(const uint32_t *text, long n, cp_count **out, int *nd) {
    uint32_t lo = CP_LIMIT - 1, hi = 0;
    for (long i = 0; i < n; i++) {
        const uint32_t cp = text[i];
        if (cp >= CP_LIMIT) return rnn_fail(RNN_E_ARG, "U+%X at position %ld is not a code point", (unsigned)cp, i);
        if (cp < lo) lo = cp;
        if (cp > hi) hi = cp;
    }
    const long span = (long)hi - (long)lo + 1; // n >= 1, so lo <= hi
    uint32_t *count = calloc((size_t)span, sizeof(uint32_t)); // n <= 2^31, fits
    if (!count) return rnn_fail(RNN_E_NOMEM, "vocabulary count table");
    for (long i = 0; i < n; i++) count[text[i] - lo]++;
    long d = 0;
    for (long j = 0; j < span; j++) d += count[j] != 0;
    cp_count *c = malloc(sizeof(cp_count) * (size_t)(d ? d : 1));
    if (!c) { free(count); return rnn_fail(RNN_E_NOMEM, "vocabulary counts"); }
    long k = 0;
    for (long j = 0; j < span; j++)
        if (count[j]) { c[k].cp = lo + (uint32_t)j; c[k].count = count[j]; k++; }
    free(count);
    *out = c;
    *nd = (int)d; // d <= CP_LIMIT
    return RNN_OK;
}

rnn_status vocab_build(rnn_vocab *v, const uint32_t *text, long n, int cap) {
    memset(v, 0, sizeof *v);
    if (cap < 2 || cap > RNN_VOCAB_MAX) return rnn_fail(RNN_E_ARG, "vocabulary cap %d not in [2, %d]", cap, RNN_VOCAB_MAX);
    if (n <= 0) return rnn_fail(RNN_E_DATA, "the text is empty");
    cp_count *c = NULL;
    int d = 0;
    rnn_status st = count_distinct(text, n, &c, &d);
    if (st) return st;
    int keep = d, unk = -1;
    if (d > cap) { // keep the cap-1 most frequent, then restore code point order
        qsort(c, (size_t)d, sizeof *c, cmp_freq_desc);
        keep = cap - 1;
        unk = keep;
        uint32_t *tmp = malloc(sizeof(uint32_t) * (size_t)keep);
        if (!tmp) { free(c); return rnn_fail(RNN_E_NOMEM, "vocabulary"); }
        for (int i = 0; i < keep; i++) tmp[i] = c[i].cp;
        qsort(tmp, (size_t)keep, sizeof(uint32_t), cmp_u32);
        for (int i = 0; i < keep; i++) c[i].cp = tmp[i];
        free(tmp);
    }
    v->size = keep + (unk >= 0);
    v->unk = unk;
    v->cp = malloc(sizeof(uint32_t) * (size_t)v->size);
    if (!v->cp) { free(c); return rnn_fail(RNN_E_NOMEM, "vocabulary"); }
    for (int i = 0; i < keep; i++) v->cp[i] = c[i].cp;
    if (unk >= 0) v->cp[unk] = RNN_UNK_CP;
    free(c);
    return RNN_OK;
}

rnn_status vocab_from_list(rnn_vocab *v, const uint32_t *cps, int size, int unk) {
    memset(v, 0, sizeof *v);
    if (size < 1 || size > RNN_VOCAB_MAX) return rnn_fail(RNN_E_SIZE, "vocabulary size %d not in [1, %d]", size, RNN_VOCAB_MAX);
    if (unk != -1 && unk != size - 1) return rnn_fail(RNN_E_SIZE, "unknown-symbol index %d must be -1 or last", unk);
    const int ordered = unk >= 0 ? size - 1 : size;
    for (int i = 0; i < size; i++) {
        if (cps[i] > 0x10FFFF || (cps[i] >= 0xD800 && cps[i] <= 0xDFFF))
            return rnn_fail(RNN_E_SIZE, "vocabulary entry %d is not a code point", i);
        if (i > 0 && i < ordered && cps[i] <= cps[i - 1])
            return rnn_fail(RNN_E_SIZE, "vocabulary not strictly ascending at entry %d", i);
    }
    v->cp = malloc(sizeof(uint32_t) * (size_t)size);
    if (!v->cp) return rnn_fail(RNN_E_NOMEM, "vocabulary");
    memcpy(v->cp, cps, sizeof(uint32_t) * (size_t)size);
    v->size = size;
    v->unk = unk;
    return RNN_OK;
}

void vocab_free(rnn_vocab *v) {
    free(v->cp);
    v->cp = NULL;
    v->size = 0;
}

int vocab_index(const rnn_vocab *v, uint32_t cp) {
    int lo = 0, hi = (v->unk >= 0 ? v->size - 1 : v->size) - 1;
    while (lo <= hi) {
        const int mid = (lo + hi) / 2;
        if (v->cp[mid] == cp) return mid;
        if (v->cp[mid] < cp) lo = mid + 1; else hi = mid - 1;
    }
    return v->unk;
}

void vocab_encode(const rnn_vocab *v, const uint32_t *text, long n, int *tokens) {
    for (long i = 0; i < n; i++) tokens[i] = vocab_index(v, text[i]);
}
