// api_l2e_data.c - the exported C ABI of learning to execute's sample
// generator (data/l2e.h): its 42 symbols, seeded samples and the paper's
// one-statement-per-line form of a program. Plain ints and pointers into the
// module's memory; failures return a non-zero status (or NULL) and
// rnn_error() gives the reason. js/engine.js declares each export once (its
// EXPORTS table, block "api_l2e_data"). Its own file so that the playground's
// char-LM module (Makefile, LM_SRC), whose "programs" corpus is these
// samples, carries it without the encoder-decoder.
#include "api.h"
#include "api_contract.h"
#include "data/l2e.h"
#include <stdlib.h>
#include <string.h>

API const char *rnn_l2e_vocab(void) { return l2e_vocab(); }

// count samples of `task` at (length, nesting) in `split` (-1: any) from one
// stream seeded with `seed`; scramble = 1 passes every sample (input and
// target) through one substitution of the symbols drawn from its own stream
// (seed ^ L2E_SCRAMBLE_TAG), so the samples are the same programs as with
// scramble = 0, relabelled (data/l2e.h).
// Returns a malloc'd buffer (free with rnn_dealloc) of count lines
// "input\ttarget\n" (the 42 symbols include neither tab nor newline), *len bytes.
API char *rnn_l2e_generate(int task, int length, int nesting, int split, int seed, int count, int scramble, int *len) {
    if (count < 0 || count > RNN_L2E_MAX_COUNT) { rnn_fail(RNN_E_ARG, "count %d not in 0..%d", count, RNN_L2E_MAX_COUNT); return NULL; }
    if ((unsigned)task > L2E_COPY) { rnn_fail(RNN_E_ARG, "unknown task %d", task); return NULL; }
    if (task != L2E_PROGRAM) nesting = 1;
    const size_t cap = (size_t)count * (L2E_MAX_INPUT + L2E_MAX_TARGET + 2) + 1;
    char *out = malloc(cap);
    if (!out) { rnn_fail(RNN_E_NOMEM, "%d samples", count); return NULL; }
    rnn_rng r;
    rnn_rng_seed(&r, (uint64_t)(uint32_t)seed);
    l2e_substitution key;
    if (scramble) {
        rnn_rng kr;
        rnn_rng_seed(&kr, (uint64_t)(uint32_t)seed ^ L2E_SCRAMBLE_TAG);
        l2e_substitution_draw(&key, &kr);
    }
    size_t n = 0;
    for (int i = 0; i < count; i++) {
        l2e_sample s;
        if (l2e_generate(&s, (l2e_task)task, length, nesting, (l2e_split)split, &r)) { free(out); return NULL; }
        if (scramble) l2e_scramble(&s, &key);
        memcpy(out + n, s.input, (size_t)s.input_len); n += (size_t)s.input_len;
        out[n++] = '\t';
        memcpy(out + n, s.target, (size_t)s.target_len); n += (size_t)s.target_len;
        out[n++] = '\n';
    }
    out[n] = '\0';
    *len = (int)n;
    return out;
}

// The paper's one-statement-per-line form of an input (see l2e_pretty).
API int rnn_l2e_pretty(const char *input, char *out, int cap) {
    const int n = l2e_pretty(input, out, cap);
    return n < 0 ? -(int)rnn_fail(RNN_E_ARG, "pretty: output buffer of %d bytes too small", cap) : n;
}
