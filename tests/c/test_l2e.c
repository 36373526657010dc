// test_l2e.c - unit tests for the learning-to-execute generator (src/data/l2e.c)
// and the curricula (src/data/curriculum.c). Every CHECK can fail; the exit
// code is 1 on any failure, 0 when all pass.
// Program outputs are checked against the real Python in tests/l2e/check_programs.py.
#include "data/curriculum.h"
#include "data/l2e.h"
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "check.h"


// Pearson chi-square of observed counts against expected probabilities.
static double chi_square(const long *observed, const double *prob, int k, long n) {
    double chi = 0.0;
    for (int i = 0; i < k; i++) {
        double e = prob[i] * (double)n;
        chi += (observed[i] - e) * (observed[i] - e) / e;
    }
    return chi;
}

// ------------------------------------------------------------ curriculum

static void test_naive_order(void) {
    cur_state c;
    CHECK(cur_init(&c, CUR_NAIVE, 3, 2) == RNN_OK, "%s", rnn_last_error());
    CHECK(c.length == 1 && c.nesting == 1, "start (%d,%d)", c.length, c.nesting);
    // validation accuracy above threshold every time: length first, then nesting
    static const int expect[5][2] = {{2, 1}, {3, 1}, {1, 2}, {2, 2}, {3, 2}};
    for (int i = 0; i < 5; i++) {
        int moved = cur_update(&c, 0.99f, 0.5f);
        CHECK(moved == 1, "step %d did not advance", i);
        CHECK(c.length == expect[i][0] && c.nesting == expect[i][1], "step %d: (%d,%d), want (%d,%d)", i, c.length,
              c.nesting, expect[i][0], expect[i][1]);
    }
    CHECK(cur_at_target(&c), "not at target after 5 advances");
    CHECK(cur_update(&c, 0.99f, 0.5f) == 0, "advanced past the target");
    CHECK(c.length == 3 && c.nesting == 2 && c.stalls_at_target == 1, "(%d,%d) stalls %d", c.length, c.nesting,
          c.stalls_at_target);
    CHECK(c.advances == 5, "advances %d", c.advances);
    int L, N;
    cur_draw(&c, NULL, &L, &N);
    CHECK(L == 3 && N == 2, "naive draw (%d,%d)", L, N);
}

static void test_threshold_is_strict(void) {
    cur_state c;
    cur_init(&c, CUR_NAIVE, 4, 2);
    CHECK(cur_update(&c, c.threshold, 0.1f) == 0, "val acc equal to the threshold advanced");
    CHECK(cur_update(&c, 0.951f, 0.2f) == 1, "val acc 0.951 did not advance");
}

static void test_plateau(void) {
    cur_state c;
    cur_init(&c, CUR_NAIVE, 4, 2);
    // improving training accuracy never advances
    for (int i = 0; i < 20; i++) CHECK(cur_update(&c, 0.1f, 0.01f * (float)(i + 1)) == 0, "advanced while improving (%d)", i);
    CHECK(c.length == 1, "length %d", c.length);
    // now flat below the best (0.2 minus rounding): the 5th evaluation without a new best advances, not earlier
    float flat[5] = {0.19f, 0.18f, 0.19f, 0.15f, 0.19f};
    for (int i = 0; i < 4; i++) CHECK(cur_update(&c, 0.1f, flat[i]) == 0, "advanced after %d flat evaluations", i + 1);
    CHECK(cur_update(&c, 0.1f, flat[4]) == 1, "no advance after 5 flat evaluations");
    CHECK(c.length == 2 && c.nesting == 1, "(%d,%d)", c.length, c.nesting);
    CHECK(c.since_best == 0 && c.best_train_acc < 0.0f, "plateau watch not reset");
    // at the new level a low accuracy is a new best (fresh watch), so no immediate advance
    CHECK(cur_update(&c, 0.1f, 0.05f) == 0, "advanced right after a level change");
    // a smaller patience is honoured
    c.patience = 2;
    CHECK(cur_update(&c, 0.1f, 0.05f) == 0, "patience 2: first flat advanced");
    CHECK(cur_update(&c, 0.1f, 0.04f) == 1, "patience 2: second flat did not advance");
}

static void test_baseline(void) {
    cur_state c;
    rnn_rng rng;
    rnn_rng_seed(&rng, 3);
    cur_init(&c, CUR_BASELINE, 6, 3);
    int ok = 1;
    for (int i = 0; i < 1000; i++) {
        int L, N;
        cur_draw(&c, &rng, &L, &N);
        ok &= L == 6 && N == 3;
    }
    CHECK(ok, "baseline drew a level other than the target");
    // the current level still moves (validation uses it), draws stay at the target
    cur_update(&c, 0.99f, 0.5f);
    int L, N;
    cur_draw(&c, &rng, &L, &N);
    CHECK(c.length == 2 && L == 6 && N == 3, "baseline after advance: cur %d draw (%d,%d)", c.length, L, N);
}

static void test_mix_distribution(void) {
    enum { TL = 6, TN = 4, DRAWS = 120000 };
    cur_state c;
    rnn_rng rng;
    rnn_rng_seed(&rng, 11);
    cur_init(&c, CUR_MIX, TL, TN);
    cur_update(&c, 0.99f, 0.5f); // current level must not matter for mix
    long cells[TL * TN] = {0};
    int in_range = 1;
    for (int i = 0; i < DRAWS; i++) {
        int L, N;
        cur_draw(&c, &rng, &L, &N);
        if (L < 1 || L > TL || N < 1 || N > TN) in_range = 0;
        else cells[(L - 1) * TN + (N - 1)]++;
    }
    CHECK(in_range, "mix drew outside [1,L*]x[1,N*]");
    double prob[TL * TN];
    for (int i = 0; i < TL * TN; i++) prob[i] = 1.0 / (TL * TN);
    double chi = chi_square(cells, prob, TL * TN, DRAWS);
    // 23 degrees of freedom: p = 0.001 at 49.7; generous bound 80
    printf("mix: chi-square over %d (length, nesting) cells = %.1f (df 23)\n", TL * TN, chi);
    CHECK(chi < 80.0, "mix joint distribution not uniform: chi-square %.1f", chi);
}

static void test_combined_distribution(void) {
    enum { TL = 6, TN = 4, DRAWS = 120000 };
    cur_state c;
    rnn_rng rng;
    rnn_rng_seed(&rng, 12);
    cur_init(&c, CUR_COMBINED, TL, TN);
    cur_update(&c, 0.99f, 0.5f); // current level (2, 1)
    long cells[TL * TN] = {0};
    for (int i = 0; i < DRAWS; i++) {
        int L, N;
        cur_draw(&c, &rng, &L, &N);
        if (L >= 1 && L <= TL && N >= 1 && N <= TN) cells[(L - 1) * TN + (N - 1)]++;
    }
    // P(cell) = 1/5 * 1/24 for every cell, plus 4/5 on the current level
    double prob[TL * TN];
    for (int i = 0; i < TL * TN; i++) prob[i] = 0.2 / (TL * TN);
    int cur = (2 - 1) * TN + (1 - 1);
    prob[cur] += 0.8;
    double frac = (double)cells[cur] / DRAWS;
    double chi = chi_square(cells, prob, TL * TN, DRAWS);
    printf("combined: current level share %.4f (expect %.4f), chi-square %.1f (df 23)\n", frac, prob[cur], chi);
    CHECK(fabs(frac - prob[cur]) < 0.01, "combined current-level share %.4f", frac);
    CHECK(chi < 80.0, "combined distribution off: chi-square %.1f", chi);
}

static void test_cur_args_and_names(void) {
    cur_state c;
    CHECK(cur_init(&c, CUR_NAIVE, 0, 1) == RNN_E_ARG, "length 0 accepted");
    CHECK(cur_init(&c, CUR_NAIVE, 1, 0) == RNN_E_ARG, "nesting 0 accepted");
    CHECK(cur_init(&c, CUR_NAIVE, CUR_MAX_LEVEL + 1, 1) == RNN_E_ARG, "length too large accepted");
    CHECK(cur_init(&c, (cur_strategy)7, 1, 1) == RNN_E_ARG, "strategy 7 accepted");
    CHECK(cur_init(NULL, CUR_MIX, 1, 1) == RNN_E_ARG, "NULL state accepted");
    CHECK(strlen(rnn_last_error()) > 0, "no reason recorded");
    static const char *names[4] = {"baseline", "naive", "mix", "combined"};
    for (int i = 0; i < 4; i++) {
        CHECK(strcmp(cur_name((cur_strategy)i), names[i]) == 0, "cur_name(%d) = %s", i, cur_name((cur_strategy)i));
        CHECK(cur_parse(names[i]) == i, "cur_parse(%s)", names[i]);
    }
    CHECK(cur_parse("blend") == -1 && cur_parse("") == -1 && cur_parse(NULL) == -1, "unknown names parsed");
}

// ------------------------------------------------------------ generator

static int same_sample(const l2e_sample *a, const l2e_sample *b) {
    return strcmp(a->input, b->input) == 0 && strcmp(a->target, b->target) == 0 && a->ops == b->ops;
}

// Adjacent seeds of rng.h's SplitMix64 are the same stream shifted by one draw
// (rnn_rng_seed does not hash the seed), and rejection sampling resynchronises
// them, so seeds 2024 and 2025 give nearly the same samples; compare distant seeds.
static void test_determinism(void) {
    rnn_rng r1, r2, r3;
    rnn_rng_seed(&r1, 2024);
    rnn_rng_seed(&r2, 2024);
    rnn_rng_seed(&r3, 987654321);
    int same = 1, differ = 0;
    for (int i = 0; i < 200; i++) {
        l2e_sample a, b, c;
        int L = 1 + i % 9, N = 1 + i % 6;
        l2e_generate(&a, L2E_PROGRAM, L, N, (l2e_split)(i % 3), &r1);
        l2e_generate(&b, L2E_PROGRAM, L, N, (l2e_split)(i % 3), &r2);
        l2e_generate(&c, L2E_PROGRAM, L, N, (l2e_split)(i % 3), &r3);
        same &= same_sample(&a, &b);
        differ += !same_sample(&a, &c);
    }
    CHECK(same, "same seed gave different samples");
    CHECK(differ > 150, "another seed gave mostly the same samples (%d/200 differ)", differ);
}

// Golden sample (the usage example in l2e.h): pins the order in which the
// generator consumes random numbers, so a seed in a saved experiment or URL
// keeps giving the same data. Changing the draw order must update this on purpose.
static void test_golden(void) {
    rnn_rng rng;
    rnn_rng_seed(&rng, 43);
    l2e_sample s;
    rnn_status st = l2e_generate(&s, L2E_PROGRAM, 4, 2, L2E_SPLIT_TRAIN, &rng);
    CHECK(st == RNN_OK && strcmp(s.input, "d=5544;#print(((d+8010) if 1149<6986 else 6561))@") == 0 &&
              strcmp(s.target, "13554.") == 0,
          "golden sample changed: %s -> %s", s.input, s.target);
    CHECK(s.op_seq[0] == L2E_OP_VAR && s.op_seq[1] == L2E_OP_IF && l2e_op_count(s.ops, L2E_OP_IF) == 1, "golden ops");
}

static void test_arg_validation(void) {
    rnn_rng rng;
    rnn_rng_seed(&rng, 1);
    l2e_sample s;
    struct { l2e_task task; int L, N, split; } bad[] = {
        {L2E_PROGRAM, 0, 1, -1},  {L2E_PROGRAM, 10, 1, -1}, {L2E_PROGRAM, 1, 0, -1}, {L2E_PROGRAM, 1, 7, -1},
        {L2E_PROGRAM, 1, 1, 3},   {L2E_PROGRAM, 1, 1, -2},  {L2E_ADDITION, 0, 1, -1}, {L2E_ADDITION, 10, 1, -1},
        {L2E_COPY, 0, 1, -1},     {L2E_COPY, L2E_MAX_COPY_LENGTH + 1, 1, -1},      {(l2e_task)3, 1, 1, -1},
        {(l2e_task)-1, 1, 1, -1},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        rnn_status st = l2e_generate(&s, bad[i].task, bad[i].L, bad[i].N, (l2e_split)bad[i].split, &rng);
        CHECK(st == RNN_E_ARG, "case %d (task %d L %d N %d split %d) gave %d", (int)i, (int)bad[i].task, bad[i].L,
              bad[i].N, bad[i].split, (int)st);
    }
    CHECK(strstr(rnn_last_error(), "task") != NULL, "reason: %s", rnn_last_error());
    CHECK(l2e_generate(NULL, L2E_PROGRAM, 1, 1, L2E_SPLIT_ANY, &rng) == RNN_E_ARG, "NULL sample accepted");
    CHECK(l2e_generate(&s, L2E_PROGRAM, 1, 1, L2E_SPLIT_ANY, NULL) == RNN_E_ARG, "NULL rng accepted");
    // the extremes are accepted; nesting is ignored for addition and copy
    CHECK(l2e_generate(&s, L2E_PROGRAM, 9, 6, L2E_SPLIT_TEST, &rng) == RNN_OK, "%s", rnn_last_error());
    CHECK(l2e_generate(&s, L2E_ADDITION, 9, 99, L2E_SPLIT_VAL, &rng) == RNN_OK, "%s", rnn_last_error());
    CHECK(l2e_generate(&s, L2E_COPY, L2E_MAX_COPY_LENGTH, 0, L2E_SPLIT_TRAIN, &rng) == RNN_OK, "%s",
          rnn_last_error());
    CHECK(s.nesting == 1 && s.target_len == L2E_MAX_COPY_LENGTH + 1, "copy 30: nesting %d target_len %d", s.nesting,
          s.target_len);
}

static void test_pretty(void) {
    const char *in = "c=761112#for x in range(17):c-=30452#d=c;#print((d+579716))@";
    const char *want = "c=761112\nfor x in range(17): c-=30452\nd=c\nprint((d+579716))";
    char out[L2E_MAX_PRETTY];
    int n = l2e_pretty(in, out, (int)sizeof out);
    CHECK(n == (int)strlen(want) && strcmp(out, want) == 0, "pretty gave [%s] (%d)", out, n);
    // exact fit and one byte short
    CHECK(l2e_pretty(in, out, (int)strlen(want) + 1) == (int)strlen(want), "exact cap refused");
    CHECK(l2e_pretty(in, out, (int)strlen(want)) == -1, "short cap accepted");
    CHECK(l2e_pretty(in, out, 0) == -1 && l2e_pretty(NULL, out, 10) == -1, "bad args accepted");
    n = l2e_pretty("0731@", out, (int)sizeof out);
    CHECK(n == 4 && strcmp(out, "0731") == 0, "copy pretty [%s]", out);
    // the worst case of the largest programs always fits L2E_MAX_PRETTY
    rnn_rng rng;
    rnn_rng_seed(&rng, 77);
    int fits = 1;
    for (int i = 0; i < 2000; i++) {
        l2e_sample s;
        l2e_generate(&s, L2E_PROGRAM, 9, 6, L2E_SPLIT_ANY, &rng);
        fits &= l2e_pretty(s.input, out, (int)sizeof out) > 0;
    }
    CHECK(fits, "a pretty program did not fit L2E_MAX_PRETTY");
}

static void test_vocab_and_hash(void) {
    const char *v = l2e_vocab();
    CHECK((int)strlen(v) == L2E_VOCAB_SIZE && L2E_VOCAB_SIZE == 42, "vocab size %d", (int)strlen(v));
    CHECK(v[0] == ' ', "space is not first");
    int unique = 1;
    for (int i = 0; i < 42; i++)
        for (int j = i + 1; j < 42; j++) unique &= v[i] != v[j];
    CHECK(unique, "vocab has duplicates");
    CHECK(strcmp(v, " #()*+-.:;<=>@0123456789abcdefghijlnoprstx") == 0, "vocab order changed: %s", v);
    CHECK(l2e_vocab_index(' ') == 0 && l2e_vocab_index('x') == 41 && l2e_vocab_index('k') == -1 &&
              l2e_vocab_index('\0') == -1,
          "vocab_index");
    // FNV-1a 32 reference vectors
    CHECK(l2e_hash("", 0) == 2166136261u, "hash('') = %u", l2e_hash("", 0));
    CHECK(l2e_hash("a", 1) == 0xe40c292cu, "hash('a') = %x", l2e_hash("a", 1));
    CHECK(l2e_hash("foobar", 6) == 0xbf9cf968u, "hash('foobar') = %x", l2e_hash("foobar", 6));
    CHECK(l2e_split_of("foobar", 6) == 0xbf9cf968u % 3u, "split_of");
}

// Checks the shape of one sample; returns 1 when everything holds.
static int sample_ok(const l2e_sample *s, int task, int split, char *why, size_t whylen) {
    if ((int)strlen(s->input) != s->input_len || (int)strlen(s->target) != s->target_len)
        return snprintf(why, whylen, "len fields wrong"), 0;
    if (s->input_len < 2 || s->input[s->input_len - 1] != '@') return snprintf(why, whylen, "no final @"), 0;
    if (strchr(s->input, '@') != s->input + s->input_len - 1) return snprintf(why, whylen, "@ inside"), 0;
    for (int i = 0; i < s->input_len; i++)
        if (l2e_vocab_index(s->input[i]) < 0 || s->input[i] == '.')
            return snprintf(why, whylen, "input char '%c'", s->input[i]), 0;
    if (s->target_len < 2 || s->target[s->target_len - 1] != '.') return snprintf(why, whylen, "no final ."), 0;
    for (int i = 0; i < s->target_len - 1; i++) {
        char c = s->target[i];
        if (!((c >= '0' && c <= '9') || (c == '-' && i == 0))) return snprintf(why, whylen, "target char '%c'", c), 0;
    }
    if ((int)l2e_split_of(s->input, s->input_len) != s->split) return snprintf(why, whylen, "split field"), 0;
    if (split >= 0 && s->split != split) return snprintf(why, whylen, "wrong split %d", s->split), 0;
    if (task == L2E_PROGRAM) {
        int total = 0;
        for (int k = 0; k < L2E_OP_COUNT; k++) total += l2e_op_count(s->ops, (l2e_op)k);
        if (total != s->nesting) return snprintf(why, whylen, "op counts %d != nesting %d", total, s->nesting), 0;
    }
    return 1;
}

static void test_sample_shapes(void) {
    rnn_rng rng;
    rnn_rng_seed(&rng, 5);
    int bad = 0, used[128] = {0};
    char why[96] = "";
    for (int task = 0; task < 3; task++) {
        int maxL = task == L2E_COPY ? L2E_MAX_COPY_LENGTH : L2E_MAX_LENGTH;
        for (int L = 1; L <= maxL; L++)
            for (int N = 1; N <= (task == L2E_PROGRAM ? L2E_MAX_NESTING : 1); N++)
                for (int i = 0; i < 60; i++) {
                    l2e_sample s;
                    int split = i % 4 - 1;
                    if (task == L2E_COPY && L == 1) split = -1; // one digit: a split may hold no string at all
                    rnn_status st = l2e_generate(&s, (l2e_task)task, L, N, (l2e_split)split, &rng);
                    if (st != RNN_OK) {
                        if (!bad++) printf("  task %d L %d N %d: %s\n", task, L, N, rnn_last_error());
                        continue;
                    }
                    if (!sample_ok(&s, task, split, why, sizeof why) && !bad++)
                        printf("  first bad sample: %s -> %s (%s)\n", s.input, s.target, why);
                    for (int k = 0; k < s.input_len; k++) used[(unsigned char)s.input[k]] = 1;
                    for (int k = 0; k < s.target_len; k++) used[(unsigned char)s.target[k]] = 1;
                }
    }
    CHECK(bad == 0, "%d malformed samples", bad);
    // every one of the 42 symbols is actually produced (nothing in the vocab is dead)
    int missing = 0;
    for (const char *v = l2e_vocab(); *v; v++) missing += !used[(unsigned char)*v];
    CHECK(missing == 0, "%d vocab symbols never produced", missing);
}

static void test_addition_and_copy(void) {
    rnn_rng rng;
    rnn_rng_seed(&rng, 9);
    int ok = 1;
    for (int L = 1; L <= 9; L++)
        for (int i = 0; i < 50; i++) {
            l2e_sample s;
            l2e_generate(&s, L2E_ADDITION, L, 1, L2E_SPLIT_ANY, &rng);
            long long a = 0, b = 0, t = 0;
            char tail[4] = "";
            int na = 0, nb = 0;
            ok &= sscanf(s.input, "print(%lld%n+%lld%n)%3s", &a, &na, &b, &nb, tail) == 3;
            ok &= sscanf(s.target, "%lld", &t) == 1 && t == a + b && strcmp(tail, "@") == 0;
            ok &= na - 6 == L && nb - na - 1 == L && s.ops == 0;
        }
    CHECK(ok, "addition samples wrong");
    ok = 1;
    for (int L = 1; L <= L2E_MAX_COPY_LENGTH; L++) {
        l2e_sample s;
        l2e_generate(&s, L2E_COPY, L, 1, L2E_SPLIT_ANY, &rng);
        ok &= s.input_len == L + 1 && s.target_len == L + 1 && strncmp(s.input, s.target, (size_t)L) == 0;
        ok &= strspn(s.input, "0123456789") == (size_t)L;
    }
    CHECK(ok, "copy samples wrong");
    // one-digit copy strings: 10 inputs only; every split request ends (OK or RNN_E_DATA), none hangs
    for (int sp = 0; sp < 3; sp++) {
        l2e_sample s;
        rnn_status st = l2e_generate(&s, L2E_COPY, 1, 1, (l2e_split)sp, &rng);
        CHECK(st == RNN_OK || st == RNN_E_DATA, "copy L=1 split %d: %d", sp, (int)st);
        if (st == RNN_OK) CHECK(s.split == sp, "copy L=1 split %d gave %d", sp, s.split);
    }
}

static double mean_input_length(int L, int N, int count, int *max_len) {
    rnn_rng rng;
    rnn_rng_seed(&rng, 1000u + (unsigned)(L * 10 + N));
    double sum = 0.0;
    *max_len = 0;
    for (int i = 0; i < count; i++) {
        l2e_sample s;
        l2e_generate(&s, L2E_PROGRAM, L, N, L2E_SPLIT_TRAIN, &rng);
        sum += s.input_len;
        if (s.input_len > *max_len) *max_len = s.input_len;
    }
    return sum / count;
}

static void test_input_lengths(void) {
    int mx;
    double m63 = mean_input_length(6, 3, 20000, &mx);
    printf("mean input length L=6 N=3: %.1f characters (spec ~59), max %d\n", m63, mx);
    CHECK(m63 > 52.0 && m63 < 66.0, "L=6 N=3 mean %.1f", m63);
    double m11 = mean_input_length(1, 1, 20000, &mx);
    printf("mean input length L=1 N=1: %.1f characters (spec ~19), max %d\n", m11, mx);
    CHECK(m11 > 16.0 && m11 < 22.0, "L=1 N=1 mean %.1f", m11);
    double m96 = mean_input_length(9, 6, 20000, &mx);
    printf("mean input length L=9 N=6: %.1f characters, max %d (bound 276, buffer %d)\n", m96, mx, L2E_MAX_INPUT);
    CHECK(mx <= 276, "L=9 N=6 input of %d characters exceeds the documented bound", mx);
}

static void test_op_frequencies(void) {
    rnn_rng rng;
    rnn_rng_seed(&rng, 31);
    long counts[L2E_OP_COUNT] = {0}, total = 0;
    for (int i = 0; i < 20000; i++) {
        l2e_sample s;
        l2e_generate(&s, L2E_PROGRAM, 1 + i % 9, 1 + i % 6, L2E_SPLIT_ANY, &rng);
        for (int k = 0; k < s.nesting; k++) counts[s.op_seq[k]]++;
        total += s.nesting;
    }
    double prob[L2E_OP_COUNT];
    for (int k = 0; k < L2E_OP_COUNT; k++) prob[k] = 1.0 / L2E_OP_COUNT;
    double chi = chi_square(counts, prob, L2E_OP_COUNT, total);
    printf("op shares:");
    for (int k = 0; k < L2E_OP_COUNT; k++) printf(" %s %.3f", l2e_op_name((l2e_op)k), (double)counts[k] / total);
    printf(" (chi-square %.1f, df 5)\n", chi);
    CHECK(chi < 25.0, "operations not uniform: chi-square %.1f", chi);
}

int main(void) {
    test_naive_order();
    test_threshold_is_strict();
    test_plateau();
    test_baseline();
    test_mix_distribution();
    test_combined_distribution();
    test_cur_args_and_names();
    test_determinism();
    test_golden();
    test_arg_validation();
    test_pretty();
    test_vocab_and_hash();
    test_sample_shapes();
    test_addition_and_copy();
    test_input_lengths();
    test_op_frequencies();
    return check_report();
}
