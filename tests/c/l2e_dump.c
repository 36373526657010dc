// l2e_dump.c - prints generated learning-to-execute samples as JSON lines, so
// that tests/l2e/check_programs.py can run them with the real Python.
//
//   l2e_dump <task> <length> <nesting> <count> <seed> [split]
//       task: program | addition | copy;  split: any (default) | train | val | test
//       one line per sample:
//       {"input":"...","target":"...","pretty":"...","length":L,"nesting":N,"split":S,"ops":["pair",...]}
//       ("ops" lists the operations in the order they were applied; [] for addition/copy)
//   l2e_dump vocab
//       {"vocab":"..."}  the 42 symbols in token order
// Exit code 0 on success, 2 on bad usage, 1 when the library refuses (reason on stderr).
#include "data/l2e.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put_json_string(const char *s) {
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') printf("\\%c", c);
        else if (c == '\n') fputs("\\n", stdout);
        else if (c < 0x20) printf("\\u%04x", c);
        else putchar(c);
    }
    putchar('"');
}

static void put_sample(const l2e_sample *s) {
    char pretty[L2E_MAX_PRETTY];
    if (l2e_pretty(s->input, pretty, (int)sizeof pretty) < 0) pretty[0] = '\0';
    fputs("{\"input\":", stdout);
    put_json_string(s->input);
    fputs(",\"target\":", stdout);
    put_json_string(s->target);
    fputs(",\"pretty\":", stdout);
    put_json_string(pretty);
    printf(",\"length\":%d,\"nesting\":%d,\"split\":%d,\"ops\":[", s->length, s->nesting, s->split);
    int n = l2e_op_count(s->ops, L2E_OP_PAIR) + l2e_op_count(s->ops, L2E_OP_MUL) +
            l2e_op_count(s->ops, L2E_OP_IDENTITY) + l2e_op_count(s->ops, L2E_OP_VAR) +
            l2e_op_count(s->ops, L2E_OP_LOOP) + l2e_op_count(s->ops, L2E_OP_IF);
    for (int i = 0; i < n && i < L2E_MAX_NESTING; i++) printf("%s\"%s\"", i ? "," : "", l2e_op_name((l2e_op)s->op_seq[i]));
    fputs("]}\n", stdout);
}

static int parse_split(const char *s) {
    if (strcmp(s, "any") == 0) return L2E_SPLIT_ANY;
    if (strcmp(s, "train") == 0) return L2E_SPLIT_TRAIN;
    if (strcmp(s, "val") == 0) return L2E_SPLIT_VAL;
    if (strcmp(s, "test") == 0) return L2E_SPLIT_TEST;
    return -2;
}

static int usage(void) {
    fputs("usage: l2e_dump <program|addition|copy> <length> <nesting> <count> <seed> [any|train|val|test]\n"
          "       l2e_dump vocab\n",
          stderr);
    return 2;
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "vocab") == 0) {
        fputs("{\"vocab\":", stdout);
        put_json_string(l2e_vocab());
        fputs("}\n", stdout);
        return 0;
    }
    if (argc != 6 && argc != 7) return usage();
    int task = l2e_task_parse(argv[1]);
    int split = argc == 7 ? parse_split(argv[6]) : L2E_SPLIT_ANY;
    int length = atoi(argv[2]), nesting = atoi(argv[3]), count = atoi(argv[4]);
    if (task < 0 || split == -2 || count < 0) return usage();
    rnn_rng rng;
    rnn_rng_seed(&rng, strtoull(argv[5], NULL, 10));
    for (int i = 0; i < count; i++) {
        l2e_sample s;
        if (l2e_generate(&s, (l2e_task)task, length, nesting, (l2e_split)split, &rng) != RNN_OK) {
            fprintf(stderr, "l2e_dump: %s\n", rnn_last_error());
            return 1;
        }
        put_sample(&s);
    }
    return 0;
}
