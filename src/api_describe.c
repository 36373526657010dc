// api_describe.c - the engine describes its own contract: rnn_describe()
// returns one JSON object (built once, from the C enums, limits and defaults
// the checks use) that js/engine.js reads at start-up:
//   abi       RNN_ABI_VERSION
//   enums     every enum's names in C order (activation, optim, clipMode,
//             corpus, kernel, l2eTask, l2eSplit, l2eStrategy, l2eContext)
//   charlm, l2e   for each model: icfg / fcfg (the config arrays' slots by
//             name), params (type, limits, default of every hyper-parameter;
//             "minOpen"/"maxOpen": the bound itself is refused), presets
//             (named whole configurations: "default" is the C default, "live"
//             / "race" the smaller settings the pages start with)
//   outputs   the field names of every output array (api_contract.h)
//   limits    sizes the exports accept (corpus bytes, sample length, ...)
// The page cannot start the engine before it parses its URL, so it reads the
// same object from web/gen/engine-contract.js, written from this function by
// scripts/build-web.mjs and checked against it by tests/node/contract.test.mjs.
#include "api.h"
#include "api_contract.h"
#include "rnn.h"
#include "models/l2e_train.h"
#include "io/number.h"
#include "format.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

// --- a tiny JSON writer into one static buffer
static char g_json[12288];
static int g_len;

static void put(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    const int room = (int)sizeof g_json - g_len;
    const int n = rnn_vsnprintf(g_json + g_len, (size_t)room, fmt, ap);
    va_end(ap);
    g_len += n < room ? n : room - 1; // truncation is caught by the test that parses the JSON
}

// the shortest decimal that reads back as the same float
static void put_real(double x) {
    char s[32];
    for (int digits = 6; digits <= 9; digits++) {
        rnn_snprintf(s, sizeof s, "%.*g", digits, x);
        double back;
        rnn_parse_double(s, (long)strlen(s), &back);
        if ((float)back == (float)x) break;
    }
    put("%s", s);
}

static void put_names(const char *key, const char *const *names, int n) {
    put("\"%s\":[", key);
    for (int i = 0; i < n; i++) put("%s\"%s\"", i ? "," : "", names[i]);
    put("]");
}
#define PUT_NAMES(key, ...) put_names(key, (const char *const[]){__VA_ARGS__}, RNN_NAMES_COUNT(__VA_ARGS__))

// (long long: the seed's 2^32-1 does not fit wasm32's long)
static void put_int(const char *name, long long lo, long long hi, long long def) {
    put("\"%s\":{\"type\":\"int\",\"min\":%lld,\"max\":%lld,\"default\":%lld}", name, lo, hi, def);
}
static void put_float(const char *name, double lo, int lo_open, double hi, int hi_open, double def) {
    put("\"%s\":{\"type\":\"float\",\"min\":", name);
    put_real(lo);
    put(",\"max\":");
    put_real(hi);
    put(",\"minOpen\":%s,\"maxOpen\":%s,\"default\":", lo_open ? "true" : "false", hi_open ? "true" : "false");
    put_real(def);
    put("}");
}
static void put_enum(const char *name, const char *const *values, int n, const char *def) {
    put("\"%s\":{\"type\":\"enum\",", name);
    put_names("values", values, n);
    put(",\"default\":\"%s\"}", def);
}
static void put_bool(const char *name, int def) { put("\"%s\":{\"type\":\"bool\",\"default\":%s}", name, def ? "true" : "false"); }

// --- enums, by their C values
static const char *const ACTIVATIONS[] = {[RNN_ACT_TANH] = "tanh", [RNN_ACT_RELU] = "relu", [RNN_ACT_LINEAR] = "linear"};
static const char *const CLIP_MODES[] = {[CLIP_NONE] = "none", [CLIP_NORM] = "norm", [CLIP_VALUE] = "value"};
static const char *const CORPORA[] = {[RNN_CORPUS_ARITHMETIC] = "arithmetic", [RNN_CORPUS_ALPHABET] = "alphabet",
                                      [RNN_CORPUS_COUNTING] = "counting", [RNN_CORPUS_SENTENCES] = "sentences"};
static const char *const CONTEXTS[] = {[S2S_CONTEXT_INIT] = "init", [S2S_CONTEXT_EVERY] = "every"};
static const char *const SPLITS[] = {[L2E_SPLIT_TRAIN] = "train", [L2E_SPLIT_VAL] = "val", [L2E_SPLIT_TEST] = "test"};
#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

// names the modules own (optim_name, l2e_task_name, cur_name), filled once
static const char *optims[OPT_ADAM + 1], *tasks[L2E_COPY + 1], *strategies[CUR_COMBINED + 1];
static void fill_names(void) {
    for (int i = 0; i <= OPT_ADAM; i++) optims[i] = optim_name((rnn_optim_kind)i);
    for (int i = 0; i <= L2E_COPY; i++) tasks[i] = l2e_task_name((l2e_task)i);
    for (int i = 0; i <= CUR_COMBINED; i++) strategies[i] = cur_name((cur_strategy)i);
}

static void put_enums(void) {
    put("\"enums\":{");
    put_names("activation", ACTIVATIONS, COUNT(ACTIVATIONS));
    put(",");
    put_names("optim", optims, COUNT(optims));
    put(",");
    put_names("clipMode", CLIP_MODES, COUNT(CLIP_MODES));
    put(",");
    put_names("corpus", CORPORA, COUNT(CORPORA));
    put(",");
    PUT_NAMES("kernel", RNN_KERNEL_NAMES);
    put(",");
    put_names("l2eTask", tasks, COUNT(tasks));
    put(",");
    put_names("l2eSplit", SPLITS, COUNT(SPLITS));
    put(",");
    put_names("l2eStrategy", strategies, COUNT(strategies));
    put(",");
    put_names("l2eContext", CONTEXTS, COUNT(CONTEXTS));
    put("}");
}

// --- the char LM
// The page's starting point for a live class, on its default text (Tiny
// Shakespeare): in the first minute on a laptop the samples go from noise to
// letter frequencies to words to phrases, with no loss jump (checked over 10
// seeds by tests/node/stability.test.mjs). Adam at 5e-3 with norm clipping at 5;
// H 128 learns words sooner than 64 and still trains ~2,000-5,000 steps a
// minute. (The CLI keeps rnn_charlm_defaults.)
static rnn_charlm_config charlm_live(void) {
    rnn_charlm_config c = rnn_charlm_defaults();
    c.hidden = 128; c.seq = 64; c.batch = 32;
    c.optim = optim_default(OPT_ADAM, 5e-3f);
    c.clip_mode = CLIP_NORM; c.clip = 5.0f;
    return c;
}

static void put_charlm_config(const char *name, const rnn_charlm_config *c) {
    put("\"%s\":{\"hidden\":%d,\"seq\":%d,\"batch\":%d,\"activation\":\"%s\",\"optim\":\"%s\",\"clipMode\":\"%s\","
        "\"vocabCap\":%d,\"seed\":%u,\"lr\":",
        name, c->hidden, c->seq, c->batch, ACTIVATIONS[c->act], optim_name(c->optim.kind), CLIP_MODES[c->clip_mode],
        c->vocab_cap, (unsigned)c->seed);
    put_real(c->optim.lr);
    put(",\"clip\":");
    put_real(c->clip);
    put(",\"valFraction\":");
    put_real(c->val_fraction);
    put("}");
}

static void put_charlm(void) {
    const rnn_charlm_config d = rnn_charlm_defaults(), live = charlm_live();
    put("\"charlm\":{");
    PUT_NAMES("icfg", RNN_LM_ICFG);
    put(",");
    PUT_NAMES("fcfg", RNN_LM_FCFG);
    put(",\"params\":{");
    put_int("hidden", 1, RNN_MAX_HIDDEN, d.hidden); put(",");
    put_int("seq", 1, RNN_MAX_SEQ, d.seq); put(",");
    put_int("batch", 1, RNN_MAX_BATCH, d.batch); put(",");
    put_enum("activation", ACTIVATIONS, COUNT(ACTIVATIONS), ACTIVATIONS[d.act]); put(",");
    put_enum("optim", optims, COUNT(optims), optim_name(d.optim.kind)); put(",");
    put_enum("clipMode", CLIP_MODES, COUNT(CLIP_MODES), CLIP_MODES[d.clip_mode]); put(",");
    put_int("vocabCap", 2, RNN_VOCAB_MAX, d.vocab_cap); put(",");
    put_int("seed", 0, 4294967295LL, (long long)d.seed); put(",");
    put_float("lr", 0, 1, RNN_MAX_LR, 0, d.optim.lr); put(",");
    put_float("clip", 0, 1, RNN_MAX_CLIP, 1, d.clip); put(",");
    put_float("valFraction", 0, 0, RNN_MAX_VAL_FRACTION, 0, d.val_fraction);
    put("},\"presets\":{");
    put_charlm_config("default", &d);
    put(",");
    put_charlm_config("live", &live);
    put("}}");
}

// --- learning to execute
// The race page's starting point: programs of length 2, nesting 1 (the
// lecture's subject, not addition), with the CLI race's 256 fixed validation
// samples, so `rnn l2e race --length 2 --steps S` reproduces the page's
// default race number for number (docs/l2e.md gives what it shows).
static l2e_train_config l2e_race(void) {
    l2e_train_config c = l2e_train_defaults();
    c.task = L2E_PROGRAM; c.length = 2; c.nesting = 1;
    return c;
}

static void put_l2e_config(const char *name, const l2e_train_config *c) {
    put("\"%s\":{\"task\":\"%s\",\"length\":%d,\"nesting\":%d,\"strategy\":\"%s\",\"hidden\":%d,\"batch\":%d,"
        "\"seed\":%u,\"reverse\":%s,\"context\":\"%s\",\"scramble\":%s,\"evalEvery\":%d,\"evalSamples\":%d,\"lr\":",
        name, l2e_task_name(c->task), c->length, c->nesting, cur_name(c->strategy), c->hidden, c->batch,
        (unsigned)c->seed, c->reverse ? "true" : "false", CONTEXTS[c->context], c->scramble ? "true" : "false",
        c->eval_every, c->eval_samples);
    put_real(c->lr);
    put(",\"clip\":");
    put_real(c->clip);
    put("}");
}

static void put_l2e(void) {
    const l2e_train_config d = l2e_train_defaults(), race = l2e_race();
    put("\"l2e\":{");
    PUT_NAMES("icfg", RNN_L2E_ICFG);
    put(",");
    PUT_NAMES("fcfg", RNN_L2E_FCFG);
    put(",\"params\":{");
    put_enum("task", tasks, COUNT(tasks), l2e_task_name(d.task)); put(",");
    // length's max depends on the task: maxByTask
    put("\"length\":{\"type\":\"int\",\"min\":1,\"max\":%d,\"default\":%d,\"maxByTask\":{", L2E_MAX_COPY_LENGTH, d.length);
    for (int i = 0; i <= L2E_COPY; i++)
        put("%s\"%s\":%d", i ? "," : "", l2e_task_name((l2e_task)i), i == L2E_COPY ? L2E_MAX_COPY_LENGTH : L2E_MAX_LENGTH);
    put("}},");
    put_int("nesting", 1, L2E_MAX_NESTING, d.nesting); put(",");
    put_enum("strategy", strategies, COUNT(strategies), cur_name(d.strategy)); put(",");
    put_int("hidden", 1, L2E_MAX_HIDDEN, d.hidden); put(",");
    put_int("batch", 1, L2E_MAX_BATCH, d.batch); put(",");
    put_int("seed", 0, 4294967295LL, (long long)d.seed); put(",");
    put_bool("reverse", d.reverse); put(",");
    put_enum("context", CONTEXTS, COUNT(CONTEXTS), CONTEXTS[d.context]); put(",");
    put_bool("scramble", d.scramble); put(",");
    put_int("evalEvery", 1, L2E_MAX_EVAL, d.eval_every); put(",");
    put_int("evalSamples", 1, L2E_MAX_EVAL, d.eval_samples); put(",");
    put_float("lr", 0, 1, L2E_MAX_LR, 0, d.lr); put(",");
    put_float("clip", 0, 0, L2E_MAX_CLIP, 0, d.clip);
    put("},\"presets\":{");
    put_l2e_config("default", &d);
    put(",");
    put_l2e_config("race", &race);
    put("}}");
}

static void put_outputs(void) {
    put("\"outputs\":{");
    PUT_NAMES("lmTrain", RNN_LM_TRAIN_FIELDS); put(",");
    PUT_NAMES("lmEval", RNN_LM_EVAL_FIELDS); put(",");
    PUT_NAMES("lmInfo", RNN_LM_INFO_FIELDS); put(",");
    PUT_NAMES("l2eStats", RNN_L2E_STATS_FIELDS); put(",");
    PUT_NAMES("l2eEval", RNN_L2E_EVAL_FIELDS); put(",");
    PUT_NAMES("l2eInfo", RNN_L2E_INFO_FIELDS); put(",");
    PUT_NAMES("s2sTensors", RNN_S2S_TENSORS); put(",");
    PUT_NAMES("peak", RNN_PEAK_FIELDS);
    put("}");
}

static void put_limits(void) {
    put("\"limits\":{\"corpusBytes\":%ld,\"sampleLength\":%d,\"temperatureMax\":", RNN_CORPUS_MAX_BYTES, RNN_MAX_SAMPLE);
    put_real(RNN_MAX_TEMPERATURE);
    put(",\"workers\":%d", RNN_MAX_WORKERS); // data-parallel replicas (models/charlm_replica.h)
    put(",\"steps\":%ld", (long)RNN_MAX_STEP); // the char LM's step counter (models/charlm.h)
    put(",\"topk\":%d,\"l2eCount\":%d,\"l2eInput\":%d,\"l2eTarget\":%d,\"l2eVocab\":%d", RNN_MAX_TOPK, RNN_L2E_MAX_COUNT,
        L2E_MAX_INPUT, L2E_MAX_TARGET, L2E_VOCAB_SIZE);
    put(",\"peakReps\":%d}", RNN_PEAK_MAX_REPS);
}

// A NUL-terminated JSON string owned by the engine (do not free).
API const char *rnn_describe(void) {
    if (g_len) return g_json;
    fill_names();
    put("{\"abi\":%d,", RNN_ABI_VERSION);
    put_enums();
    put(",");
    put_charlm();
    put(",");
    put_l2e();
    put(",");
    put_outputs();
    put(",");
    put_limits();
    put("}");
    return g_json;
}
