// test_tasks.c - the Kneser-Ney n-gram model (src/models/ngram.c, ngram_text.c)
// and the widgets' task generators (src/data/reviews.c, ball.c,
// memory_task.c). Every CHECK can fail; the exit code is 1 on any failure.
// Runs under ASan + UBSan + LeakSanitizer (everything is freed).
// The n-gram figures on real text are checked against the independent
// Python reference by tests/node/tasks.test.mjs.
#include "data/ball.h"
#include "data/memory_task.h"
#include "data/reviews.h"
#include "models/ngram.h"
#include "models/ngram_text.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

// ------------------------------------------------------------- n-gram

// Order 1 on [0, 0, 1], V = 2, by hand: c(0) = 2, c(1) = 1, S = 3, T = 2,
// n1 = n2 = 1 so D = 1/3; P(0) = (2 - 1/3)/3 + (1/3)(2/3)(1/2) = 2/3, P(1) = 1/3.
static void test_ngram_by_hand(void) {
    const int tok[] = {0, 0, 1};
    ngram *m = NULL;
    CHECK(ngram_create(&m, tok, 3, 2, 1) == RNN_OK, "%s", rnn_last_error());
    if (!m) return;
    CHECK(fabs(ngram_discount(m, 1) - 1.0 / 3.0) < 1e-12, "D1 %g", ngram_discount(m, 1));
    CHECK(fabs(ngram_prob(m, NULL, 0, 0) - 2.0 / 3.0) < 1e-12, "P(0) %.15g", ngram_prob(m, NULL, 0, 0));
    CHECK(fabs(ngram_prob(m, NULL, 0, 1) - 1.0 / 3.0) < 1e-12, "P(1) %.15g", ngram_prob(m, NULL, 0, 1));
    double bits = 0;
    CHECK(ngram_bits(m, tok, 3, &bits) == RNN_OK, "%s", rnn_last_error());
    const double want = -(2 * log2(2.0 / 3.0) + log2(1.0 / 3.0));
    CHECK(fabs(bits - want) < 1e-9, "bits %.12g want %.12g", bits, want);
    ngram_free(m);
}

// Order 2 on "abab" (a=0, b=1, c=2 never seen), by hand: the top order uses
// raw counts c(ab) = 2, c(ba) = 1; order 1 continuation counts N1+(.b) = 1,
// N1+(.a) = 1 (the first a has nothing before it), so S_1 = 2, T_1 = 2;
// n1 = 2, n2 = 0 -> D_1 = 0.5; top: n1 = 1 (ba), n2 = 1 (ab) -> D_2 = 1/3.
// P_1(b) = (1 - .5)/2 + .5*2/2*(1/3) = 5/12; P_1(c) = 1/6.
// P_2(b | a) = (2 - 1/3)/2 + (1/3)(1/2) P_1(b) = 5/6 + 5/72.
static void test_ngram_bigram_by_hand(void) {
    const int tok[] = {0, 1, 0, 1};
    ngram *m = NULL;
    CHECK(ngram_create(&m, tok, 4, 3, 2) == RNN_OK, "%s", rnn_last_error());
    if (!m) return;
    CHECK(fabs(ngram_discount(m, 1) - 0.5) < 1e-12 && fabs(ngram_discount(m, 2) - 1.0 / 3.0) < 1e-12, "D %g %g",
          ngram_discount(m, 1), ngram_discount(m, 2));
    CHECK(fabs(ngram_prob(m, NULL, 0, 1) - 5.0 / 12.0) < 1e-12, "P1(b) %.15g", ngram_prob(m, NULL, 0, 1));
    CHECK(fabs(ngram_prob(m, NULL, 0, 2) - 1.0 / 6.0) < 1e-12, "P1(c) %.15g", ngram_prob(m, NULL, 0, 2));
    const int a = 0, c = 2;
    CHECK(fabs(ngram_prob(m, &a, 1, 1) - (5.0 / 6.0 + 5.0 / 72.0)) < 1e-12, "P2(b|a) %.15g", ngram_prob(m, &a, 1, 1));
    // an unseen context hands the lower order through
    CHECK(fabs(ngram_prob(m, &c, 1, 1) - 5.0 / 12.0) < 1e-12, "P2(b|c) %.15g", ngram_prob(m, &c, 1, 1));
    ngram_free(m);
}

// Every distribution sums to 1 (seen, partly seen and unseen contexts), for every order.
static void test_ngram_normalised(void) {
    enum { N = 4000, V = 7 };
    static int tok[N];
    rnn_rng r;
    rnn_rng_seed(&r, 3);
    for (int i = 0; i < N; i++) tok[i] = i % 3 == 0 ? (int)rnn_rng_range(&r, 0, V - 2) : (tok[i - 1] + 1) % (V - 1); // V-1 never seen
    float probs[V];
    for (int order = 1; order <= NGRAM_MAX_ORDER; order++) {
        ngram *m = NULL;
        CHECK(ngram_create(&m, tok, N, V, order) == RNN_OK, "%s", rnn_last_error());
        if (!m) continue;
        const int ctxs[4][5] = {{0, 1, 2, 3, 4}, {6, 6, 6, 6, 6}, {1, 2, 3, 4, 5}, {5, 0, 6, 1, 2}};
        double worst = 0;
        for (int c = 0; c < 4; c++)
            for (int n = 0; n <= 5; n++) {
                int best = -1;
                CHECK(ngram_predict(m, ctxs[c], n, probs, &best) == RNN_OK, "%s", rnn_last_error());
                double s = 0;
                for (int w = 0; w < V; w++) s += probs[w];
                worst = fmax(worst, fabs(s - 1.0));
                CHECK(best >= 0 && best < V && probs[best] > 0, "argmax %d", best);
                CHECK(probs[V - 1] > 0, "unseen token has probability 0");
            }
        CHECK(worst < 1e-5, "order %d: a distribution sums to 1 +- %g", order, worst);
        ngram_free(m);
    }
}

static void test_ngram_errors(void) {
    const int tok[] = {0, 1, 2};
    ngram *m = (ngram *)&m;
    CHECK(ngram_create(&m, tok, 3, 3, 0) == RNN_E_ARG && m == NULL, "order 0 accepted");
    CHECK(ngram_create(&m, tok, 3, 3, 7) == RNN_E_ARG, "order 7 accepted");
    CHECK(strstr(rnn_last_error(), "1..6") != NULL, "reason '%s' names no range", rnn_last_error());
    CHECK(ngram_create(&m, tok, 3, 2, 2) == RNN_E_ARG, "token 2 with V = 2 accepted");
    CHECK(ngram_create(&m, tok, 0, 3, 2) == RNN_E_DATA, "empty training accepted");
    CHECK(ngram_create(&m, tok, 3, 3, 3) == RNN_OK, "%s", rnn_last_error());
    double bits;
    const int bad[] = {0, 5};
    CHECK(ngram_bits(m, bad, 2, &bits) == RNN_E_ARG, "token 5 scored");
    int best;
    CHECK(ngram_predict(m, bad, 2, NULL, &best) == RNN_E_ARG, "context token 5 accepted");
    ngram_free(m);
    double bpc; long chars; int V;
    CHECK(ngram_text_bits("abc", 3, "", 0, 3, &bpc, &chars, &V) == RNN_E_DATA, "empty data accepted");
    CHECK(ngram_text_bits("ab\xff", 3, "ab", 2, 3, &bpc, &chars, &V) == RNN_E_UTF8, "invalid UTF-8 accepted");
}

// Text: code points are the symbols (accents count once), unseen ones get the floor.
static void test_ngram_text(void) {
    const char *train = "ação ação ação ação ";
    double bpc; long chars; int V;
    CHECK(ngram_text_bits(train, (long)strlen(train), "ação z", (long)strlen("ação z"), 3, &bpc, &chars, &V) == RNN_OK, "%s", rnn_last_error());
    CHECK(chars == 6 && V == 6, "chars %ld V %d (want 6, 6: a ç ã o space z)", chars, V);
    CHECK(bpc > 0 && isfinite(bpc), "bpc %g", bpc);
    double bpc2;
    CHECK(ngram_text_bits(train, (long)strlen(train), "ação ", (long)strlen("ação "), 3, &bpc2, &chars, &V) == RNN_OK, "%s", rnn_last_error());
    CHECK(bpc2 < bpc, "a seen text (%g) not cheaper than one with an unseen char (%g)", bpc2, bpc);
}

// --------------------------------------------------------- memory-gap task

// An n-gram of order n answers right when gap < n (and it saw that exact
// context: 4 cues x 4^(gap-2) distractor runs); otherwise it is at chance.
static void test_memory_ngram_window(void) {
    enum { COUNT = 6000 };
    for (int gap = 2; gap <= 6; gap++) {
        const memory_config c = {4, 4, gap};
        CHECK(memory_check(&c) == RNN_OK, "%s", rnn_last_error());
        int *seq = malloc(sizeof(int) * COUNT * (size_t)gap), *tgt = malloc(sizeof(int) * COUNT);
        int *stream = malloc(sizeof(int) * COUNT * (size_t)(gap + 1));
        rnn_rng r;
        rnn_rng_seed(&r, 11);
        long n = 0;
        int shaped = 1;
        for (int i = 0; i < COUNT; i++) {
            memory_generate(&c, &r, seq + i * gap, &tgt[i]);
            shaped &= seq[i * gap] == tgt[i] && tgt[i] < 4 && seq[i * gap + gap - 1] == 8;
            for (int t = 1; t < gap - 1; t++) shaped &= seq[i * gap + t] >= 4 && seq[i * gap + t] < 8;
            if (i >= COUNT / 2) continue; // the first half trains, the second half tests
            for (int t = 0; t < gap; t++) stream[n++] = seq[i * gap + t];
            stream[n++] = tgt[i];
        }
        CHECK(shaped, "gap %d: a sequence is not cue, distractors, ?", gap);
        for (int order = 2; order <= 6; order++) {
            ngram *m = NULL;
            CHECK(ngram_create(&m, stream, n, memory_vocab(&c), order) == RNN_OK, "%s", rnn_last_error());
            if (!m) continue;
            int right = 0;
            for (int i = COUNT / 2; i < COUNT; i++) {
                int best;
                ngram_predict(m, seq + i * gap, gap, NULL, &best);
                right += best == tgt[i];
            }
            const double acc = right / (COUNT / 2.0);
            if (gap < order) CHECK(acc > 0.97, "gap %d order %d: accuracy %.3f, want ~1", gap, order, acc);
            else CHECK(acc < 0.40, "gap %d order %d: accuracy %.3f, want chance (0.25)", gap, order, acc);
            ngram_free(m);
        }
        free(seq); free(tgt); free(stream);
    }
    const memory_config bad = {4, 4, 1};
    CHECK(memory_check(&bad) == RNN_E_ARG, "gap 1 accepted");
}

// ------------------------------------------------------------------ ball

// The direction is fixed by two frames; the last frame alone is uniform over
// the cells for every direction, so the best one-frame guess is at chance.
static void test_ball(void) {
    for (int dirs = 4; dirs <= 8; dirs += 4) {
        const ball_config c = {5, 4, dirs};
        CHECK(ball_check(&c) == RNN_OK, "%s", rnn_last_error());
        enum { COUNT = 20000, G = 5 };
        static int last_counts[G * G][8];
        memset(last_counts, 0, sizeof last_counts);
        rnn_rng r;
        rnn_rng_seed(&r, 5);
        int cells[4], label, consistent = 1, per_dir[8] = {0};
        for (int i = 0; i < COUNT; i++) {
            ball_generate(&c, &r, cells, &label);
            int dr, dc;
            ball_step(label, &dr, &dc);
            for (int t = 1; t < 4; t++) {
                const int r0 = cells[t - 1] / G, c0 = cells[t - 1] % G;
                consistent &= cells[t] == ((r0 + dr + G) % G) * G + (c0 + dc + G) % G;
            }
            per_dir[label]++;
            last_counts[cells[3]][label]++;
        }
        CHECK(consistent, "a trajectory does not follow its direction");
        // the best one-frame rule (majority label per last cell), scored on the same data: an upper bound
        long best = 0;
        for (int k = 0; k < G * G; k++) {
            int m = 0;
            for (int d = 0; d < dirs; d++) m = last_counts[k][d] > m ? last_counts[k][d] : m;
            best += m;
        }
        const double acc = (double)best / COUNT;
        CHECK(acc < 1.0 / dirs + 0.05, "%d directions: one-frame accuracy %.3f, want ~%.3f", dirs, acc, 1.0 / dirs);
        for (int d = 0; d < dirs; d++) CHECK(abs(per_dir[d] - COUNT / dirs) < COUNT / dirs / 5, "direction %d drawn %d times", d, per_dir[d]);
    }
    const ball_config bad = {2, 4, 4}, bad2 = {5, 1, 4}, bad3 = {5, 4, 6};
    CHECK(ball_check(&bad) && ball_check(&bad2) && ball_check(&bad3), "a bad ball config accepted");
}

// --------------------------------------------------------------- reviews

static void test_reviews_tokenize(void) {
    const char *lecture = "O filme \xc3\xa9 p\xc3\xa9ssimo, roteiro horr\xc3\xadvel, mas a m\xc3\xbasica \xc3\xa9 boa!";
    int ids[32], starts[32], lens[32], n = -1;
    CHECK(reviews_tokenize(lecture, (long)strlen(lecture), ids, starts, lens, 32, &n) == RNN_OK, "%s", rnn_last_error());
    const int want[] = {12, 6, 5, 13, 14, 7, 10, 1, 11, 5, 2};
    CHECK(n == 11, "%d words", n);
    for (int i = 0; i < 11 && i < n; i++) CHECK(ids[i] == want[i], "word %d: id %d want %d", i, ids[i], want[i]);
    CHECK(starts[3] == 11 && lens[3] == 8, "péssimo at %d+%d", starts[3], lens[3]);
    CHECK(reviews_label(ids, n) == -1, "the lecture's review is labelled %d, want -1", reviews_label(ids, n));
    // uppercase accents, unknown words, the contrast rule
    const char *s = "O FILME É PÉSSIMO mas a música é boa. Ruim!";
    CHECK(reviews_tokenize(s, (long)strlen(s), ids, starts, lens, 32, &n) == RNN_OK, "%s", rnn_last_error());
    CHECK(n == 10 && ids[2] == 5 && ids[3] == 13 && ids[9] == -1, "n %d ids %d %d %d", n, ids[2], ids[3], ids[9]);
    CHECK(starts[9] == (int)strlen(s) - 5 && lens[9] == 4, "unknown word at %d+%d", starts[9], lens[9]);
    CHECK(reviews_label(ids, 9) == +1, "'o filme é péssimo mas a música é boa' labelled %d, want +1", reviews_label(ids, 9));
    CHECK(reviews_tokenize(s, (long)strlen(s), ids, starts, lens, 3, &n) == RNN_E_ARG, "overflow accepted");
    CHECK(reviews_tokenize("", 0, ids, starts, lens, 3, &n) == RNN_OK && n == 0, "empty text: %d words", n);
    CHECK(reviews_tokenize("\xc3", 1, ids, starts, lens, 3, &n) == RNN_E_UTF8, "bad UTF-8 accepted");
}

// The slide's W_ax: each word of the lecture's review adds its column, and
// the sum over the review is the slide's a = [2, -1, -1] (filme, sentim.,
// gênero). The slide's named words keep the slide's column numbers.
static void test_reviews_slide(void) {
    const int words[] = {12, 6, 5, 13, 14, 7, 10, 1, 11, 5, 2};
    const int want[3] = {2, -1, -1};
    for (int row = 0; row < REVIEWS_SLIDE_ROWS; row++) {
        int a = 0;
        for (int t = 0; t < 11; t++) a += reviews_slide_weight(row, words[t]);
        CHECK(a == want[row], "row %d sums to %d over the lecture's review, want %d", row, a, want[row]);
    }
    const char *named[] = {"a", "boa", "\xc3\xa9", "filme", "horr\xc3\xadvel", "mas", "m\xc3\xbasica", "o", "p\xc3\xa9ssimo", "roteiro"};
    const int cols[] = {1, 2, 5, 6, 7, 10, 11, 12, 13, 14};
    int seen = 0;
    for (int id = 0; id < REVIEWS_VOCAB; id++) {
        const int c = reviews_slide_column(id);
        CHECK(c >= 1 && c <= 15, "word %d: column %d", id, c);
        seen |= 1 << c;
        if (!reviews_slide_named(id)) {
            for (int row = 0; row < REVIEWS_SLIDE_ROWS; row++) CHECK(reviews_slide_weight(row, id) == 0, "unnamed word %d has a weight", id);
            continue;
        }
        CHECK(reviews_slide_weight(1, id) == reviews_polarity(id), "%s: sentim. %d, polarity %d", reviews_word(id), reviews_slide_weight(1, id), reviews_polarity(id));
    }
    CHECK(seen == 0xfffe, "columns are not 1..15 once each: %x", seen);
    for (int k = 0; k < 10; k++) {
        int id = -1;
        for (int i = 0; i < REVIEWS_VOCAB; i++) if (strcmp(reviews_word(i), named[k]) == 0) id = i;
        CHECK(id >= 0 && reviews_slide_named(id) && reviews_slide_column(id) == cols[k], "%s: column %d", named[k], id >= 0 ? reviews_slide_column(id) : -1);
    }
    CHECK(reviews_slide_weight(3, 1) == 0 && reviews_slide_weight(0, 15) == 0 && reviews_slide_column(-1) == 0, "out of range");
}

static void test_reviews_generate(void) {
    enum { COUNT = 3000 };
    rnn_rng r;
    rnn_rng_seed(&r, 1);
    int pos = 0, contrast = 0, held = 0, bad = 0, agree = 1;
    for (int i = 0; i < COUNT; i++) {
        review v;
        CHECK(reviews_generate(&v, REVIEWS_ANY, &r) == RNN_OK, "%s", rnn_last_error());
        bad += v.len < 2 || v.len > REVIEWS_MAX_WORDS || (v.label != 1 && v.label != -1);
        pos += v.label > 0;
        held += reviews_split_of(v.words, v.len) == REVIEWS_HELDOUT;
        int has_mas = 0;
        for (int t = 0; t < v.len; t++) has_mas |= v.words[t] == 10;
        contrast += has_mas;
        // gender agreement: an article is followed by a noun of its gender
        for (int t = 0; t + 1 < v.len; t++)
            if (reviews_class_of(v.words[t]) == RW_ARTICLE) agree &= reviews_class_of(v.words[t + 1]) == RW_NOUN &&
                                                                     (v.words[t] == 1) == (v.words[t + 1] == 11);
    }
    CHECK(!bad, "%d malformed reviews", bad);
    CHECK(agree, "article / noun gender disagreement");
    CHECK(pos > COUNT * 4 / 10 && pos < COUNT * 6 / 10, "%d positive of %d", pos, COUNT);
    CHECK(contrast > COUNT / 3 && contrast < COUNT * 2 / 3, "%d with 'mas' of %d", contrast, COUNT);
    CHECK(held > COUNT / 10 && held < COUNT * 3 / 10, "%d held out of %d (want ~1/5)", held, COUNT);
    // a split draws only from itself; the same seed gives the same reviews
    rnn_rng a, b;
    rnn_rng_seed(&a, 9);
    rnn_rng_seed(&b, 9);
    int same = 1, in_split = 1;
    for (int i = 0; i < 200; i++) {
        review x, y;
        reviews_generate(&x, REVIEWS_HELDOUT, &a);
        reviews_generate(&y, REVIEWS_HELDOUT, &b);
        same &= x.len == y.len && memcmp(x.words, y.words, sizeof(int) * (size_t)x.len) == 0;
        in_split &= reviews_split_of(x.words, x.len) == REVIEWS_HELDOUT;
    }
    CHECK(same, "same seed, different reviews");
    CHECK(in_split, "a held-out draw is in the training split");
    review v;
    CHECK(reviews_generate(&v, (reviews_split)3, &r) == RNN_E_ARG, "split 3 accepted");
    CHECK(strcmp(reviews_word(5), "\xc3\xa9") == 0 && reviews_word(15) == NULL && reviews_word(-1) == NULL, "word table");
}

int main(void) {
    test_ngram_by_hand();
    test_ngram_bigram_by_hand();
    test_ngram_normalised();
    test_ngram_errors();
    test_ngram_text();
    test_memory_ngram_window();
    test_ball();
    test_reviews_tokenize();
    test_reviews_slide();
    test_reviews_generate();
    return check_report();
}
