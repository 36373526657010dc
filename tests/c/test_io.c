// test_io.c - the model file and the PyTorch JSON through the float build of
// the engine: save/load round trips, every corruption class (truncation at
// every length, header bit flips, wrong magic/version, absurd sizes, bad
// checksum), the export/import round trip and layout, and malformed JSON.
// Every CHECK can fail; the exit code is 1 on any failure. Runs under
// ASan + UBSan + LeakSanitizer (everything is freed).
#include "engine_fixtures.h"
#include <stdio.h>

// ------------------------------------------------------------- model file

static char g_bad_reason[256]; // the reason of the last load that failed badly

// Loads buf and classifies the outcome: 0 failed properly (a fresh, readable
// reason and *out NULL), 1 loaded (the model is freed), 2 failed badly.
static int load_outcome(const unsigned char *buf, long n) {
    rnn_charlm *l = POISON;
    plant_sentinel();
    const rnn_status st = rnn_model_load(&l, buf, n);
    if (st == RNN_OK) {
        if (l != POISON) rnn_charlm_free(l);
        return 1;
    }
    if (reason_fresh() && l == NULL) return 0;
    snprintf(g_bad_reason, sizeof g_bad_reason, "%s", rnn_last_error());
    return 2;
}
static int load_fails(const unsigned char *buf, long n) { return load_outcome(buf, n) == 0; }

static void test_model_file(const char *text, long len) {
    const rnn_charlm_config cfg = small_cfg(24, 12, 3, 21);
    rnn_charlm *m, *l = NULL;
    if (rnn_charlm_create(&m, &cfg, text, len)) { CHECK(0, "%s", rnn_last_error()); return; }
    rnn_train_stats st;
    rnn_charlm_train(m, 25, &st);
    long n;
    unsigned char *f = save(m, &n);
    CHECK(n == RNN_FILE_HEADER + 4L * m->V + 12L * m->nparams + 8L * m->B + 4L * m->B * m->H + 4,
          "file size %ld does not match the layout in model_file.h", n);
    CHECK(memcmp(f, "RNNM", 4) == 0, "magic");

    // round trip
    CHECK(rnn_model_load(&l, f, n) == RNN_OK, "load: %s", rnn_last_error());
    if (l) {
        CHECK(l->V == m->V && l->H == m->H && l->B == m->B && l->T == m->T && l->nparams == m->nparams, "shape");
        CHECK(memcmp(l->params, m->params, sizeof(float) * (size_t)m->nparams) == 0, "parameters differ after load");
        CHECK(memcmp(l->opt_m, m->opt_m, sizeof(float) * (size_t)m->nparams) == 0 &&
                  memcmp(l->opt_v, m->opt_v, sizeof(float) * (size_t)m->nparams) == 0,
              "optimiser state differs after load");
        CHECK(memcmp(l->vocab.cp, m->vocab.cp, sizeof(uint32_t) * (size_t)m->V) == 0, "vocabulary differs");
        CHECK(l->step == m->step && l->cfg.seed == m->cfg.seed && l->cfg.optim.lr == m->cfg.optim.lr, "header fields");
        char s1[512], s2[512];
        greedy(m, "7", 60, s1, sizeof s1);
        greedy(l, "7", 60, s2, sizeof s2);
        CHECK(strcmp(s1, s2) == 0, "greedy samples differ after load");
        long n2;
        unsigned char *f2 = save(l, &n2);
        CHECK(n2 == n && memcmp(f, f2, (size_t)n) == 0, "load then save does not give the same bytes");
        free(f2);
        double bpc;
        EXPECT_STATUS(RNN_E_STATE, rnn_charlm_validate(l, &bpc), "validate without text");
        rnn_charlm_free(l);
    }

    unsigned char *c = malloc((size_t)n + 8);
    // truncated: inside the magic, the version, the header, the body, 1 byte short
    const long cuts[] = {1, 3, 4, 6, 8, 12, 50, RNN_FILE_HEADER - 1, RNN_FILE_HEADER, RNN_FILE_HEADER + 3, n / 2, n - 4, n - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++)
        EXPECT_NO_MODEL(RNN_E_TRUNCATED, &l, rnn_model_load(&l, f, cuts[i]), "cut at %ld of %ld bytes", cuts[i], n);
    // every other length fails too (and never reads past the end: ASan)
    int outcomes[3] = {0, 0, 0};
    for (long cut = 0; cut < n; cut++) {
        unsigned char *exact = malloc((size_t)(cut ? cut : 1)); // exact size: ASan sees any over-read
        memcpy(exact, f, (size_t)cut);
        outcomes[load_outcome(exact, cut)]++;
        free(exact);
    }
    CHECK(outcomes[1] == 0 && outcomes[2] == 0, "truncated files: %d loaded, %d failed without a proper reason (%s)",
          outcomes[1], outcomes[2], g_bad_reason);
    EXPECT_NO_MODEL(RNN_E_TRUNCATED, &l, rnn_model_load(&l, f, 0), "empty buffer");
    CHECK(load_fails(NULL, 0), "NULL buffer loaded");
    // trailing data
    memcpy(c, f, (size_t)n);
    c[n] = 0;
    CHECK(load_fails(c, n + 1), "file with a trailing byte loaded");

    // wrong magic
    memcpy(c, f, (size_t)n);
    c[0] = 'X';
    EXPECT_NO_MODEL(RNN_E_MAGIC, &l, rnn_model_load(&l, c, n), "wrong magic");
    EXPECT_NO_MODEL(RNN_E_MAGIC, &l, rnn_model_load(&l, (const unsigned char *)"{\"format\":1}", 12), "JSON given as a model file");
    // wrong version (checksum fixed so the version check is what fails)
    memcpy(c, f, (size_t)n);
    put_u32le(c + 4, RNN_FILE_VERSION_WORKERS + 1);
    fix_checksum(c, n);
    EXPECT_NO_MODEL(RNN_E_VERSION, &l, rnn_model_load(&l, c, n), "version 3");
    // a version-1 file relabelled 2 reads a worker count where there is none
    put_u32le(c + 4, RNN_FILE_VERSION_WORKERS);
    fix_checksum(c, n);
    EXPECT_NO_MODEL(RNN_E_SIZE, &l, rnn_model_load(&l, c, n), "version 1 relabelled 2");
    put_u32le(c + 4, 0);
    fix_checksum(c, n);
    EXPECT_NO_MODEL(RNN_E_VERSION, &l, rnn_model_load(&l, c, n), "version 0");

    // absurd sizes at the offsets of model_file.h (checksum fixed)
    static const struct { const char *what; long off; uint32_t v; } absurd[] = {
        {"H = 1e9", 16, 1000000000u}, {"H = 0", 16, 0},       {"V = 0", 12, 0},      {"V = 1e9", 12, 1000000000u},
        {"V = 1", 12, 1},             {"B = 1e9", 20, 1000000000u}, {"B = 2^32-1", 20, 0xFFFFFFFFu},
        {"B = 0", 20, 0},             {"T = 0", 24, 0},       {"T = 1e9", 24, 1000000000u},
        {"activation 7", 28, 7},      {"optimiser 9", 32, 9}, {"kind 2", 8, 2},       {"param count low word", 88, 12345},
        {"clip mode 3", 36, 3},       {"vocab cap 0", 40, 0}, {"unknown index 0 (not last)", 48, 0},
        {"lr NaN", 52, 0x7FC00000u},  {"lr -1", 52, 0xBF800000u}, {"beta1 1.0", 56, 0x3F800000u},
        {"val_fraction 0.9", 72, 0x3F666666u}, {"step 2^40", 80, 256},
    };
    for (size_t i = 0; i < sizeof absurd / sizeof absurd[0]; i++) {
        memcpy(c, f, (size_t)n);
        put_u32le(c + absurd[i].off, absurd[i].v);
        fix_checksum(c, n);
        EXPECT_NO_MODEL(RNN_E_SIZE, &l, rnn_model_load(&l, c, n), "absurd %s", absurd[i].what);
    }
    // a consistent but different B changes the announced length: truncated or size, never OK
    memcpy(c, f, (size_t)n);
    put_u32le(c + 20, (uint32_t)m->B + 1);
    fix_checksum(c, n);
    CHECK(load_fails(c, n), "B + 1 with the old body loaded");

    // one flipped byte in the weights, in the checksum
    memcpy(c, f, (size_t)n);
    c[RNN_FILE_HEADER + 4 * m->V + 37] ^= 0x10;
    EXPECT_NO_MODEL(RNN_E_CHECKSUM, &l, rnn_model_load(&l, c, n), "flipped weight byte");
    memcpy(c, f, (size_t)n);
    c[n - 2] ^= 1;
    EXPECT_NO_MODEL(RNN_E_CHECKSUM, &l, rnn_model_load(&l, c, n), "flipped checksum byte");
    // a NaN weight with a valid checksum
    memcpy(c, f, (size_t)n);
    put_u32le(c + RNN_FILE_HEADER + 4 * m->V + 8, 0x7FC00000u);
    fix_checksum(c, n);
    EXPECT_NO_MODEL(RNN_E_NONFINITE, &l, rnn_model_load(&l, c, n), "NaN weight");
    // a non-finite carried hidden state (the last B*H floats before the checksum), valid checksum:
    // accepted, it would make every later training step non-finite (never applied) for good
    memcpy(c, f, (size_t)n);
    put_u32le(c + n - 4 - 4 * 5, 0x7FC00000u);
    fix_checksum(c, n);
    EXPECT_NO_MODEL(RNN_E_NONFINITE, &l, rnn_model_load(&l, c, n), "NaN in the carried hidden state");
    memcpy(c, f, (size_t)n);
    put_u32le(c + n - 8, 0x7F800000u);
    fix_checksum(c, n);
    EXPECT_NO_MODEL(RNN_E_NONFINITE, &l, rnn_model_load(&l, c, n), "+Inf in the carried hidden state");
    // every single flipped bit of the header and vocabulary (checksum not fixed) is rejected
    int flips[3] = {0, 0, 0};
    for (long i = 0; i < RNN_FILE_HEADER + 4L * m->V; i++)
        for (int bit = 0; bit < 8; bit++) {
            memcpy(c, f, (size_t)n);
            c[i] ^= (unsigned char)(1u << bit);
            flips[load_outcome(c, n)]++;
        }
    CHECK(flips[1] == 0, "%d files with a flipped header bit loaded", flips[1]);
    CHECK(flips[2] == 0, "%d files with a flipped header bit failed without a proper reason (last: %s)", flips[2],
          g_bad_reason);
    free(c);
    free(f);
    rnn_charlm_free(m);
}

// ------------------------------------------------------------- PyTorch JSON

static void test_pytorch_roundtrip(const char *text, long len) {
    for (int act = RNN_ACT_TANH; act <= RNN_ACT_RELU; act++) {
        rnn_charlm_config cfg = small_cfg(20, 10, 3, 31);
        cfg.act = (rnn_act)act;
        rnn_charlm *m, *l = NULL;
        if (rnn_charlm_create(&m, &cfg, text, len)) { CHECK(0, "%s", rnn_last_error()); return; }
        rnn_train_stats st;
        rnn_charlm_train(m, 20, &st);
        char *js;
        long jl;
        CHECK(rnn_export_pytorch(m, &js, &jl) == RNN_OK && js && (long)strlen(js) == jl, "export: %s", rnn_last_error());
        rnn_charlm_config base = rnn_charlm_defaults(); // hidden comes from the file
        CHECK(rnn_import_pytorch(&l, js, jl, &base) == RNN_OK, "import: %s", rnn_last_error());
        if (l) {
            CHECK(l->H == m->H && l->V == m->V && l->cfg.act == m->cfg.act, "shape/activation after import");
            long diff = 0;
            for (long i = 0; i < m->nparams; i++) diff += l->params[i] != m->params[i];
            CHECK(diff == 0, "%s: %ld parameters differ after export+import (%%.9g must round-trip)",
                  act ? "relu" : "tanh", diff);
            char s1[512], s2[512];
            greedy(m, "3", 80, s1, sizeof s1);
            greedy(l, "3", 80, s2, sizeof s2);
            CHECK(strcmp(s1, s2) == 0, "greedy samples differ after import");
            char *js2;
            long jl2;
            rnn_export_pytorch(l, &js2, &jl2);
            CHECK(jl2 == jl && memcmp(js, js2, (size_t)jl) == 0, "export of the import is not the same JSON");
            free(js2);
            CHECK(rnn_charlm_set_text(l, text, len, 1) == RNN_OK, "set_text after import: %s", rnn_last_error());
            rnn_charlm_train(l, 2, &st);
            CHECK(st.finite && st.step == 2, "training an imported model");
            rnn_charlm_free(l);
        }
        free(js);
        rnn_charlm_free(m);
    }
    // a linear activation has no nn.RNN equivalent
    rnn_charlm_config cfg = small_cfg(8, 8, 2, 1);
    cfg.act = RNN_ACT_LINEAR;
    rnn_charlm *m;
    if (rnn_charlm_create(&m, &cfg, text, len) == RNN_OK) {
        char *js = (char *)1;
        long jl = -1;
        EXPECT_STATUS(RNN_E_ARG, rnn_export_pytorch(m, &js, &jl), "export of a linear model");
        CHECK(js == NULL, "export failure left *out set");
        rnn_charlm_free(m);
    } else CHECK(0, "%s", rnn_last_error());
}

// Export + import of one model: every parameter, the vocabulary and greedy samples equal.
static void roundtrip_one(const char *what, const char *text, long len, int cap) {
    rnn_charlm_config cfg = small_cfg(8, 6, 2, 3);
    cfg.vocab_cap = cap;
    rnn_charlm *m, *l = NULL;
    if (rnn_charlm_create(&m, &cfg, text, len)) { CHECK(0, "%s: create: %s", what, rnn_last_error()); return; }
    rnn_train_stats st;
    rnn_charlm_train(m, 3, &st);
    char *js = NULL;
    long jl = 0;
    CHECK(rnn_export_pytorch(m, &js, &jl) == RNN_OK, "%s: export: %s", what, rnn_last_error());
    const rnn_charlm_config base = rnn_charlm_defaults();
    CHECK(js && rnn_import_pytorch(&l, js, jl, &base) == RNN_OK, "%s: import of the export: %s", what, rnn_last_error());
    if (l) {
        CHECK(l->V == m->V && l->vocab.unk == m->vocab.unk &&
                  memcmp(l->vocab.cp, m->vocab.cp, sizeof(uint32_t) * (size_t)m->V) == 0,
              "%s: vocabulary differs after import (V %d/%d, unk %d/%d)", what, l->V, m->V, l->vocab.unk, m->vocab.unk);
        CHECK(memcmp(l->params, m->params, sizeof(float) * (size_t)m->nparams) == 0, "%s: parameters differ", what);
        char s1[256], s2[256];
        greedy(m, "", 30, s1, sizeof s1);
        greedy(l, "", 30, s2, sizeof s2);
        CHECK(strcmp(s1, s2) == 0, "%s: greedy samples differ", what);
        rnn_charlm_free(l);
    }
    free(js);
    rnn_charlm_free(m);
}

static void test_pytorch_vocab_roundtrip(void) {
    // accents, an emoji, quotes, backslash, tab and newline need escaping or multi-byte
    // strings; cap 12 < distinct chars forces the unknown symbol
    const char *unit = "a\xC3\xA7\xC3\xA3o \xC3\xA9 tr\xC3\xAAs\t\"aspas\" \\ barra \xF0\x9F\x98\x80\n";
    char text[4096];
    long n = 0;
    while (n + 64 < (long)sizeof text) n += sprintf(text + n, "%s", unit);
    roundtrip_one("special characters", text, n, 256);
    roundtrip_one("special characters, capped vocabulary", text, n, 12);
    // U+0000 is a valid character (the text comes with a length)
    static const char nul_unit[9] = "ab\0cd\x01" "e\n"; // 8 bytes: a b NUL c d U+0001 e newline
    for (n = 0; n + 8 <= 800; n += 8) memcpy(text + n, nul_unit, 8);
    roundtrip_one("text with U+0000 and U+0001", text, n, 256);
}

// A growable string (the test's own, not the engine's JSON writer).
typedef struct { char *s; long len, cap; } sbuf;
static void sb_printf(sbuf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    const int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = realloc(b->s, (size_t)b->cap);
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)(b->cap - b->len), fmt, ap);
    va_end(ap);
    b->len += n;
}

// A hand-built state_dict for V = 3 ("a","b","c"), H = 2, with knobs that
// break one thing at a time. NULL knobs keep the valid default.
typedef struct {
    const char *format, *vocab, *unk, *nonlin, *hidden; // JSON literals; "-" omits the key
    const char *omit;       // tensor name to omit, or "state_dict"
    const char *tensor;     // tensor to damage
    int rows, cols;         // its row count / row length (0: the correct one)
    const char *elem;       // literal for its element (0, 0)
} jknobs;

static const char *const TNAMES[6] = {"rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0",
                                      "fc.weight", "fc.bias"};

// element value of tensor t at (i, j), exact in float and in %g
static double tval(int t, int i, int j) { return (t + 1) * 0.5 + i * 0.25 + j * 0.125 - 1.0; }

static char *build_json(const jknobs *k) {
    static const int rows[6] = {2, 2, 0, 0, 3, 0}, cols[6] = {3, 2, 2, 2, 2, 3}; // rows 0: a vector
    sbuf b = {0};
    sb_printf(&b, "%s", "{");
    const char *keys[5] = {"format", "vocab", "unk_index", "nonlinearity", "hidden_size"};
    const char *vals[5] = {k->format ? k->format : "\"pytorch-rnn\"", k->vocab ? k->vocab : "[\"a\",\"b\",\"c\"]",
                           k->unk ? k->unk : "null", k->nonlin ? k->nonlin : "\"tanh\"", k->hidden ? k->hidden : "2"};
    for (int i = 0; i < 5; i++)
        if (strcmp(vals[i], "-") != 0) sb_printf(&b, "\"%s\":%s,", keys[i], vals[i]);
    if (k->omit && strcmp(k->omit, "state_dict") == 0) {
        sb_printf(&b, "%s", "\"other\":{}}");
        return b.s;
    }
    sb_printf(&b, "%s", "\"state_dict\":{");
    int first = 1;
    for (int t = 0; t < 6; t++) {
        if (k->omit && strcmp(k->omit, TNAMES[t]) == 0) continue;
        const int hit = k->tensor && strcmp(k->tensor, TNAMES[t]) == 0;
        const int nr = hit && k->rows ? k->rows : rows[t], nc = hit && k->cols ? k->cols : cols[t];
        sb_printf(&b, "%s\"%s\":", first ? "" : ",", TNAMES[t]);
        first = 0;
        if (rows[t] == 0) { // vector
            sb_printf(&b, "%s", "[");
            for (int j = 0; j < nc; j++) {
                if (j) sb_printf(&b, "%s", ",");
                if (hit && k->elem && j == 0) sb_printf(&b, "%s", k->elem); else sb_printf(&b, "%g", tval(t, 0, j));
            }
            sb_printf(&b, "%s", "]");
            continue;
        }
        sb_printf(&b, "%s", "[");
        for (int i = 0; i < nr; i++) {
            sb_printf(&b, "%s", i ? ",[" : "[");
            const int rc = hit && k->cols && i == nr - 1 ? nc : cols[t]; // a wrong length in the last row only
            for (int j = 0; j < rc; j++) {
                if (j) sb_printf(&b, "%s", ",");
                if (hit && k->elem && i == 0 && j == 0) sb_printf(&b, "%s", k->elem); else sb_printf(&b, "%g", tval(t, i, j));
            }
            sb_printf(&b, "%s", "]");
        }
        sb_printf(&b, "%s", "]");
    }
    sb_printf(&b, "%s", "}}");
    return b.s;
}

static void test_pytorch_layout(void) {
    const jknobs none = {0};
    char *js = build_json(&none);
    rnn_charlm *m = NULL;
    const rnn_charlm_config base = rnn_charlm_defaults();
    CHECK(rnn_import_pytorch(&m, js, (long)strlen(js), &base) == RNN_OK, "valid hand-built JSON: %s (%s)",
          rnn_last_error(), js);
    if (m) {
        // weight_ih = U^T [H,V], weight_hh = W^T, fc.weight = Wy^T [V,H], b = bias_ih + bias_hh
        int bad = 0;
        for (int h = 0; h < 2; h++)
            for (int v = 0; v < 3; v++) bad += m->p.U[v * 2 + h] != (float)tval(0, h, v);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) bad += m->p.W[j * 2 + i] != (float)tval(1, i, j);
        for (int j = 0; j < 2; j++) bad += m->p.b[j] != (float)(tval(2, 0, j) + tval(3, 0, j));
        for (int v = 0; v < 3; v++)
            for (int h = 0; h < 2; h++) bad += m->p.Wy[h * 3 + v] != (float)tval(4, v, h);
        for (int v = 0; v < 3; v++) bad += m->p.by[v] != (float)tval(5, 0, v);
        CHECK(bad == 0, "%d imported values not where nn.RNN's layout puts them", bad);
        CHECK(m->V == 3 && m->H == 2 && m->vocab.unk == -1 && m->cfg.act == RNN_ACT_TANH, "V %d H %d", m->V, m->H);
        rnn_charlm_free(m);
    }
    free(js);
}

static void expect_import_fails(const jknobs *k, rnn_status want, const char *what) {
    char *js = build_json(k);
    rnn_charlm *m = POISON;
    const rnn_charlm_config base = rnn_charlm_defaults();
    plant_sentinel();
    const rnn_status st = rnn_import_pytorch(&m, js, (long)strlen(js), &base);
    CHECK(st != RNN_OK && (want == RNN_OK || st == want) && reason_fresh() && m == NULL, "import %s: got %s (%s)", what,
          rnn_status_string(st), rnn_last_error());
    if (st == RNN_OK && m != POISON) rnn_charlm_free(m);
    free(js);
}

static void expect_text_fails(const char *js, long jl, rnn_status want, const char *what) {
    rnn_charlm *m = POISON;
    const rnn_charlm_config base = rnn_charlm_defaults();
    plant_sentinel();
    const rnn_status st = rnn_import_pytorch(&m, js, jl, &base);
    CHECK(st != RNN_OK && (want == RNN_OK || st == want) && reason_fresh() && m == NULL, "import %s: got %s (%s)", what,
          rnn_status_string(st), rnn_last_error());
    if (st == RNN_OK && m != POISON) rnn_charlm_free(m);
}

static void test_pytorch_malformed(void) {
    const rnn_status ANY = RNN_OK; // "any failure"
    expect_text_fails("not json at all", 15, RNN_E_JSON, "not JSON");
    expect_text_fails("", 0, RNN_E_JSON, "empty text");
    expect_text_fails("[1,2,3]", 7, RNN_E_JSON, "an array at the top");
    {
        const jknobs none = {0};
        char *js = build_json(&none);
        const long jl = (long)strlen(js);
        const long cuts[] = {1, 10, jl / 3, jl / 2, jl - 2, jl - 1};
        for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
            char *t = malloc((size_t)cuts[i]); // exact size: ASan catches a read past the cut
            memcpy(t, js, (size_t)cuts[i]);
            char what[64];
            snprintf(what, sizeof what, "JSON cut at %ld of %ld", cuts[i], jl);
            expect_text_fails(t, cuts[i], RNN_E_JSON, what);
            free(t);
        }
        char *t = malloc((size_t)jl + 3);
        memcpy(t, js, (size_t)jl);
        memcpy(t + jl, " x", 2);
        expect_text_fails(t, jl + 2, RNN_E_JSON, "trailing garbage");
        free(t);
        free(js);
    }
    // missing keys
    jknobs k;
    k = (jknobs){0}; k.format = "-"; expect_import_fails(&k, RNN_E_JSON, "without format");
    k = (jknobs){0}; k.format = "\"tensorflow\""; expect_import_fails(&k, RNN_E_JSON, "format tensorflow");
    k = (jknobs){0}; k.vocab = "-"; expect_import_fails(&k, RNN_E_JSON, "without vocab");
    k = (jknobs){0}; k.omit = "state_dict"; expect_import_fails(&k, RNN_E_JSON, "without state_dict");
    k = (jknobs){0}; k.hidden = "-"; expect_import_fails(&k, RNN_E_JSON, "without hidden_size");
    k = (jknobs){0}; k.nonlin = "-"; expect_import_fails(&k, RNN_E_JSON, "without nonlinearity");
    for (int t = 0; t < 6; t++) {
        char what[64];
        snprintf(what, sizeof what, "without %s", TNAMES[t]);
        k = (jknobs){0}; k.omit = TNAMES[t]; expect_import_fails(&k, RNN_E_JSON, what);
        // wrong shapes: one row too many (matrices), a row (or the vector) one too long and one too short
        snprintf(what, sizeof what, "%s: extra row", TNAMES[t]);
        k = (jknobs){0}; k.tensor = TNAMES[t]; k.rows = t == 4 ? 4 : 3;
        if (t == 0 || t == 1 || t == 4) expect_import_fails(&k, RNN_E_JSON, what);
        snprintf(what, sizeof what, "%s: long row", TNAMES[t]);
        k = (jknobs){0}; k.tensor = TNAMES[t]; k.cols = (t == 0 || t == 5) ? 4 : 3; expect_import_fails(&k, RNN_E_JSON, what);
        snprintf(what, sizeof what, "%s: short row", TNAMES[t]);
        k = (jknobs){0}; k.tensor = TNAMES[t]; k.cols = 1; expect_import_fails(&k, RNN_E_JSON, what);
        // non-numbers inside, non-JSON literals, overflow
        static const struct { const char *lit; rnn_status want; } elems[] = {
            {"\"0.5\"", RNN_E_JSON}, {"null", RNN_E_JSON}, {"true", RNN_E_JSON}, {"[0.5]", RNN_E_JSON},
            {"{}", RNN_E_JSON},      {"NaN", RNN_E_JSON},  {"Infinity", RNN_E_JSON}, {"-Infinity", RNN_E_JSON},
            {"nan", RNN_E_JSON},     {"0x10", RNN_E_JSON}, {"+1", RNN_E_JSON},   {".5", RNN_E_JSON},
            {"1e999", RNN_E_NONFINITE}, {"-1e999", RNN_E_NONFINITE}, {"1e39", RNN_E_NONFINITE},
        };
        for (size_t e = 0; e < sizeof elems / sizeof elems[0]; e++) {
            snprintf(what, sizeof what, "%s: element %s", TNAMES[t], elems[e].lit);
            k = (jknobs){0}; k.tensor = TNAMES[t]; k.elem = elems[e].lit; expect_import_fails(&k, elems[e].want, what);
        }
    }
    // the vector tensors given as matrices and vice versa
    k = (jknobs){0}; k.tensor = "rnn.bias_ih_l0"; k.elem = "[1,2]"; expect_import_fails(&k, RNN_E_JSON, "nested bias");
    // header values
    k = (jknobs){0}; k.hidden = "1e9"; expect_import_fails(&k, RNN_E_SIZE, "hidden_size 1e9");
    k = (jknobs){0}; k.hidden = "1e300"; expect_import_fails(&k, RNN_E_SIZE, "hidden_size 1e300");
    k = (jknobs){0}; k.hidden = "0"; expect_import_fails(&k, RNN_E_SIZE, "hidden_size 0");
    k = (jknobs){0}; k.hidden = "-2"; expect_import_fails(&k, RNN_E_SIZE, "hidden_size -2");
    k = (jknobs){0}; k.hidden = "2.5"; expect_import_fails(&k, RNN_E_JSON, "hidden_size 2.5");
    k = (jknobs){0}; k.hidden = "\"2\""; expect_import_fails(&k, RNN_E_JSON, "hidden_size as a string");
    k = (jknobs){0}; k.hidden = "3"; expect_import_fails(&k, RNN_E_JSON, "hidden_size 3 with H = 2 tensors");
    k = (jknobs){0}; k.nonlin = "\"sigmoid\""; expect_import_fails(&k, RNN_E_JSON, "nonlinearity sigmoid");
    k = (jknobs){0}; k.nonlin = "\"linear\""; expect_import_fails(&k, RNN_E_JSON, "nonlinearity linear");
    // vocabulary
    k = (jknobs){0}; k.vocab = "[\"a\",\"bc\",\"d\"]"; expect_import_fails(&k, RNN_E_JSON, "vocab entry of two chars");
    k = (jknobs){0}; k.vocab = "[\"a\",\"\",\"d\"]"; expect_import_fails(&k, RNN_E_JSON, "empty vocab entry");
    k = (jknobs){0}; k.vocab = "[\"a\",98,\"d\"]"; expect_import_fails(&k, RNN_E_JSON, "vocab entry a number");
    k = (jknobs){0}; k.vocab = "[\"a\",\"a\",\"d\"]"; expect_import_fails(&k, ANY, "duplicate vocab entry");
    k = (jknobs){0}; k.vocab = "[\"c\",\"b\",\"a\"]"; expect_import_fails(&k, ANY, "unsorted vocab");
    k = (jknobs){0}; k.vocab = "[\"a\",\"b\"]"; expect_import_fails(&k, RNN_E_JSON, "vocab of 2 with V = 3 tensors");
    k = (jknobs){0}; k.vocab = "[\"a\"]"; expect_import_fails(&k, ANY, "vocab of 1");
    k = (jknobs){0}; k.vocab = "\"abc\""; expect_import_fails(&k, RNN_E_JSON, "vocab as a string");
    k = (jknobs){0}; k.vocab = "[\"a\",\"\\ud800\",\"d\"]"; expect_import_fails(&k, RNN_E_JSON, "vocab lone surrogate");
    k = (jknobs){0}; k.unk = "0"; expect_import_fails(&k, ANY, "unk_index not last");
    k = (jknobs){0}; k.unk = "\"c\""; expect_import_fails(&k, RNN_E_JSON, "unk_index a string");
    k = (jknobs){0}; k.unk = "7"; expect_import_fails(&k, ANY, "unk_index out of range");
    k = (jknobs){0}; k.unk = "-5"; expect_import_fails(&k, ANY, "unk_index -5");
    k = (jknobs){0}; k.unk = "1e300"; expect_import_fails(&k, ANY, "unk_index 1e300");
    k = (jknobs){0}; k.unk = "2.5"; expect_import_fails(&k, RNN_E_JSON, "unk_index 2.5 (not an integer)");

    // deep nesting must not overflow the stack (200000 levels would, for a parser without a limit)
    for (int d = 0; d < 2; d++) {
        const long depth = d ? 200000 : 10000;
        char *deep = malloc((size_t)depth * 2 + 64);
        long n = 0;
        for (long i = 0; i < depth; i++) deep[n++] = '[';
        for (long i = 0; i < depth; i++) deep[n++] = ']';
        expect_text_fails(deep, n, RNN_E_JSON, d ? "200000 nested arrays" : "10000 nested arrays");
        expect_text_fails(deep, depth, RNN_E_JSON, d ? "200000 unclosed '['" : "10000 unclosed '['");
        n = 0;
        n += sprintf(deep, "{\"format\":\"pytorch-rnn\",\"state_dict\":");
        for (long i = 0; i < depth / 8; i++) n += sprintf(deep + n, "{\"a\":");
        expect_text_fails(deep, n, RNN_E_JSON, "deep unclosed objects");
        free(deep);
    }
}

int main(void) {
    long len;
    char *text = corpus(RNN_CORPUS_ARITHMETIC, 9, 12000, &len);
    if (!text) return 1;
    test_model_file(text, len);
    test_pytorch_roundtrip(text, len);
    test_pytorch_layout();
    test_pytorch_vocab_roundtrip();
    test_pytorch_malformed();
    free(text);
    return check_report();
}
