// test_engine.c - the float build of the whole engine through its public
// headers: UTF-8, vocabulary, char LM creation errors, determinism, exact
// resume from a model file, a golden greedy sample, evaluation, and a short
// training run that must beat the unigram entropy (model files and the
// PyTorch JSON: test_io.c).
// Every CHECK can fail; the exit code is 1 on any failure. Runs under
// ASan + UBSan + LeakSanitizer (everything is freed).
// V vocab, H hidden, B streams (batch), T steps per chunk.
#include "engine_fixtures.h"

// ------------------------------------------------------------- UTF-8

static void test_utf8_valid(void) {
    // a ç ã o _ é _ t r ê s _ € _ 😀 U+10FFFF
    const char *s = "a\xC3\xA7\xC3\xA3o \xC3\xA9 tr\xC3\xAAs \xE2\x82\xAC \xF0\x9F\x98\x80\xF4\x8F\xBF\xBF";
    const uint32_t want[] = {0x61, 0xE7, 0xE3, 0x6F, 0x20, 0xE9, 0x20, 0x74, 0x72, 0xEA, 0x73, 0x20, 0x20AC, 0x20, 0x1F600, 0x10FFFF};
    const long nw = (long)(sizeof want / sizeof want[0]);
    uint32_t out[64];
    long n = -1;
    CHECK(strcmp("ação é três", "a\xC3\xA7\xC3\xA3o \xC3\xA9 tr\xC3\xAAs") == 0, "this file is not saved as UTF-8");
    CHECK(utf8_decode(s, (long)strlen(s), out, &n) == RNN_OK, "valid text rejected: %s", rnn_last_error());
    CHECK(n == nw, "decoded %ld code points, want %ld", n, nw);
    int same = n == nw;
    for (long i = 0; same && i < nw; i++) same = out[i] == want[i];
    CHECK(same, "decoded code points differ");
    // encode gives the same bytes back
    char enc[128];
    long k = 0;
    for (long i = 0; i < nw; i++) k += utf8_encode(want[i], enc + k);
    CHECK(k == (long)strlen(s) && memcmp(enc, s, (size_t)k) == 0, "utf8_encode does not reproduce the input (%ld bytes)", k);
    CHECK(utf8_decode("", 0, out, &n) == RNN_OK && n == 0, "empty text: n = %ld", n);
}

// Each invalid class, placed after a 4-byte valid prefix ("çé"), must fail
// with RNN_E_UTF8 and name the offset (that of the sequence or of the bad byte).
static void test_utf8_invalid(void) {
    static const struct { const char *what, *bytes; long at, at2; } bad[] = {
        {"lone continuation byte", "\x80xyz", 4, 4},
        {"continuation byte 0xBF", "\xBFxyz", 4, 4},
        {"0xC0 start (overlong 2-byte)", "\xC0\x80xyz", 4, 4},
        {"0xC1 start (overlong 2-byte)", "\xC1\xBFxyz", 4, 4},
        {"0xF5 start (past U+10FFFF)", "\xF5\x80\x80\x80xyz", 4, 4},
        {"0xFF byte", "\xFFxyz", 4, 4},
        {"truncated 2-byte at end", "\xC3", 4, 4},
        {"truncated 3-byte at end", "\xE2\x82", 4, 4},
        {"truncated 4-byte at end", "\xF0\x9F\x98", 4, 4},
        {"bad continuation in 2-byte", "\xC3\x41xyz", 4, 5},
        {"bad continuation in 3-byte", "\xE2\x28\xA1xyz", 4, 5},
        {"bad continuation in 4-byte", "\xF0\x9F\x98\x41xyz", 4, 7},
        {"overlong 3-byte NUL", "\xE0\x80\x80xyz", 4, 4},
        {"overlong 3-byte U+07FF", "\xE0\x9F\xBFxyz", 4, 4},
        {"overlong 4-byte U+FFFF", "\xF0\x8F\xBF\xBFxyz", 4, 4},
        {"surrogate U+D800", "\xED\xA0\x80xyz", 4, 4},
        {"surrogate U+DFFF", "\xED\xBF\xBFxyz", 4, 4},
        {"U+110000", "\xF4\x90\x80\x80xyz", 4, 4},
        {"U+1FFFFF", "\xF7\xBF\xBF\xBFxyz", 4, 4},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char s[32];
        snprintf(s, sizeof s, "\xC3\xA7\xC3\xA9%s", bad[i].bytes);
        uint32_t out[32];
        long n = -1;
        EXPECT_STATUS(RNN_E_UTF8, utf8_decode(s, (long)strlen(s), out, &n), "utf8 %s", bad[i].what);
        char o1[32], o2[32];
        snprintf(o1, sizeof o1, "offset %ld", bad[i].at);
        snprintf(o2, sizeof o2, "offset %ld", bad[i].at2);
        const char *r = rnn_last_error();
        CHECK(strstr(r, o1) || strstr(r, o2), "utf8 %s: reason \"%s\" lacks \"%s\"", bad[i].what, r, o2);
    }
}

// ------------------------------------------------------------- vocabulary

static void test_vocab(void) {
    uint32_t cps[64];
    long n;
    const char *acao = "a\xC3\xA7\xC3\xA3o"; // "ação": 6 bytes, 4 characters
    utf8_decode(acao, (long)strlen(acao), cps, &n);
    rnn_vocab v;
    CHECK(vocab_build(&v, cps, n, 256) == RNN_OK, "%s", rnn_last_error());
    CHECK(v.size == 4 && v.unk == -1, "\"ação\": size %d unk %d, want 4 -1", v.size, v.unk);
    CHECK(v.size == 4 && v.cp[0] == 'a' && v.cp[1] == 'o' && v.cp[2] == 0xE3 && v.cp[3] == 0xE7,
          "not sorted by code point / accents not single entries");
    CHECK(vocab_index(&v, 0xE7) == 3 && vocab_index(&v, 'a') == 0, "vocab_index of present chars");
    CHECK(vocab_index(&v, 'z') == -1, "missing char without unknown symbol: %d, want -1", vocab_index(&v, 'z'));
    int tok[4];
    vocab_encode(&v, cps, n, tok);
    CHECK(tok[0] == 0 && tok[1] == 3 && tok[2] == 2 && tok[3] == 1, "vocab_encode(ação) = %d %d %d %d", tok[0], tok[1],
          tok[2], tok[3]);
    vocab_free(&v);

    // capped: z x5, y x4, x x3, w x2, é x1 with cap 3 keeps the 2 most frequent
    // (y, z in code point order) and the unknown symbol last
    const char *freq = "zzzzzyyyyxxxww\xC3\xA9";
    utf8_decode(freq, (long)strlen(freq), cps, &n);
    CHECK(vocab_build(&v, cps, n, 3) == RNN_OK, "%s", rnn_last_error());
    CHECK(v.size == 3 && v.unk == 2, "cap 3: size %d unk %d", v.size, v.unk);
    CHECK(v.size == 3 && v.cp[0] == 'y' && v.cp[1] == 'z' && v.cp[2] == RNN_UNK_CP, "cap 3: entries %X %X %X",
          v.cp[0], v.cp[1], v.size > 2 ? v.cp[2] : 0);
    CHECK(vocab_index(&v, 'x') == 2 && vocab_index(&v, 0xE9) == 2 && vocab_index(&v, 'q') == 2,
          "dropped / missing chars must map to unk");
    CHECK(vocab_index(&v, 'z') == 1 && vocab_index(&v, 'y') == 0, "kept chars");
    vocab_free(&v);
    CHECK(vocab_build(&v, cps, n, 4) == RNN_OK && v.size == 4 && v.unk == 3 && v.cp[0] == 'x' && v.cp[2] == 'z' &&
              v.cp[3] == RNN_UNK_CP,
          "cap 4: size %d unk %d", v.size, v.unk);
    vocab_free(&v);
    CHECK(vocab_build(&v, cps, n, 5) == RNN_OK && v.size == 5 && v.unk == -1 && v.cp[0] == 'w' && v.cp[4] == 0xE9,
          "cap 5 = distinct chars (all fit): size %d unk %d", v.size, v.unk);
    vocab_free(&v);

    EXPECT_STATUS(RNN_E_ARG, vocab_build(&v, cps, n, 1), "vocab cap 1");
    vocab_free(&v);
    EXPECT_STATUS(RNN_E_DATA, vocab_build(&v, cps, 0, 16), "vocab of empty text");
    vocab_free(&v);
    const uint32_t unsorted[3] = {'b', 'a', 'c'};
    CHECK(vocab_from_list(&v, unsorted, 3, -1) != RNN_OK, "vocab_from_list accepted an unsorted list");
    vocab_free(&v);
}

// ------------------------------------------------------------- create errors

static void test_create_errors(void) {
    const rnn_charlm_config ok = small_cfg(16, 8, 2, 1);
    rnn_charlm *m = NULL;
    char text[400];
    for (int i = 0; i < 399; i++) text[i] = "abcdefg\n"[i % 8];
    text[399] = 0;

    EXPECT_NO_MODEL(RNN_E_DATA, &m, rnn_charlm_create(&m, &ok, "", 0), "empty text");
    EXPECT_NO_MODEL(RNN_E_DATA, &m, rnn_charlm_create(&m, &ok, NULL, 0), "NULL text");
    char same[400];
    memset(same, 'a', sizeof same);
    EXPECT_NO_MODEL(RNN_E_DATA, &m, rnn_charlm_create(&m, &ok, same, sizeof same), "one distinct char");
    // batch x (seq + 1) = 2 x 9 = 18 training characters needed (after the 10% validation tail)
    EXPECT_NO_MODEL(RNN_E_DATA, &m, rnn_charlm_create(&m, &ok, text, 12), "text too short");
    char bad[400];
    memcpy(bad, text, sizeof bad);
    bad[100] = (char)0xFF;
    EXPECT_NO_MODEL(RNN_E_UTF8, &m, rnn_charlm_create(&m, &ok, bad, 399), "invalid UTF-8");
    memcpy(bad, text, sizeof bad);
    bad[398] = (char)0xC3;
    EXPECT_NO_MODEL(RNN_E_UTF8, &m, rnn_charlm_create(&m, &ok, bad, 399), "truncated UTF-8 at the end");

    struct { const char *what; rnn_charlm_config c; } cases[12];
    int nc = 0;
    for (int i = 0; i < 12; i++) cases[i].c = ok;
    cases[nc].what = "hidden 0"; cases[nc++].c.hidden = 0;
    cases[nc].what = "hidden > max"; cases[nc++].c.hidden = RNN_MAX_HIDDEN + 1;
    cases[nc].what = "seq 0"; cases[nc++].c.seq = 0;
    cases[nc].what = "batch 0"; cases[nc++].c.batch = 0;
    cases[nc].what = "batch > max"; cases[nc++].c.batch = RNN_MAX_BATCH + 1;
    cases[nc].what = "lr 0"; cases[nc++].c.optim.lr = 0.0f;
    cases[nc].what = "lr < 0"; cases[nc++].c.optim.lr = -0.01f;
    cases[nc].what = "lr NaN"; cases[nc++].c.optim.lr = NAN;
    cases[nc].what = "lr inf"; cases[nc++].c.optim.lr = INFINITY;
    cases[nc].what = "clip NaN"; cases[nc++].c.clip = NAN;
    cases[nc].what = "vocab cap 1"; cases[nc++].c.vocab_cap = 1;
    cases[nc].what = "val_fraction 0.9"; cases[nc++].c.val_fraction = 0.9f;
    for (int i = 0; i < nc; i++)
        EXPECT_NO_MODEL(RNN_E_ARG, &m, rnn_charlm_create(&m, &cases[i].c, text, 399), "config %s", cases[i].what);
    // and the good config works on the same text
    CHECK(rnn_charlm_create(&m, &ok, text, 399) == RNN_OK, "good config: %s", rnn_last_error());
    rnn_charlm_free(m);
}

// ------------------------------------------------------------- determinism and resume

static void test_determinism(const char *text, long len) {
    const rnn_charlm_config c1 = small_cfg(24, 12, 3, 5), c2 = small_cfg(24, 12, 3, 6);
    rnn_charlm *a, *b, *c;
    rnn_train_stats st;
    CHECK(rnn_charlm_create(&a, &c1, text, len) == RNN_OK, "%s", rnn_last_error());
    CHECK(rnn_charlm_create(&b, &c1, text, len) == RNN_OK, "%s", rnn_last_error());
    CHECK(rnn_charlm_create(&c, &c2, text, len) == RNN_OK, "%s", rnn_last_error());
    if (!a || !b || !c) { rnn_charlm_free(a); rnn_charlm_free(b); rnn_charlm_free(c); return; }
    rnn_charlm_train(a, 30, &st);
    CHECK(st.step == 30 && st.finite && isfinite(st.loss), "train: step %ld finite %d loss %g", st.step, st.finite, st.loss);
    for (int i = 0; i < 3; i++) rnn_charlm_train(b, 10, &st); // in pieces: same stream of chunks
    rnn_charlm_train(c, 30, &st);
    long la, lb, lc;
    unsigned char *fa = save(a, &la), *fb = save(b, &lb), *fc = save(c, &lc);
    CHECK(fa && fb && fc, "save failed: %s", rnn_last_error());
    CHECK(fa && fb && la == lb && memcmp(fa, fb, (size_t)la) == 0, "same seed and config: model bytes differ");
    CHECK(fa && fc && la == lc && memcmp(fa, fc, (size_t)la) != 0, "different seeds: identical model bytes");
    free(fa); free(fb); free(fc);
    rnn_charlm_free(a); rnn_charlm_free(b); rnn_charlm_free(c);
}

// A trains 2k steps straight; B trains k, is saved, freed, loaded, given the
// text back (cursors kept) and trains k more: the two files are identical.
static void test_resume(const char *text, long len) {
    static const rnn_optim_kind kinds[5] = {OPT_ADAM, OPT_SGD, OPT_MOMENTUM, OPT_ADAGRAD, OPT_RMSPROP};
    const int k = 17;
    for (int oi = 0; oi < 5; oi++) {
        rnn_charlm_config cfg = small_cfg(20, 10, 3, 11);
        cfg.optim = optim_default(kinds[oi], 0.01f);
        if (oi == 2) { cfg.clip_mode = CLIP_VALUE; cfg.clip = 0.05f; } // clipping fires: still exact
        rnn_charlm *a, *b, *b2;
        rnn_train_stats st;
        if (rnn_charlm_create(&a, &cfg, text, len) || rnn_charlm_create(&b, &cfg, text, len)) {
            CHECK(0, "create: %s", rnn_last_error());
            return;
        }
        rnn_charlm_train(a, 2 * k, &st);
        rnn_charlm_train(b, k, &st);
        long lb, la, lb2;
        unsigned char *fb = save(b, &lb);
        rnn_charlm_free(b);
        CHECK(rnn_model_load(&b2, fb, lb) == RNN_OK, "%s: load: %s", optim_name(kinds[oi]), rnn_last_error());
        free(fb);
        if (!b2) { rnn_charlm_free(a); continue; }
        EXPECT_STATUS(RNN_E_STATE, rnn_charlm_train(b2, 1, &st), "train without text");
        CHECK(b2->step == k, "loaded step %ld", b2->step);
        CHECK(rnn_charlm_set_text(b2, text, len, 0) == RNN_OK, "set_text: %s", rnn_last_error());
        rnn_charlm_train(b2, k, &st);
        unsigned char *fa = save(a, &la), *f2 = save(b2, &lb2);
        CHECK(la == lb2 && memcmp(fa, f2, (size_t)la) == 0, "%s: resumed model differs from the straight run",
              optim_name(kinds[oi]));
        free(fa); free(f2);
        rnn_charlm_free(a); rnn_charlm_free(b2);
    }
}

// ------------------------------------------------------------- golden

// The same run as the Node golden test (tests/node/charlm.test.mjs): the
// native float build may differ from WASM in the last bits, so this string is
// the native one.
#define GOLDEN_BPC 2.5127144
#define GOLDEN_SAMPLE "11=1\n93-14=13\n\n9+-4=11\n94-14=13\n94+14=13"

static void test_golden(void) {
    long len;
    char *text = corpus(RNN_CORPUS_ARITHMETIC, 1, 20000, &len);
    CHECK(text != NULL, "corpus");
    if (!text) return;
    const rnn_charlm_config cfg = small_cfg(32, 16, 4, 1);
    rnn_charlm *m;
    CHECK(rnn_charlm_create(&m, &cfg, text, len) == RNN_OK, "%s", rnn_last_error());
    if (m) {
        rnn_train_stats st;
        rnn_charlm_train(m, 300, &st);
        char out[256];
        CHECK(greedy(m, "12+", 40, out, sizeof out) == RNN_OK, "%s", rnn_last_error());
        printf("golden sample: \"");
        for (const char *p = out; *p; p++) printf(*p == '\n' ? "\\n" : "%c", *p);
        printf("\"\n");
        CHECK(strcmp(out, GOLDEN_SAMPLE) == 0, "greedy sample differs from the golden string");
        // the greedy string only sees the argmax; the score of a fixed text sees every probability
        double bpc = NAN;
        long chars = 0;
        rnn_charlm_eval_text(m, text, 3000, &bpc, &chars);
        printf("golden score: %.7f bpc over %ld chars, training loss %.7f nats\n", bpc, chars, st.loss);
        CHECK(fabs(bpc - GOLDEN_BPC) < 1e-5, "score of the first 3000 bytes %.7f, golden %.7f", bpc, GOLDEN_BPC);
        int digits = 0, eq = 0, op = 0;
        for (const char *p = out; *p; p++) { digits += *p >= '0' && *p <= '9'; eq += *p == '='; op += *p == '+' || *p == '-'; }
        CHECK(strlen(out) == 40 && digits >= 10 && eq >= 2 && op >= 2, "golden sample is trivial: \"%s\"", out);
        // greedy ignores temperature and seed
        rnn_sample_opts o = {"12+", 3, 40, 0.3f, 99, 1, 0};
        char out2[256];
        long n2;
        rnn_charlm_sample(m, &o, out2, sizeof out2, &n2, NULL, NULL);
        CHECK(strcmp(out, out2) == 0, "greedy sample depends on temperature/seed");
        rnn_charlm_free(m);
    }
    free(text);
}

// ------------------------------------------------------------- evaluation and learning

static void test_eval(const char *text, long len) {
    const rnn_charlm_config cfg = small_cfg(16, 8, 2, 41);
    rnn_charlm *m;
    if (rnn_charlm_create(&m, &cfg, text, len)) { CHECK(0, "%s", rnn_last_error()); return; }
    rnn_train_stats st;
    rnn_charlm_train(m, 5, &st);
    double bpc = NAN;
    CHECK(rnn_charlm_validate(m, &bpc) == RNN_OK && isfinite(bpc) && bpc > 0 && bpc < 10, "validate: bpc %g (%s)", bpc,
          rnn_last_error());
    long chars = 0;
    CHECK(rnn_charlm_eval_text(m, "12+3=15\n7-2=5\n", 14, &bpc, &chars) == RNN_OK && isfinite(bpc) && chars == 13,
          "eval_text: bpc %g chars %ld (%s)", bpc, chars, rnn_last_error());
    CHECK(m->vocab.unk == -1, "arithmetic corpus has an unknown symbol");
    EXPECT_STATUS(RNN_E_DATA, rnn_charlm_eval_text(m, "12+3=1\xC3\xA7\n", 9, &bpc, &chars), "eval of a char outside the vocabulary");
    EXPECT_STATUS(RNN_E_DATA, rnn_charlm_eval_text(m, "12+3=Q5", 7, &bpc, &chars), "eval of 'Q'");
    EXPECT_STATUS(RNN_E_UTF8, rnn_charlm_eval_text(m, "12\xFF", 3, &bpc, &chars), "eval of invalid UTF-8");
    EXPECT_STATUS(RNN_E_DATA, rnn_charlm_set_text(m, "12+3=Q5", 7, 0), "set_text with a char outside the vocabulary");
    // sampling arguments
    char out[64];
    long n;
    rnn_sample_opts o = {"1", 1, 10, 0.0f, 1, 0, 0};
    EXPECT_STATUS(RNN_E_ARG, rnn_charlm_sample(m, &o, out, sizeof out, &n, NULL, NULL), "temperature 0");
    o.temperature = 1.0f;
    o.length = 100;
    EXPECT_STATUS(RNN_E_ARG, rnn_charlm_sample(m, &o, out, sizeof out, &n, NULL, NULL), "output buffer too small");
    rnn_charlm_free(m);

    // no validation split: NaN, not an error
    rnn_charlm_config c0 = cfg;
    c0.val_fraction = 0.0f;
    if (rnn_charlm_create(&m, &c0, text, len) == RNN_OK) {
        CHECK(rnn_charlm_validate(m, &bpc) == RNN_OK && isnan(bpc), "no validation split: bpc %g", bpc);
        rnn_charlm_free(m);
    }
}

static void test_learns(void) {
    long len;
    char *text = corpus(RNN_CORPUS_ARITHMETIC, 2, 60000, &len);
    if (!text) { CHECK(0, "corpus"); return; }
    const rnn_charlm_config cfg = small_cfg(64, 32, 8, 3);
    rnn_charlm *m;
    if (rnn_charlm_create(&m, &cfg, text, len)) { CHECK(0, "%s", rnn_last_error()); free(text); return; }
    double before, after;
    rnn_charlm_validate(m, &before);
    rnn_train_stats st;
    rnn_charlm_train(m, 300, &st);
    rnn_charlm_validate(m, &after);
    printf("learning: unigram entropy %.3f bits, validation %.3f -> %.3f bpc after %ld steps (last loss %.3f bpc)\n",
           m->unigram_bits, before, after, st.step, st.loss / log(2.0));
    CHECK(isfinite(m->unigram_bits) && m->unigram_bits > 2.5 && m->unigram_bits < 4.5, "unigram entropy %g",
          m->unigram_bits);
    CHECK(after < m->unigram_bits - 0.75, "validation %.3f bpc not clearly below the unigram %.3f", after,
          m->unigram_bits);
    CHECK(after < before, "validation did not improve (%g -> %g)", before, after);
    rnn_charlm_free(m);
    free(text);
}

int main(void) {
    long len;
    char *text = corpus(RNN_CORPUS_ARITHMETIC, 9, 12000, &len);
    if (!text) return 1;
    test_utf8_valid();
    test_utf8_invalid();
    test_vocab();
    test_create_errors();
    test_determinism(text, len);
    test_resume(text, len);
    test_golden();
    test_eval(text, len);
    test_learns();
    free(text);
    return check_report();
}
