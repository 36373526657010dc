// corpus.c - generated training text.
#include "corpus.h"
#include "../rng.h"
#include "../format.h"
#include <string.h>

// sprintf into a line: rnn_corpus_generate keeps 512 bytes past the size
// asked, more than any line takes
#define SAY(o, ...) rnn_snprintf(o, 512, __VA_ARGS__)

static int line_arithmetic(rnn_rng *r, char *o) {
    const int a = (int)rnn_rng_range(r, 0, 99), b = (int)rnn_rng_range(r, 0, 99);
    if (rnn_rng_u32(r) & 1) return SAY(o, "%d+%d=%d\n", a, b, a + b);
    return a >= b ? SAY(o, "%d-%d=%d\n", a, b, a - b) : SAY(o, "%d-%d=%d\n", b, a, b - a);
}

static int line_alphabet(rnn_rng *r, char *o) {
    const int start = (int)rnn_rng_range(r, 0, 20), n = (int)rnn_rng_range(r, 5, 26 - start);
    const int back = (int)(rnn_rng_u32(r) % 4 == 0);
    int k = 0;
    for (int i = 0; i < n; i++) o[k++] = (char)(back ? 'a' + start + n - 1 - i : 'a' + start + i);
    o[k++] = '\n';
    return k;
}

// Portuguese number words 1..99: teaches accents (três) as single characters.
static int words_pt(int n, char *o) {
    static const char *const units[20] = {"zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove",
                                          "dez", "onze", "doze", "treze", "catorze", "quinze", "dezesseis", "dezessete",
                                          "dezoito", "dezenove"};
    static const char *const tens[10] = {"", "", "vinte", "trinta", "quarenta", "cinquenta", "sessenta", "setenta",
                                         "oitenta", "noventa"};
    if (n < 20) return SAY(o, "%s", units[n]);
    if (n % 10 == 0) return SAY(o, "%s", tens[n / 10]);
    return SAY(o, "%s e %s", tens[n / 10], units[n % 10]);
}

static int line_counting(rnn_rng *r, char *o) {
    const int start = (int)rnn_rng_range(r, 1, 90), n = (int)rnn_rng_range(r, 3, 8);
    int k = 0;
    for (int i = 0; i < n && start + i < 100; i++) {
        if (i) k += SAY(o + k, ", ");
        k += words_pt(start + i, o + k);
    }
    o[k++] = '\n';
    return k;
}

// A tiny Portuguese grammar: subject verb object [adverbial] [connector clause].
#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))
static const char *const SUBJECTS[] = {"a rede", "o professor", "a aluna", "o modelo", "cada neurônio", "a memória",
                                       "o gradiente", "a turma", "o menino", "a menina", "o rio", "a máquina"};
static const char *const VERBS[] = {"lê", "guarda", "esquece", "aprende", "repete", "prevê", "escreve", "procura",
                                    "transforma", "recebe", "conta", "ouve"};
static const char *const OBJECTS[] = {"a próxima letra", "uma palavra nova", "o estado oculto", "cada frase",
                                      "o sinal do erro", "os pesos", "um padrão simples", "a última vírgula",
                                      "as pedras do caminho", "a canção inteira", "o começo da história", "os números"};
static const char *const ADVERBS[] = {"devagar", "em silêncio", "a cada passo", "sem pressa", "com cuidado",
                                      "no fim do texto", "de novo", "outra vez", "pela manhã", "até o fim"};
static const char *const LINKS[] = {"e depois", "mas", "enquanto", "porque", "quando", "e então"};

static const char *pick(rnn_rng *r, const char *const *list, int n) { return list[rnn_rng_range(r, 0, n - 1)]; }

static int clause(rnn_rng *r, char *o) {
    int k = SAY(o, "%s %s %s", pick(r, SUBJECTS, COUNT(SUBJECTS)), pick(r, VERBS, COUNT(VERBS)),
                    pick(r, OBJECTS, COUNT(OBJECTS)));
    if (rnn_rng_u32(r) % 3 == 0) k += SAY(o + k, " %s", pick(r, ADVERBS, COUNT(ADVERBS)));
    return k;
}

static int line_sentence(rnn_rng *r, char *o) {
    int k = clause(r, o);
    if (rnn_rng_u32(r) % 2) { k += SAY(o + k, ", %s ", pick(r, LINKS, COUNT(LINKS))); k += clause(r, o + k); }
    if (o[0] >= 'a' && o[0] <= 'z') o[0] = (char)(o[0] - 'a' + 'A');
    const unsigned end = rnn_rng_u32(r) % 10;
    k += SAY(o + k, "%s", end == 0 ? "?" : end == 1 ? "!" : ".");
    k += SAY(o + k, "%s", rnn_rng_u32(r) % 5 == 0 ? "\n\n" : " ");
    return k;
}

rnn_status rnn_corpus_generate(rnn_corpus_kind kind, unsigned seed, long bytes, char *out, long cap, long *len) {
    *len = 0;
    if ((unsigned)kind > RNN_CORPUS_SENTENCES) return rnn_fail(RNN_E_ARG, "unknown corpus kind %d", (int)kind);
    if (bytes < 1 || bytes > RNN_CORPUS_MAX_BYTES) return rnn_fail(RNN_E_ARG, "corpus size %ld not in [1, 64 MB]", bytes);
    if (cap < bytes + 512) return rnn_fail(RNN_E_ARG, "buffer too small");
    rnn_rng r;
    rnn_rng_seed(&r, seed);
    long k = 0;
    while (k < bytes) {
        if (kind == RNN_CORPUS_ARITHMETIC) k += line_arithmetic(&r, out + k);
        else if (kind == RNN_CORPUS_ALPHABET) k += line_alphabet(&r, out + k);
        else if (kind == RNN_CORPUS_COUNTING) k += line_counting(&r, out + k);
        else k += line_sentence(&r, out + k);
    }
    out[k] = 0;
    *len = k;
    return RNN_OK;
}
