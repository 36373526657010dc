// test_bad_inputs.c - regression tests for the hostile inputs of issue 14
// (engine side): a forged stream cursor, a step counter at its limit, a
// vocabulary cap below V, a NaN clip threshold with clipping off, a model too
// large to save, duplicate JSON keys, and the vocabulary count's edge cases.
// docs/bad-inputs.md lists each input with the check that covers it. Runs
// natively (64-bit) and as a 32-bit build (make test-c32), where `long` is as
// narrow as on wasm32.
#include "engine_fixtures.h"
#include "io/json.h"
#include <stdio.h>

// Offsets of model_file.h.
#define OFF_CLIP_MODE 36
#define OFF_CAP 40
#define OFF_CLIP 68
#define OFF_STEP 76

static void put_u64le(unsigned char *p, uint64_t v) {
    for (int i = 0; i < 8; i++) p[i] = (unsigned char)(v >> (8 * i));
}

// A trained model's file (B=2, T=8), its text attached on load by the caller.
static unsigned char *base_file(const char *text, long len, long *n, rnn_charlm **m) {
    const rnn_charlm_config cfg = small_cfg(8, 8, 2, 3);
    if (rnn_charlm_create(m, &cfg, text, len)) { CHECK(0, "create: %s", rnn_last_error()); return NULL; }
    rnn_train_stats st;
    rnn_charlm_train(*m, 3, &st);
    return save(*m, n);
}

static long cursor_offset(const rnn_charlm *m, int s) { return RNN_FILE_HEADER + 4L * m->V + 12L * m->nparams + 8L * s; }

// Issue 14 item 1: a cursor with a valid checksum but past its stream must be
// refused when the text is attached (on wasm32 `p + T + 1` overflowed).
static void test_forged_cursor(const char *text, long len) {
    long n;
    rnn_charlm *m = NULL, *l = NULL;
    unsigned char *f = base_file(text, len, &n, &m);
    if (!f) { rnn_charlm_free(m); return; }
    const long L = m->n_train / m->B;
    const uint64_t bad[] = {0x7ffffff8u, 0x7fffffffu, (uint64_t)L, (uint64_t)L + 1};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        put_u64le(f + cursor_offset(m, 1), bad[i]);
        fix_checksum(f, n);
        CHECK(rnn_model_load(&l, f, n) == RNN_OK, "cursor %llu: the loader checks it once the text is known (%s)",
              (unsigned long long)bad[i], rnn_last_error());
        if (!l) continue;
        EXPECT_STATUS(RNN_E_SIZE, rnn_charlm_set_text(l, text, len, 0), "cursor %llu of a %ld-char stream kept",
                      (unsigned long long)bad[i], L);
        CHECK(strstr(rnn_last_error(), "stream cursor 1") != NULL, "reason names the cursor: %s", rnn_last_error());
        if (l->tokens) { // accepted by mistake: this step is what overflowed on wasm32
            rnn_train_stats st;
            rnn_charlm_train(l, 2, &st);
        }
        rnn_charlm_free(l);
        l = NULL;
    }
    // past 2^31: refused by the loader itself
    put_u64le(f + cursor_offset(m, 0), 0x80000000u);
    fix_checksum(f, n);
    EXPECT_NO_MODEL(RNN_E_SIZE, &l, rnn_model_load(&l, f, n), "stream cursor 2^31");
    put_u64le(f + cursor_offset(m, 0), 0);
    // the last valid cursor is kept, and a fresh text resets the streams
    put_u64le(f + cursor_offset(m, 1), (uint64_t)L - 1);
    fix_checksum(f, n);
    if (rnn_model_load(&l, f, n) == RNN_OK) {
        CHECK(rnn_charlm_set_text(l, text, len, 0) == RNN_OK, "cursor L-1 refused: %s", rnn_last_error());
        rnn_train_stats st;
        CHECK(rnn_charlm_train(l, 2, &st) == RNN_OK && st.finite, "training from cursor L-1");
        rnn_charlm_free(l);
        l = NULL;
    } else CHECK(0, "load with cursor L-1: %s", rnn_last_error());
    put_u64le(f + cursor_offset(m, 1), 0x7ffffff8u);
    fix_checksum(f, n);
    if (rnn_model_load(&l, f, n) == RNN_OK) {
        CHECK(rnn_charlm_set_text(l, text, len, 1) == RNN_OK && l->pos[1] == 0, "reset_streams clears a bad cursor");
        rnn_charlm_free(l);
    }
    free(f);
    rnn_charlm_free(m);
}

// Issue 14 item 9: a file at step 2147483647 must not train into a file the
// loader rejects.
static void test_step_limit(const char *text, long len) {
    long n;
    rnn_charlm *m = NULL, *l = NULL;
    unsigned char *f = base_file(text, len, &n, &m);
    if (!f) { rnn_charlm_free(m); return; }
    put_u64le(f + OFF_STEP, 2147483647u);
    fix_checksum(f, n);
    CHECK(rnn_model_load(&l, f, n) == RNN_OK, "step 2^31-1 is a valid file: %s", rnn_last_error());
    if (l && rnn_charlm_set_text(l, text, len, 1) == RNN_OK) {
        rnn_train_stats st;
        EXPECT_STATUS(RNN_E_STATE, rnn_charlm_train(l, 1, &st), "one step past 2^31-1");
        CHECK(l->step == 2147483647L, "step after the refusal: %ld", l->step);
        CHECK(rnn_charlm_train(l, 0, &st) == RNN_OK, "zero steps at the limit");
        long n2;
        unsigned char *f2 = save(l, &n2);
        rnn_charlm *back = NULL;
        CHECK(f2 && rnn_model_load(&back, f2, n2) == RNN_OK, "the saved file loads back: %s", rnn_last_error());
        rnn_charlm_free(back);
        free(f2);
    }
    rnn_charlm_free(l);
    put_u64le(f + OFF_STEP, 2147483648u);
    fix_checksum(f, n);
    EXPECT_NO_MODEL(RNN_E_SIZE, &l, rnn_model_load(&l, f, n), "step 2^31");
    free(f);
    rnn_charlm_free(m);
}

// Issue 14 item 13: a vocabulary cap below V; clip NaN with clipping off.
static void test_loaded_config(const char *text, long len) {
    long n;
    rnn_charlm *m = NULL, *l = NULL;
    unsigned char *f = base_file(text, len, &n, &m);
    if (!f) { rnn_charlm_free(m); return; }
    unsigned char *c = malloc((size_t)n);
    memcpy(c, f, (size_t)n);
    put_u32le(c + OFF_CAP, (uint32_t)m->V - 1);
    fix_checksum(c, n);
    EXPECT_NO_MODEL(RNN_E_SIZE, &l, rnn_model_load(&l, c, n), "vocabulary cap V-1 = %d", m->V - 1);
    CHECK(strstr(rnn_last_error(), "cap") != NULL, "reason names the cap: %s", rnn_last_error());
    put_u32le(c + OFF_CAP, (uint32_t)m->V);
    fix_checksum(c, n);
    CHECK(rnn_model_load(&l, c, n) == RNN_OK, "vocabulary cap = V refused: %s", rnn_last_error());
    rnn_charlm_free(l);
    l = NULL;
    memcpy(c, f, (size_t)n);
    put_u32le(c + OFF_CLIP_MODE, CLIP_NONE);
    put_u32le(c + OFF_CLIP, 0x7FC00000u);
    fix_checksum(c, n);
    EXPECT_NO_MODEL(RNN_E_SIZE, &l, rnn_model_load(&l, c, n), "clip NaN with clipping off");
    rnn_charlm_config cfg = small_cfg(8, 8, 2, 3);
    cfg.clip_mode = CLIP_NONE;
    cfg.clip = NAN;
    EXPECT_NO_MODEL(RNN_E_ARG, &l, rnn_charlm_create(&l, &cfg, text, len), "create with clip NaN, clipping off");
    cfg.clip = 0.0f; // no threshold needed when clipping is off
    CHECK(rnn_charlm_create(&l, &cfg, text, len) == RNN_OK, "clip 0 with clipping off: %s", rnn_last_error());
    rnn_charlm_free(l);
    free(c);
    free(f);
    rnn_charlm_free(m);
}

// Found by tests/fuzz/fuzz_model_load.c: a negative Adam second moment (valid
// checksum) loaded, and the next update's sqrt(v) turned the weights to NaN,
// so the engine saved a file its own loader refused.
static void test_fuzz_negative_moment(const char *text, long len) {
    long n;
    rnn_charlm *m = NULL, *l = NULL;
    unsigned char *f = base_file(text, len, &n, &m);
    if (!f) { rnn_charlm_free(m); return; }
    const long v0 = RNN_FILE_HEADER + 4L * m->V + 8L * m->nparams; // v[0]
    put_u32le(f + v0 + 4 * 5, 0xC2C80000u); // v[5] = -100
    fix_checksum(f, n);
    EXPECT_NO_MODEL(RNN_E_SIZE, &l, rnn_model_load(&l, f, n), "Adam second moment -100");
    CHECK(strstr(rnn_last_error(), "v[5]") != NULL, "reason names the entry: %s", rnn_last_error());
    // and the writer refuses what the loader would refuse, by name
    unsigned char *buf = malloc((size_t)n);
    m->params[7] = INFINITY;
    EXPECT_STATUS(RNN_E_NONFINITE, rnn_model_save(m, buf, n), "save with an infinite parameter");
    m->params[7] = 0.0f;
    m->opt_v[3] = -1.0f;
    EXPECT_STATUS(RNN_E_NONFINITE, rnn_model_save(m, buf, n), "save with a negative second moment");
    m->opt_v[3] = 0.0f;
    m->h_carry[1] = NAN;
    EXPECT_STATUS(RNN_E_NONFINITE, rnn_model_save(m, buf, n), "save with a NaN carried state");
    m->h_carry[1] = 0.0f;
    CHECK(rnn_model_save(m, buf, n) == RNN_OK, "save after repair: %s", rnn_last_error());
    free(buf);
    free(f);
    rnn_charlm_free(m);
}

// Issue 14 item 6: H=2048 with 400 symbols saves a 70,031,724-byte file,
// past the loader's limit: refused at creation, the limit named.
static void test_too_large_to_save(void) {
    const int distinct = 400, reps = 3;
    char *text = malloc((size_t)distinct * reps * 4 + 1);
    long len = 0;
    for (int r = 0; r < reps; r++)
        for (int i = 0; i < distinct; i++) len += utf8_encode(0x100u + (uint32_t)i, text + len);
    CHECK(rnn_model_file_bytes(400, 2048, 1) == 70031724, "file size formula: %lld", (long long)rnn_model_file_bytes(400, 2048, 1));
    rnn_charlm_config cfg = small_cfg(2048, 1, 1, 1);
    cfg.vocab_cap = 512;
    cfg.val_fraction = 0.0f;
    rnn_charlm *m = NULL;
    EXPECT_NO_MODEL(RNN_E_SIZE, &m, rnn_charlm_create(&m, &cfg, text, len), "H=2048, V=400");
    char want[64];
    snprintf(want, sizeof want, "%ld", (long)RNN_FILE_MAX_BYTES);
    CHECK(strstr(rnn_last_error(), want) != NULL, "reason names the limit %s: %s", want, rnn_last_error());
    // the loader's own limit: a header announcing more is refused as a size, not a truncation
    CHECK(rnn_model_file_bytes(RNN_VOCAB_MAX, RNN_MAX_HIDDEN, RNN_MAX_BATCH) > RNN_FILE_MAX_BYTES, "limits");
    free(text);
}

// Issue 14 item 12: duplicate keys are refused, the key named.
static void test_duplicate_keys(void) {
    static const struct { const char *js, *key; } dup[] = {
        {"{\"a\":1,\"b\":2,\"a\":3}", "\"a\""},
        {"{\"x\":{\"k\":[1],\"k\":[2]}}", "\"k\""},
        {"[{\"z\":1},{\"y\":1,\"q\":0,\"y\":2}]", "\"y\""},
    };
    for (size_t i = 0; i < sizeof dup / sizeof dup[0]; i++) {
        json *j = NULL;
        EXPECT_STATUS(RNN_E_JSON, json_parse(dup[i].js, (long)strlen(dup[i].js), &j), "duplicate keys in %s", dup[i].js);
        CHECK(j == NULL && strstr(rnn_last_error(), dup[i].key) != NULL, "reason names %s: %s", dup[i].key, rnn_last_error());
        json_free(j);
    }
    json *j = NULL;
    const char *ok = "{\"a\":{\"a\":1},\"b\":[{\"a\":2},{\"a\":3}],\"ab\":0}";
    CHECK(json_parse(ok, (long)strlen(ok), &j) == RNN_OK, "same key in different objects: %s", rnn_last_error());
    json_free(j);
    // through the importer: two hidden sizes, first-wins would pick the wrong one
    const char *imp = "{\"format\":\"pytorch-rnn\",\"hidden_size\":2,\"hidden_size\":3,\"nonlinearity\":\"tanh\","
                      "\"vocab\":[\"a\",\"b\"],\"state_dict\":{}}";
    rnn_charlm *m = NULL;
    const rnn_charlm_config base = rnn_charlm_defaults();
    EXPECT_NO_MODEL(RNN_E_JSON, &m, rnn_import_pytorch(&m, imp, (long)strlen(imp), &base), "duplicate hidden_size");
    CHECK(strstr(rnn_last_error(), "hidden_size") != NULL, "reason names the key: %s", rnn_last_error());
}

// Issue 14 item 2: the linear count keeps the vocabulary's definition
// (ascending code points; the cap keeps the most frequent, ties by code point).
static void test_vocab_count(void) {
    const uint32_t text[] = {0x10FFFF, 'b', 0, 'b', 'a', 0x10FFFF, 'b', 0xE9};
    rnn_vocab v;
    CHECK(vocab_build(&v, text, 8, 256) == RNN_OK, "build: %s", rnn_last_error());
    const uint32_t want[] = {0, 'a', 'b', 0xE9, 0x10FFFF};
    CHECK(v.size == 5 && v.unk == -1 && memcmp(v.cp, want, sizeof want) == 0, "distinct code points ascending");
    vocab_free(&v);
    CHECK(vocab_build(&v, text, 8, 3) == RNN_OK, "build capped: %s", rnn_last_error());
    CHECK(v.size == 3 && v.unk == 2 && v.cp[0] == 'b' && v.cp[1] == 0x10FFFF && v.cp[2] == RNN_UNK_CP,
          "cap 3 keeps b (3) and U+10FFFF (2), then the unknown symbol");
    vocab_free(&v);
    const uint32_t bad[] = {'a', 0x110000};
    EXPECT_STATUS(RNN_E_ARG, vocab_build(&v, bad, 2, 256), "a value past U+10FFFF");
}

int main(void) {
    long len;
    char *text = corpus(RNN_CORPUS_ARITHMETIC, 5, 3000, &len);
    if (!text) return 1;
    test_forged_cursor(text, len);
    test_step_limit(text, len);
    test_loaded_config(text, len);
    test_fuzz_negative_moment(text, len);
    test_too_large_to_save();
    test_duplicate_keys();
    test_vocab_count();
    free(text);
    return check_report();
}
