// engine_fixtures.h - helpers shared by the engine tests (test_engine.c,
// test_io.c): fresh-reason checks, labelled expectations, generated corpora,
// small configurations, model-file bytes. One test program per translation
// unit, so everything is static.
#ifndef RNN_TEST_ENGINE_FIXTURES_H
#define RNN_TEST_ENGINE_FIXTURES_H
#include "check.h"
#include "rnn.h"
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// A failing call must record its own reason: plant a sentinel first and make
// sure it was replaced by a non-empty reason.
#define SENTINEL "sentinel: no reason recorded"
static inline void plant_sentinel(void) { rnn_fail(RNN_E_STATE, "%s", SENTINEL); }
static inline int reason_fresh(void) {
    const char *r = rnn_last_error();
    if (!r || !r[0] || strstr(r, SENTINEL)) return 0;
    // and readable: a reason that wraps rnn_last_error() into itself comes out
    // garbled ("malformed JSON: bad vocabulary (malformed JSON: bad vocabulary (nown-..."),
    // its opening repeated
    char head[25];
    const size_t k = strlen(r) < 24 ? strlen(r) : 24;
    memcpy(head, r, k);
    head[k] = 0;
    return strstr(r + 1, head) == NULL;
}

// Checks that `call` returns `want` (a specific status) with a fresh reason.
#define EXPECT_STATUS(want, call, ...)                                                                                 \
    do {                                                                                                               \
        plant_sentinel();                                                                                              \
        const rnn_status st_ = (call);                                                                                 \
        CHECK(st_ == (want) && reason_fresh(), "%s: got %s (%s)", label_(__VA_ARGS__), rnn_status_string(st_),        \
              rnn_last_error());                                                                                       \
    } while (0)

// For calls that create a model into *pm: it must be NULL after the failure,
// and a model created by mistake is freed (a failing test must not leak).
#define POISON ((rnn_charlm *)(uintptr_t)1)
#define EXPECT_NO_MODEL(want, pm, call, ...)                                                                           \
    do {                                                                                                               \
        *(pm) = POISON;                                                                                                \
        plant_sentinel();                                                                                              \
        const rnn_status st_ = (call);                                                                                 \
        CHECK(st_ == (want) && reason_fresh() && *(pm) == NULL, "%s: got %s (%s)%s", label_(__VA_ARGS__),             \
              rnn_status_string(st_), rnn_last_error(), st_ && *(pm) ? ", *out not NULL" : "");                       \
        if (*(pm) && *(pm) != POISON) rnn_charlm_free(*(pm));                                                          \
        *(pm) = NULL;                                                                                                  \
    } while (0)

static char g_label[256];
static inline const char *label_(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g_label, sizeof g_label, fmt, ap);
    va_end(ap);
    return g_label;
}

// The corpus generator asks for some headroom past `bytes`.
static inline char *corpus(rnn_corpus_kind kind, unsigned seed, long bytes, long *len) {
    const long cap = bytes + 1024;
    char *buf = malloc((size_t)cap);
    if (!buf) return NULL;
    if (rnn_corpus_generate(kind, seed, bytes, buf, cap, len) != RNN_OK) {
        printf("corpus: %s\n", rnn_last_error());
        free(buf);
        return NULL;
    }
    return buf;
}

static inline rnn_charlm_config small_cfg(int hidden, int seq, int batch, uint32_t seed) {
    rnn_charlm_config c = rnn_charlm_defaults();
    c.hidden = hidden;
    c.seq = seq;
    c.batch = batch;
    c.seed = seed;
    c.optim = optim_default(OPT_ADAM, 2e-3f); // pinned: tests must not move with the defaults
    return c;
}

// Saves m into a malloc'd buffer.
static inline unsigned char *save(const rnn_charlm *m, long *len) {
    *len = rnn_model_file_size(m);
    unsigned char *buf = malloc((size_t)*len);
    if (!buf) return NULL;
    if (rnn_model_save(m, buf, *len) != RNN_OK) { free(buf); return NULL; }
    return buf;
}

// Greedy sample into out (cap bytes); returns the status.
static inline rnn_status greedy(rnn_charlm *m, const char *prime, int length, char *out, long cap) {
    rnn_sample_opts o = {prime, (long)strlen(prime), length, 1.0f, 7, 1, 0};
    long n;
    return rnn_charlm_sample(m, &o, out, cap, &n, NULL, NULL);
}

// FNV-1a 32 as the model file defines it (written here again, not the engine's).
static inline uint32_t fnv1a(const unsigned char *p, long n) {
    uint32_t h = 2166136261u;
    for (long i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
    return h;
}
static inline void put_u32le(unsigned char *p, uint32_t v) {
    for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i));
}
static inline void fix_checksum(unsigned char *buf, long len) { put_u32le(buf + len - 4, fnv1a(buf, len - 4)); }

#endif
