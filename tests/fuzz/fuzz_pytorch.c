// fuzz_pytorch.c - libFuzzer target: the strict JSON reader and the PyTorch
// importer. Invariants: no crash, no sanitizer report, a refusal has a reason,
// and an imported model exports to JSON that imports again.
#include "rnn.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(const char *what) {
    fprintf(stderr, "invariant broken: %s (%s)\n", what, rnn_last_error());
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *text = malloc(size ? size : 1); // exact size, not NUL-terminated: ASan sees any over-read
    if (!text) return 0;
    memcpy(text, data, size);
    const rnn_charlm_config base = rnn_charlm_defaults();
    rnn_charlm *m = NULL;
    rnn_fail(RNN_E_STATE, "%s", "");
    const rnn_status st = rnn_import_pytorch(&m, text, (long)size, &base);
    if (st != RNN_OK && (m != NULL || !rnn_last_error()[0])) fail("refusal without a reason or with a model");
    if (st == RNN_OK) {
        char *js = NULL;
        long n = 0;
        if (rnn_export_pytorch(m, &js, &n) == RNN_OK) {
            rnn_charlm *back = NULL;
            if (rnn_import_pytorch(&back, js, n, &base) != RNN_OK) fail("an imported model exports JSON that does not import");
            rnn_charlm_free(back);
        } else if (m->cfg.act != RNN_ACT_LINEAR && !rnn_last_error()[0]) fail("export refused without a reason");
        free(js);
    }
    rnn_charlm_free(m);
    free(text);
    return 0;
}
