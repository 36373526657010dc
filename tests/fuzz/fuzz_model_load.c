// fuzz_model_load.c - libFuzzer target: the model-file loader, then what a
// loaded model is used for (attach a text keeping the stream cursors, train,
// save, load back). The harness rewrites the checksum so that mutations reach
// the field checks behind it (the checksum itself is covered by test_io.c).
// Invariants: no crash, no sanitizer report, a refusal always has a reason,
// and a model that loaded and trained saves a file that loads again.
#include "rnn.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(const char *what) {
    fprintf(stderr, "invariant broken: %s (%s)\n", what, rnn_last_error());
    abort(); // the fuzzer reports it as a crash
}

static uint32_t fnv1a(const unsigned char *p, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
    return h;
}

// A text made of the model's own symbols, long enough for its B streams of T+1
// characters once the validation tail is taken off.
static char *text_for(const rnn_charlm *m, long *len) {
    const int symbols = m->vocab.unk >= 0 ? m->V - 1 : m->V;
    const long chars = (long)m->B * (m->T + 1) * 2 + 64;
    char *t = malloc((size_t)chars * 4);
    if (!t || symbols < 1) { free(t); return NULL; }
    long n = 0;
    for (long i = 0; i < chars; i++) n += utf8_encode(m->vocab.cp[(i * 7 + i / 3) % symbols], t + n);
    *len = n;
    return t;
}

static void exercise(rnn_charlm *m) {
    if ((long)m->B * (m->T + 1) > 8192 || m->H > 64) return; // keep every run fast
    long len;
    char *text = text_for(m, &len);
    if (!text) return;
    if (rnn_charlm_set_text(m, text, len, 0) == RNN_OK) {
        rnn_train_stats st;
        if (rnn_charlm_train(m, 2, &st) != RNN_OK && !rnn_last_error()[0]) fail("train refused without a reason");
        const long n = rnn_model_file_size(m);
        unsigned char *f = malloc((size_t)n);
        if (f && rnn_model_save(m, f, n) == RNN_OK) {
            rnn_charlm *back = NULL;
            if (rnn_model_load(&back, f, n) != RNN_OK) fail("a trained model saved a file the loader rejects");
            rnn_charlm_free(back);
        }
        free(f);
    } else if (!rnn_last_error()[0]) fail("set_text refused without a reason");
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    unsigned char *buf = malloc(size ? size : 1); // exact size: ASan sees any over-read
    if (!buf) return 0;
    memcpy(buf, data, size);
    if (size >= 8) {
        const uint32_t h = fnv1a(buf, size - 4);
        for (int i = 0; i < 4; i++) buf[size - 4 + i] = (unsigned char)(h >> (8 * i));
    }
    rnn_charlm *m = NULL;
    rnn_fail(RNN_E_STATE, "%s", "");
    const rnn_status st = rnn_model_load(&m, buf, (long)size);
    if (st != RNN_OK && (m != NULL || !rnn_last_error()[0])) fail("refusal without a reason or with a model");
    if (st == RNN_OK) exercise(m);
    rnn_charlm_free(m);
    free(buf);
    return 0;
}
