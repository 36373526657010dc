// api_teacher.c - the exported C ABI of teacher forcing vs free running
// (widget `teacher-forcing`, models/charlm_feed.h). js/engine.js declares it
// in EXPORTS.api_teacher.
#include "api.h"
#include "data/utf8.h"
#include "models/charlm_feed.h"
#include <math.h>
#include <stdlib.h>

// text: UTF-8, every character in the model's vocabulary (else refused with its
// position). Writes n-1 values (n = characters; cap of them must fit) into
// loss_tf, loss_fr, own (nats) and gen (vocabulary indices; see charlm_feed.h).
// out[5]: n - 1, mean teacher-forced loss and mean free-running loss over steps
// let_go..n-2, the drift step (-1: none), the mean of own over those steps.
API int rnn_lm_feed(const rnn_charlm *m, const char *text, int len, int let_go, int greedy, float temperature, int seed,
                    float *loss_tf, float *loss_fr, int *gen, float *own, int cap, double *out) {
    out[0] = 0; out[1] = out[2] = out[4] = NAN; out[3] = -1;
    if (len < 0) return rnn_fail(RNN_E_ARG, "negative text length");
    uint32_t *cp = malloc(sizeof(uint32_t) * (size_t)(len > 0 ? len : 1));
    int *tok = malloc(sizeof(int) * (size_t)(len > 0 ? len : 1));
    if (!cp || !tok) { free(cp); free(tok); return rnn_fail(RNN_E_NOMEM, "teacher-forcing text buffers"); }
    long n = 0;
    rnn_status st = utf8_decode(text, len, cp, &n);
    if (!st && n - 1 > cap) st = rnn_fail(RNN_E_ARG, "room for %d values, the text needs %ld", cap, n - 1);
    for (long i = 0; !st && i < n; i++) {
        tok[i] = vocab_index(&m->vocab, cp[i]);
        if (tok[i] < 0) st = rnn_fail(RNN_E_DATA, "character %ld (U+%04X) is not in the model's vocabulary", i + 1, (unsigned)cp[i]);
    }
    rnn_feed_summary sum;
    const rnn_feed_opts o = {let_go, greedy, temperature, (uint32_t)seed};
    if (!st) st = rnn_charlm_feed(m, tok, n, &o, loss_tf, loss_fr, gen, own, &sum);
    if (!st) {
        out[0] = (double)(n - 1); out[1] = sum.mean_tf; out[2] = sum.mean_fr; out[3] = (double)sum.drift;
        out[4] = sum.mean_own;
    }
    free(cp);
    free(tok);
    return st;
}
