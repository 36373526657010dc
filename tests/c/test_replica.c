// test_replica.c - data-parallel training of the char LM (models/charlm_replica.h):
// one replica is rnn_charlm_train bit for bit; N replicas' summed gradient is
// the gradient of one model on the union of their streams; replicas stay
// identical and runs repeat byte for byte; the version-2 file resumes exactly;
// another worker count restarts the streams and says so; bad calls are refused.
#include "rnn.h"
#include "io/model_file.h"
#include "check.h"
#include "engine_fixtures.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

// N replicas built as a page or the CLI builds them: the leader is created,
// set to N workers, saved; every other replica loads that file and its text.
static int make_replicas(rnn_charlm **r, int N, const rnn_charlm_config *c, const char *text, long len) {
    int restarted;
    if (rnn_charlm_create(&r[0], c, text, len) || rnn_charlm_set_workers(r[0], N, 0, &restarted)) return 0;
    long flen;
    unsigned char *file = save(r[0], &flen);
    if (!file) return 0;
    for (int k = 1; k < N; k++)
        if (rnn_model_load(&r[k], file, flen) || rnn_charlm_set_text(r[k], text, len, 0) ||
            rnn_charlm_set_workers(r[k], N, k, &restarted)) { free(file); return 0; }
    free(file);
    return 1;
}

// One synchronous step over N replicas, the leader summing in order 1..N-1.
static int replica_step(rnn_charlm **r, int N, rnn_train_stats *st) {
    double loss;
    for (int k = 0; k < N; k++)
        if (rnn_charlm_replica_gradients(r[k], &loss)) return 0;
    for (int k = 1; k < N; k++)
        if (rnn_charlm_replica_add(r[0], r[k]->grads, r[k]->step_loss)) return 0;
    for (int k = 1; k < N; k++) rnn_charlm_replica_set(r[k], r[0]->grads, r[0]->step_loss);
    for (int k = 0; k < N; k++) {
        rnn_train_stats s = st[k];
        if (rnn_charlm_replica_apply(r[k], &s)) return 0;
        st[k] = s;
    }
    return 1;
}

static void put_u64le(unsigned char *p, uint64_t v) { for (int i = 0; i < 8; i++) p[i] = (unsigned char)(v >> (8 * i)); }

static void free_all(rnn_charlm **r, int N) { for (int k = 0; k < N; k++) rnn_charlm_free(r[k]); }

static int same_floats(const float *a, const float *b, long n) { return memcmp(a, b, sizeof(float) * (size_t)n) == 0; }

static void test_one_worker_is_train(const char *text, long len) {
    rnn_charlm_config c = small_cfg(24, 8, 4, 3);
    rnn_charlm *a, *b[1];
    CHECK(rnn_charlm_create(&a, &c, text, len) == RNN_OK, "%s", rnn_last_error());
    CHECK(make_replicas(b, 1, &c, text, len), "%s", rnn_last_error());
    rnn_train_stats sa, sb = {0};
    CHECK(rnn_charlm_train(a, 7, &sa) == RNN_OK, "%s", rnn_last_error());
    for (int i = 0; i < 7; i++) CHECK(replica_step(b, 1, &sb), "%s", rnn_last_error());
    CHECK(same_floats(a->params, b[0]->params, a->nparams), "1 worker: parameters differ from rnn_charlm_train");
    CHECK(same_floats(a->opt_v, b[0]->opt_v, a->nparams), "1 worker: optimiser state differs");
    CHECK(sa.chars == sb.chars && sa.step == sb.step, "chars %lld/%lld step %ld/%ld", (long long)sa.chars,
          (long long)sb.chars, sa.step, sb.step);
    CHECK(fabs(sa.loss - sb.loss) < 1e-12 * fabs(sa.loss) + 1e-12, "mean loss %.17g vs %.17g", sa.loss, sb.loss);
    long la, lb;
    unsigned char *fa = save(a, &la), *fb = save(b[0], &lb);
    CHECK(fa && fb && la == lb && memcmp(fa, fb, (size_t)la) == 0, "1 worker: model files differ (%ld, %ld bytes)", la, lb);
    free(fa); free(fb);
    rnn_charlm_free(a); free_all(b, 1);
}

// Two replicas of B streams vs one model of 2B streams over the same text:
// the text is cut into the same 2B streams, so the gradients agree up to the
// order of float sums.
static void test_sum_is_union(const char *text, long len) {
    rnn_charlm_config c1 = small_cfg(32, 8, 3, 5), c2 = c1;
    c2.batch = 6;
    rnn_charlm *r[2], *u;
    CHECK(make_replicas(r, 2, &c1, text, len), "%s", rnn_last_error());
    CHECK(rnn_charlm_create(&u, &c2, text, len) == RNN_OK, "%s", rnn_last_error());
    double l0, l1, lu;
    rnn_charlm_replica_gradients(r[0], &l0);
    rnn_charlm_replica_gradients(r[1], &l1);
    rnn_charlm_replica_add(r[0], r[1]->grads, l1);
    rnn_charlm_gradients(u, &lu);
    double num = 0, den = 0, worst = 0;
    for (long i = 0; i < u->nparams; i++) {
        const double d = (double)r[0]->grads[i] - u->grads[i];
        num += d * d; den += (double)u->grads[i] * u->grads[i];
        if (fabs(d) > worst) worst = fabs(d);
    }
    const double rel = sqrt(num / den);
    printf("2 replicas x 3 streams vs 1 model x 6 streams: relative gradient difference %.2e, max |diff| %.2e\n", rel, worst);
    CHECK(rel < 1e-5, "summed gradient differs from the union's by %.3e (tolerance 1e-5)", rel);
    CHECK(fabs(r[0]->step_loss - lu) < 1e-5 * lu, "summed loss %.9g vs union %.9g", r[0]->step_loss, lu);
    free_all(r, 2); rnn_charlm_free(u);
}

// Runs `steps` steps of N replicas and returns the leader's file (replicas gathered).
static unsigned char *run(int N, int steps, const char *text, long len, long *flen, int *identical) {
    rnn_charlm_config c = small_cfg(24, 8, 2, 9);
    rnn_charlm *r[4];
    rnn_train_stats st[4] = {{0}};
    if (!make_replicas(r, N, &c, text, len)) return NULL;
    for (int i = 0; i < steps; i++) replica_step(r, N, st);
    *identical = 1;
    for (int k = 1; k < N; k++) *identical &= same_floats(r[0]->params, r[k]->params, r[0]->nparams) && r[k]->step == r[0]->step;
    for (int k = 1; k < N; k++) rnn_charlm_put_slice(r[0], k, r[k]->pos, r[k]->h_carry);
    unsigned char *f = save(r[0], flen);
    free_all(r, N);
    return f;
}

static void test_deterministic(const char *text, long len) {
    long l1, l2;
    int id1, id2;
    unsigned char *f1 = run(3, 9, text, len, &l1, &id1), *f2 = run(3, 9, text, len, &l2, &id2);
    CHECK(f1 && f2, "%s", rnn_last_error());
    CHECK(id1 && id2, "replicas diverged");
    CHECK(f1 && f2 && l1 == l2 && memcmp(f1, f2, (size_t)l1) == 0, "two runs of 3 workers give different files");
    CHECK(f1 && l1 > 8 && f1[4] == 2, "a 3-worker file is version 2 (got %d)", f1 ? f1[4] : -1);
    free(f1); free(f2);
}

// Save after 5 steps, load into 2 new replicas, 4 more steps == 9 steps straight.
static void test_resume_exact(const char *text, long len) {
    rnn_charlm_config c = small_cfg(24, 8, 2, 9);
    rnn_charlm *r[2], *q[2];
    rnn_train_stats st[2] = {{0}}, sq[2] = {{0}};
    CHECK(make_replicas(r, 2, &c, text, len), "%s", rnn_last_error());
    for (int i = 0; i < 5; i++) replica_step(r, 2, st);
    long flen;
    CHECK(save(r[0], &flen) == NULL, "saving before the replicas' streams are gathered is refused");
    CHECK(strstr(rnn_last_error(), "replica 1") != NULL, "reason names the replica: %s", rnn_last_error());
    CHECK(rnn_charlm_put_slice(r[0], 1, r[1]->pos, r[1]->h_carry) == RNN_OK, "%s", rnn_last_error());
    unsigned char *f = save(r[0], &flen);
    CHECK(f != NULL, "%s", rnn_last_error());
    int restarted = -1;
    for (int k = 0; k < 2 && f; k++) {
        CHECK(rnn_model_load(&q[k], f, flen) == RNN_OK, "%s", rnn_last_error());
        CHECK(rnn_charlm_set_text(q[k], text, len, 0) == RNN_OK, "%s", rnn_last_error());
        CHECK(rnn_charlm_set_workers(q[k], 2, k, &restarted) == RNN_OK && restarted == 0, "same N keeps the streams (%d)", restarted);
    }
    for (int i = 0; i < 4; i++) { replica_step(r, 2, st); replica_step(q, 2, sq); }
    CHECK(same_floats(r[0]->params, q[0]->params, r[0]->nparams), "resumed run differs from the straight run");
    CHECK(same_floats(r[1]->h_carry, q[1]->h_carry, (long)r[1]->B * r[1]->H), "replica 1's carried state differs after resume");
    // resume with another worker count: allowed, streams restart, said
    rnn_charlm *o;
    CHECK(rnn_model_load(&o, f, flen) == RNN_OK && rnn_charlm_set_text(o, text, len, 0) == RNN_OK, "%s", rnn_last_error());
    CHECK(rnn_charlm_set_workers(o, 1, 0, &restarted) == RNN_OK && restarted == 1, "2 -> 1 worker restarts the streams");
    CHECK(o->pos[0] == 0 && o->step == 5, "cursor %ld step %ld", o->pos[0], o->step);
    CHECK(same_floats(o->params, q[0]->params, 0) && o->workers == 1, "workers %d", o->workers);
    rnn_train_stats so;
    CHECK(rnn_charlm_train(o, 2, &so) == RNN_OK && so.step == 7, "1 worker trains on: %s", rnn_last_error());
    unsigned char *g = save(o, &flen);
    CHECK(g && g[4] == 1, "back to one worker writes version 1");
    free(g); rnn_charlm_free(o);
    free(f); free_all(r, 2); free_all(q, 2);
}

static void test_refusals(const char *text, long len) {
    rnn_charlm_config c = small_cfg(16, 64, 32, 1);
    rnn_charlm *m;
    int restarted;
    CHECK(rnn_charlm_create(&m, &c, text, len) == RNN_OK, "%s", rnn_last_error());
    EXPECT_STATUS(RNN_E_ARG, rnn_charlm_set_workers(m, 0, 0, &restarted), "workers 0");
    EXPECT_STATUS(RNN_E_ARG, rnn_charlm_set_workers(m, RNN_MAX_WORKERS + 1, 0, &restarted), "workers 65");
    EXPECT_STATUS(RNN_E_ARG, rnn_charlm_set_workers(m, 2, 2, &restarted), "replica 2 of 2");
    const int fits = (int)(m->n_train / (32L * 65)); // workers whose 32 streams of T+1 the text holds
    CHECK(fits >= 2 && fits < RNN_MAX_WORKERS, "fixture: %d workers fit", fits);
    EXPECT_STATUS(RNN_E_DATA, rnn_charlm_set_workers(m, fits + 1, 0, &restarted), "%d workers for a text that holds %d", fits + 1, fits);
    CHECK(strstr(rnn_last_error(), "too short") != NULL, "reason: %s", rnn_last_error());
    CHECK(m->workers == 1, "a refused call changes nothing (workers %d)", m->workers);
    EXPECT_STATUS(RNN_E_STATE, rnn_charlm_put_slice(m, 0, m->pos, m->h_carry), "put_slice with one worker");
    CHECK(rnn_charlm_set_workers(m, 2, 1, &restarted) == RNN_OK, "%s", rnn_last_error());
    rnn_train_stats st;
    EXPECT_STATUS(RNN_E_STATE, rnn_charlm_train(m, 1, &st), "rnn_charlm_train on a replica");
    EXPECT_STATUS(RNN_E_STATE, rnn_charlm_replica_add(m, m->grads, 0.0), "only the leader adds");
    long bad[32] = {0, 0, -1};
    rnn_charlm_set_workers(m, 2, 0, &restarted);
    EXPECT_STATUS(RNN_E_ARG, rnn_charlm_put_slice(m, 1, bad, m->h_carry), "negative cursor");
    EXPECT_STATUS(RNN_E_ARG, rnn_charlm_put_slice(m, 2, m->pos, m->h_carry), "replica 2 of 2");
    // the schedule's setter (rnn train --decay): (0, RNN_MAX_LR], else refused and unchanged
    const float lr = m->cfg.optim.lr;
    EXPECT_STATUS(RNN_E_ARG, rnn_charlm_set_lr(m, 0.0f), "learning rate 0");
    EXPECT_STATUS(RNN_E_ARG, rnn_charlm_set_lr(m, NAN), "learning rate NaN");
    EXPECT_STATUS(RNN_E_ARG, rnn_charlm_set_lr(m, RNN_MAX_LR * 2), "learning rate past the limit");
    CHECK(m->cfg.optim.lr == lr, "a refused rate changes nothing");
    CHECK(rnn_charlm_set_lr(m, 1e-4f) == RNN_OK && m->cfg.optim.lr == 1e-4f, "%s", rnn_last_error());
    rnn_charlm_free(m);
}

// A version-2 file with a forged worker count is refused with a reason.
static void test_forged_file(const char *text, long len) {
    long flen;
    int id;
    unsigned char *f = run(2, 2, text, len, &flen, &id);
    CHECK(f != NULL, "%s", rnn_last_error());
    if (!f) return;
    rnn_charlm *m;
    const long at = flen - 4 - 2 * 2 * 8 - 2 * 2 * 24 * 4 - 4; // u32 N before cursors[N*B] and carry[N*B*H]
    CHECK(f[at] == 2, "worker count at byte %ld (got %d)", at, f[at]);
    const uint32_t forged[3] = {1, 65, 3};
    for (int i = 0; i < 3; i++) {
        put_u32le(f + at, forged[i]);
        fix_checksum(f, flen);
        const rnn_status st = rnn_model_load(&m, f, flen);
        CHECK(st != RNN_OK && m == NULL, "forged worker count %u accepted", forged[i]);
    }
    free(f);
}

// Issue 22 item 8: a forged cursor of replica k >= 1 past the end of its
// stream is refused by name, as replica 0's is (before: accepted, and that
// stream restarted silently); the last valid cursor is kept.
static void test_forged_replica_cursor(const char *text, long len) {
    long flen;
    int id;
    unsigned char *f = run(2, 2, text, len, &flen, &id);
    CHECK(f != NULL, "%s", rnn_last_error());
    if (!f) return;
    const long cursors = flen - 4 - 2 * 2 * 24 * 4 - 2 * 2 * 8; // cursors[N*B] (u64) before carry[N*B*H] and the checksum
    rnn_charlm *m;
    CHECK(rnn_model_load(&m, f, flen) == RNN_OK, "%s", rnn_last_error());
    const long L = m ? (long)(len - (long)((double)len * m->cfg.val_fraction)) / 4 : 0; // n_train / (N*B); all ASCII
    rnn_charlm_free(m);
    const uint64_t bad[2] = {(uint64_t)L, 0x7ffffff8u};
    for (int k = 0; k < 2; k++) {
        for (int i = 0; i < 2; i++) {
            unsigned char *g = malloc((size_t)flen);
            memcpy(g, f, (size_t)flen);
            put_u64le(g + cursors + 8 * (2 * k + 1), bad[i]); // replica k's stream 1
            fix_checksum(g, flen);
            CHECK(rnn_model_load(&m, g, flen) == RNN_OK, "%s", rnn_last_error());
            if (m) {
                EXPECT_STATUS(RNN_E_SIZE, rnn_charlm_set_text(m, text, len, 0), "replica %d's cursor %llu of a %ld-char stream kept", k,
                              (unsigned long long)bad[i], L);
                char want[64];
                snprintf(want, sizeof want, "replica %d's stream cursor 1", k);
                CHECK(strstr(rnn_last_error(), want) != NULL, "reason names replica %d's cursor: %s", k, rnn_last_error());
                rnn_charlm_free(m);
            }
            put_u64le(g + cursors + 8 * (2 * k + 1), (uint64_t)L - 1);
            fix_checksum(g, flen);
            CHECK(rnn_model_load(&m, g, flen) == RNN_OK && rnn_charlm_set_text(m, text, len, 0) == RNN_OK,
                  "replica %d's cursor L-1 refused: %s", k, rnn_last_error());
            rnn_charlm_free(m);
            free(g);
        }
    }
    free(f);
}

// Issue 22 item 2: a file of N workers given another text too short for N
// (its streams restart anyway) becomes the largest count that fits instead
// of being refused; the same text claimed with its cursors kept still needs N.
static void test_short_text_fewer_workers(const char *text, long len) {
    long flen;
    int id;
    unsigned char *f = run(3, 2, text, len, &flen, &id);
    CHECK(f != NULL, "%s", rnn_last_error());
    if (!f) return;
    rnn_charlm *m;
    const long short_len = 50; // 45 training characters (val 10%): 4 streams of T+1 = 9 fit, 6 do not
    CHECK(rnn_model_load(&m, f, flen) == RNN_OK && m->workers == 3, "%s", rnn_last_error());
    EXPECT_STATUS(RNN_E_DATA, rnn_charlm_set_text(m, text, short_len, 0), "cursors kept on a text too short for 3");
    CHECK(m->workers == 3 && m->tokens == NULL, "a refused text changes nothing (workers %d)", m->workers);
    CHECK(rnn_charlm_set_text(m, text, short_len, 1) == RNN_OK, "another, shorter text: %s", rnn_last_error());
    CHECK(m->workers == 2, "workers %d", m->workers);
    CHECK((long)m->workers * m->B * (m->T + 1) <= m->n_train && (long)(m->workers + 1) * m->B * (m->T + 1) > m->n_train,
          "the largest count that fits: %d for %ld characters", m->workers, m->n_train);
    rnn_charlm_free(m);
    CHECK(rnn_model_load(&m, f, flen) == RNN_OK, "%s", rnn_last_error());
    CHECK(rnn_charlm_set_text(m, text, 20, 1) == RNN_OK && m->workers == 1 && m->pos_all == NULL, "1 worker: %s (workers %d)",
          rnn_last_error(), m ? m->workers : -1);
    rnn_train_stats st;
    CHECK(rnn_charlm_train(m, 1, &st) == RNN_OK && st.finite, "trains alone: %s", rnn_last_error());
    long glen;
    unsigned char *g = save(m, &glen);
    CHECK(g && g[4] == 1, "and saves version 1");
    free(g);
    rnn_charlm_free(m);
    CHECK(rnn_model_load(&m, f, flen) == RNN_OK, "%s", rnn_last_error());
    EXPECT_STATUS(RNN_E_DATA, rnn_charlm_set_text(m, text, 12, 1), "a text too short for one worker");
    rnn_charlm_free(m);
    free(f);
}

int main(void) {
    long len;
    char *text = corpus(RNN_CORPUS_ARITHMETIC, 3, 20000, &len);
    CHECK(text != NULL, "corpus");
    if (!text) return check_report();
    test_one_worker_is_train(text, len);
    test_sum_is_union(text, len);
    test_deterministic(text, len);
    test_resume_exact(text, len);
    test_refusals(text, len);
    test_forged_file(text, len);
    test_forged_replica_cursor(text, len);
    test_short_text_fewer_workers(text, len);
    free(text);
    return check_report();
}
