// fuzz_text_tasks.c - libFuzzer target: the parsers of user text in the task
// code (docs/tasks.md): the review tokenizer (a student types a review into the
// sentiment widget) and the n-gram reference line of two texts (`rnn ngram`,
// the playground's KN line). The first byte picks the n-gram order and where
// the input splits into the training and the measured text.
// Invariants: no crash, no sanitizer report; the tokenizer's words lie inside
// the text, in order, without overlap, with ids in [-1, REVIEWS_VOCAB); the
// n-gram line, when computed, is finite and non-negative, over a vocabulary
// within RNN_VOCAB_MAX and at most as many characters as the text has bytes.
#include "data/reviews.h"
#include "data/vocab.h"
#include "models/ngram_text.h"
#include "rnn.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(const char *what) {
    fprintf(stderr, "invariant broken: %s (%s)\n", what, rnn_last_error());
    abort();
}

static void check_tokens(const char *text, long len) {
    enum { CAP = 64 };
    int ids[CAP], starts[CAP], lens[CAP], count = -1;
    if (reviews_tokenize(text, len, ids, starts, lens, CAP, &count) != RNN_OK) return;
    if (count < 0 || count > CAP) fail("word count outside [0, cap]");
    long end = 0;
    for (int i = 0; i < count; i++) {
        if (ids[i] < -1 || ids[i] >= REVIEWS_VOCAB) fail("word id outside [-1, REVIEWS_VOCAB)");
        if (lens[i] <= 0 || starts[i] < end || (long)starts[i] + lens[i] > len) fail("word outside the text or overlapping");
        end = (long)starts[i] + lens[i];
    }
}

static void check_ngram(const char *train, long ntrain, const char *data, long ndata, int order) {
    double bpc = -1;
    long chars = -1;
    int vocab = -1;
    if (ngram_text_bits(train, ntrain, data, ndata, order, &bpc, &chars, &vocab) != RNN_OK) return;
    if (vocab < 1 || vocab > RNN_VOCAB_MAX) fail("vocabulary outside [1, RNN_VOCAB_MAX]");
    if (chars < 1 || chars > ndata) fail("measured characters outside [1, bytes of data]");
    if (!isfinite(bpc) || bpc < 0) fail("bits per character not finite and >= 0");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1 || size > (1u << 20)) return 0;
    const int order = 1 + data[0] % 6;
    const long len = (long)size - 1;
    char *text = malloc((size_t)(len ? len : 1));
    if (!text) return 0;
    memcpy(text, data + 1, (size_t)len);
    check_tokens(text, len);
    const long cut = len ? (long)(data[0] * 7919u % (unsigned)(len + 1)) : 0; // anywhere, even inside a character
    check_ngram(text, cut, text + cut, len - cut, order);
    free(text);
    return 0;
}
