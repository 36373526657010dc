// l2e_eval.h - a typed program, as the generator writes it: from the paper's
// one-statement-per-line form back to the serialised form the network reads,
// and the program's output computed by an interpreter of the generator's
// little language (so a page can show "what Python prints" for a program a
// professor types, next to what each network prints).
//
//   char s[L2E_MAX_INPUT];
//   l2e_serialize("j=8584\nfor x in range(8):\n    j+=920\nb=(1500+j)\nprint((b+7567))", s, sizeof s);
//   // s = "j=8584#for x in range(8):j+=920#b=(1500+j);#print((b+7567))@"
//   char out[L2E_MAX_TARGET];
//   l2e_execute(s, out, sizeof out);   // out = "25011."
//
// The language (a subset of Python 3, what l2e_generate produces and a little
// more): statements separated by '#' (or newlines in the pretty form),
//   v=<expr>[;]                       v one letter (a-j, x, ...)
//   for x in range(<expr>):v+=<expr>  (or -=, =), one statement in the body
//   print(<expr>)                     last, then the end marker '@'
// expressions with integers, variables, + - * (Python precedence), unary -,
// parentheses and "<e> if <e> < <e> else <e>" (or >). Integers are int64:
// a result out of range is an error, not a wrong number.
#ifndef RNN_L2E_EVAL_H
#define RNN_L2E_EVAL_H
#include "../status.h"

// The serialised form of a program typed one statement per line (the inverse
// of l2e_pretty on generated programs): lines end with '#', an assignment gets
// the generator's ';' unless a loop line follows it, a loop body on its own
// indented line joins its "for" line, spaces are kept only between two words
// or numbers ("for x in range", " if ", " else "), empty lines are dropped and
// '@' ends the input. A text that is already serialised comes back unchanged.
// Returns the length written to out[cap] (NUL-terminated), or -1 with a reason
// (see rnn_last_error) if it does not fit or an argument is NULL.
int l2e_serialize(const char *text, char *out, int cap);

// Runs a serialised program (l2e_serialize's form; the final '@' optional)
// and writes what it prints plus '.', as a target: "25011.", "-42.".
// RNN_E_ARG with a reason (position, what was expected) for a program outside
// the language, an undefined variable, a value outside int64 or a loop of
// more than L2E_EVAL_MAX_ITER iterations.
#define L2E_EVAL_MAX_ITER 100000
rnn_status l2e_execute(const char *input, char *out, int cap);
#endif
