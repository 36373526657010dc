// vocab.h - a character vocabulary of Unicode code points.
// Sorted by code point (like char-rnn), so the same text always gives the
// same vocabulary. With more distinct characters than the cap, the cap-1 most
// frequent are kept and one unknown symbol (shown as U+FFFD) stands for the rest.
#ifndef RNN_VOCAB_H
#define RNN_VOCAB_H
#include <stdint.h>
#include "../status.h"

#define RNN_VOCAB_MAX 4096   // hard upper bound on a vocabulary (and on V in a model file)
#define RNN_UNK_CP 0xFFFDu   // the unknown symbol's display code point

typedef struct {
    int size;        // V
    int unk;         // index of the unknown symbol, or -1 when every char has its own
    uint32_t *cp;    // [V] code points, ascending (the unknown symbol last)
} rnn_vocab;

rnn_status vocab_build(rnn_vocab *v, const uint32_t *text, long n, int cap);
rnn_status vocab_from_list(rnn_vocab *v, const uint32_t *cps, int size, int unk); // validates order/uniqueness
void vocab_free(rnn_vocab *v);
int vocab_index(const rnn_vocab *v, uint32_t cp);  // index, the unknown symbol's, or -1
void vocab_encode(const rnn_vocab *v, const uint32_t *text, long n, int *tokens);
#endif
