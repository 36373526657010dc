// test_pairs.c - the comparison widget's random input pairs (src/data/pairs.c)
// under ASan + UBSan: values on the grid lo..hi, the label sum(a) > sum(b)
// with ties 0, determinism, bad configurations refused with a reason.
#include "data/pairs.h"
#include <math.h>
#include <string.h>
#include "check.h"

static void test_values_and_labels(void) {
    const pairs_config c = {3, 5, 0.0f, 2.0f};
    CHECK(pairs_check(&c) == RNN_OK, "%s", rnn_last_error());
    rnn_rng r;
    rnn_rng_seed(&r, 1);
    int ties = 0, ones = 0, seen[5] = {0};
    for (int i = 0; i < 4000; i++) {
        float a[3], b[3];
        int label = -1;
        pairs_generate(&c, &r, a, b, &label);
        double d = 0.0;
        for (int t = 0; t < 3; t++) {
            const float k2a = a[t] * 2.0f, k2b = b[t] * 2.0f;   // 0, 0.5, ..., 2 -> 0..4
            CHECK(k2a == floorf(k2a) && k2a >= 0 && k2a <= 4 && k2b == floorf(k2b) && k2b >= 0 && k2b <= 4,
                  "values %g %g", (double)a[t], (double)b[t]);
            seen[(int)k2a]++;
            d += (double)a[t] - b[t];
        }
        CHECK(label == (d > 0), "pair %d: difference %g, label %d", i, d, label);
        ties += d == 0.0;
        ones += label;
    }
    for (int k = 0; k < 5; k++) CHECK(seen[k] > 2000, "level %d drawn %d times", k, seen[k]);
    CHECK(ties > 300 && ties < 650, "ties %d of 4000 (about 1 in 9)", ties);
    CHECK(ones > 1600 && ones < 1950, "first larger %d of 4000", ones);
}

static void test_deterministic(void) {
    const pairs_config c = {4, 3, -1.0f, 1.0f};
    float a1[4], b1[4], a2[4], b2[4];
    int l1, l2;
    rnn_rng r1, r2;
    rnn_rng_seed(&r1, 42);
    rnn_rng_seed(&r2, 42);
    pairs_generate(&c, &r1, a1, b1, &l1);
    pairs_generate(&c, &r2, a2, b2, &l2);
    CHECK(memcmp(a1, a2, sizeof a1) == 0 && memcmp(b1, b2, sizeof b1) == 0 && l1 == l2, "same seed, different pairs");
    const pairs_config one = {2, 1, 1.5f, 9.0f};   // one level: lo only, a tie
    pairs_generate(&one, &r1, a1, b1, &l1);
    CHECK(a1[0] == 1.5f && a1[1] == 1.5f && b1[0] == 1.5f && l1 == 0, "one level %g %g label %d", (double)a1[0], (double)b1[1], l1);
}

static void test_bad_configs(void) {
    const pairs_config bad[] = {
        {0, 5, 0, 2}, {PAIRS_MAX_STEPS + 1, 5, 0, 2}, {3, 0, 0, 2}, {3, PAIRS_MAX_LEVELS + 1, 0, 2},
        {3, 5, 2, 0}, {3, 5, NAN, 2}, {3, 5, 0, INFINITY}, {3, 5, -2000, 0},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK(pairs_check(&bad[i]) == RNN_E_ARG, "bad config %zu accepted", i);
        CHECK(strlen(rnn_last_error()) > 10, "config %zu: no reason", i);
    }
}

int main(void) {
    test_values_and_labels();
    test_deterministic();
    test_bad_configs();
    return check_report();
}
