// l2e.h - "learning to execute" samples: tiny Python programs and their output
// (Zaremba & Sutskever 2014), plus the paper's addition and copy tasks.
//
//   rnn_rng rng; rnn_rng_seed(&rng, 43);
//   l2e_sample s;
//   if (l2e_generate(&s, L2E_PROGRAM, 4, 2, L2E_SPLIT_TRAIN, &rng) != RNN_OK)
//       puts(rnn_last_error());
//   // s.input  "d=5544;#print(((d+8010) if 1149<6986 else 6561))@"
//   // s.target "13554."  (what Python prints, then '.'; this exact pair with seed 43)
//   char pretty[L2E_MAX_PRETTY];
//   l2e_pretty(s.input, pretty, sizeof pretty);   // one statement per line
//
// A sample is a character sequence: the network reads `input` (ending with
// '@', the end-of-input marker) and then predicts `target` (ending with '.').
// Every character of both lies in l2e_vocab(), the 42 symbols of the spec.
//
// Tasks and their exact forms:
//   L2E_PROGRAM   code lines each followed by '#', then "print(<expr>)@";
//                 target "<integer>." (leading '-' if negative).
//                 Example: "c=761112#for x in range(17):c-=30452#d=c;#print((d+579716))@"
//                          -> "823144."
//   L2E_ADDITION  "print(<a>+<b>)@" with a, b uniform L-digit numbers
//                 (in [10^(L-1), 10^L - 1], so no leading zero; L=1 gives 1..9);
//                 target "<a+b>.". Example: "print(398345+425098)@" -> "823443.".
//   L2E_COPY      L uniform random digits (leading zeros allowed: it is a string,
//                 not a number) then '@'; target the same digits then '.'.
//                 Example: "0731@" -> "0731.".
//
// Train / validation / test disjointness: l2e_split_of(input) is FNV-1a-32 of
// the input text mod 3; the generator redraws until a sample falls in the
// requested split (at most L2E_MAX_TRIES draws, then RNN_E_DATA, so a split
// that tiny settings cannot reach never hangs). The target is a function of
// the input, so hashing the input alone is enough for disjointness.
//
// The library keeps no state between calls: all randomness comes from the rng
// the caller passes, so the same seed gives the same samples on every platform.
#ifndef RNN_L2E_H
#define RNN_L2E_H
#include "../rng.h"
#include "../status.h"
#include <stdint.h>

typedef enum { L2E_PROGRAM = 0, L2E_ADDITION = 1, L2E_COPY = 2 } l2e_task;
typedef enum { L2E_SPLIT_ANY = -1, L2E_SPLIT_TRAIN = 0, L2E_SPLIT_VAL = 1, L2E_SPLIT_TEST = 2 } l2e_split;

// The six operations of a program, each picked with probability 1/6 per step.
typedef enum {
    L2E_OP_PAIR = 0,     // (a+b) or (a-b)
    L2E_OP_MUL = 1,      // (e*b) or (b*e), b in [1, 4L]
    L2E_OP_IDENTITY = 2, // the operand unchanged
    L2E_OP_VAR = 3,      // line "v=a;" and expression (v+b) or (v-b)
    L2E_OP_LOOP = 4,     // lines "v=a" and "for x in range(k):v+=b" (or -=), expression v
    L2E_OP_IF = 5,       // (c if a>b else d) or with '<'
    L2E_OP_COUNT = 6
} l2e_op;

// Argument ranges accepted by l2e_generate.
#define L2E_MAX_LENGTH 9        // programs and addition: literals up to 10^9
#define L2E_MAX_NESTING 6       // programs: at most 6 chained operations
#define L2E_MAX_COPY_LENGTH 30  // copy: L digits + '.' + NUL fit L2E_MAX_TARGET

// Buffer sizes (each includes the terminating NUL).
// Input: the longest program at L=9, N=6 has 276 characters. Each step adds at
// most 43 characters (the if-expression: 13 of syntax and three fresh literals
// of at most 10 characters each; a loop adds at most 37, a variable 19, a pair
// 13, a multiplication 5), the first operand is a literal of at most 10, and
// "print(" ")@" add 8: 10 + 6*43 + 8 = 276 < 512.
// Target: |value| < 2.3e18 (see l2e.c) is at most 19 digits, plus '-' and '.'.
#define L2E_MAX_INPUT 512
#define L2E_MAX_TARGET 32
// pretty form: '#' -> '\n', '@' and ';' dropped, a space after ':' (one more
// character per loop, at most 6 loops), so input + 8 is always enough.
#define L2E_MAX_PRETTY (L2E_MAX_INPUT + 8)

// Redraws allowed when a split is requested (each draw lands in a given split
// with probability ~1/3, so 1000 failures only happen for a split that tiny
// settings cannot reach, e.g. one-digit copy strings).
#define L2E_MAX_TRIES 1000

typedef struct {
    char input[L2E_MAX_INPUT];   // NUL-terminated, ends with '@'
    int input_len;               // strlen(input)
    char target[L2E_MAX_TARGET]; // NUL-terminated, ends with '.'
    int target_len;              // strlen(target)
    int length, nesting;         // the level it was drawn at (nesting is 1 for addition/copy)
    // Operation counts, 4 bits per operation: count of op k = (ops >> 4k) & 15.
    // Read it with l2e_op_count. 0 for addition and copy.
    unsigned ops;
    // The operations in the order they were applied (first = innermost);
    // op_seq[0..nesting-1] are valid for programs.
    unsigned char op_seq[L2E_MAX_NESTING];
    int split;                   // l2e_split_of(input): 0 train, 1 val, 2 test
} l2e_sample;

// Draws one sample of `task` at (length, nesting) that falls in `split`
// (L2E_SPLIT_ANY: no rejection). Ranges: programs length 1..9 and nesting
// 1..6; addition length 1..9 digits; copy length 1..30 digits; nesting is
// ignored for addition and copy. Returns RNN_E_ARG with a reason (see
// rnn_last_error) for a bad argument, RNN_E_DATA if the split was not reached
// in L2E_MAX_TRIES draws. *out is only valid when RNN_OK is returned.
rnn_status l2e_generate(l2e_sample *out, l2e_task task, int length, int nesting, l2e_split split, rnn_rng *rng);

// The program as the paper prints it, one statement per line:
//   "c=761112#for x in range(17):c-=30452#d=c;#print((d+579716))@"
//   -> "c=761112\nfor x in range(17): c-=30452\nd=c\nprint((d+579716))"
// ('#' becomes '\n', '@' and a statement-ending ';' are dropped, ':' gets a
// space after it; no trailing newline). The result is still valid Python.
// Writes a NUL-terminated string into out[cap]; returns its length, or -1 if
// cap is too small (or an argument is NULL/negative). L2E_MAX_PRETTY always fits.
int l2e_pretty(const char *input, char *out, int cap);

// The 42 symbols, in this fixed order (a token id is the index into it):
//   " #()*+-.:;<=>@" "0123456789" "abcdefghij" "lnoprstx"
// i.e. space, the 13 punctuation marks, the digits, the variable letters a-j,
// then the other letters of print/for/in/range/if/else and the loop variable x.
const char *l2e_vocab(void);
#define L2E_VOCAB_SIZE 42
// Index of c in l2e_vocab(), or -1 if c is not one of the 42 symbols.
int l2e_vocab_index(char c);

// FNV-1a 32-bit hash of text[0..len) (offset basis 2166136261, prime 16777619).
uint32_t l2e_hash(const char *text, int len);
// The split a text belongs to: l2e_hash(text, len) % 3 (0 train, 1 val, 2 test).
unsigned l2e_split_of(const char *input, int len);

// How many times operation op was used in a sample (from l2e_sample.ops).
int l2e_op_count(unsigned ops, l2e_op op);
// "pair", "mul", "identity", "var", "loop", "if"; "?" for an invalid op.
const char *l2e_op_name(l2e_op op);
// "program", "addition", "copy" and back (-1 if unknown).
const char *l2e_task_name(l2e_task task);
int l2e_task_parse(const char *name);
// Scrambling, as in the paper's figure of a scrambled program: a SUBSTITUTION,
// one random permutation of the symbols applied to the input and the target
// alike. '#' (newline), '@' (end of input) and '.' (end of target) stay fixed,
// so the lines and both ends are kept; the other 39 symbols are permuted among
// themselves (a digit may become a letter). The program is the same, only its
// characters are relabelled: to a network that reads one-hot symbols it is
// the same task.
typedef struct {
    char to[L2E_VOCAB_SIZE];   // to[i]: what symbol l2e_vocab()[i] becomes
    char from[L2E_VOCAB_SIZE]; // the inverse: from[i] becomes l2e_vocab()[i]
} l2e_substitution;
// A uniformly random substitution (Fisher-Yates over the 39 moving symbols).
// Drawn once per run (one data set, one cipher), from its own rng stream.
void l2e_substitution_draw(l2e_substitution *k, rnn_rng *rng);
// text[0..len) through k (inverse = 0) or its inverse (1), in place;
// characters outside the vocabulary are left as they are.
void l2e_substitute(char *text, int len, const l2e_substitution *k, int inverse);
// A sample's input and target through k (the split stays that of the plain input).
void l2e_scramble(l2e_sample *s, const l2e_substitution *k);
// The tag mixed into a run's seed for its substitution's stream (the generator
// API and the trainer use the same, so `gen --scramble` and a scrambled
// training run with one seed share their cipher).
#define L2E_SCRAMBLE_TAG 0x736372616d626c65ull
#endif
