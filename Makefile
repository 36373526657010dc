# Makefile - builds the engine natively (tests, sanitizers, the native bench)
# and to WebAssembly, and everything generated that is committed.
#   make / make generated  every generated, committed file, in order: the two WASM modules
#                          (wasm/), then the pages' worker sources and vendor copies (web/gen/,
#                          web/vendor/, the table in scripts/build-web.mjs); setup.sh runs it
#   make wasm              only the WASM modules: the full engine (wasm/rnn-simd.js, wasm/rnn-scalar.js)
#                          and the playground's char-LM build (wasm/rnn-lm-simd.js, wasm/rnn-lm-scalar.js)
#   make check-generated   the COMMITTED generated files equal a fresh rebuild of this tree's
#                          sources (built under build/check/, compared with git HEAD)
#   make test-c            native C tests under AddressSanitizer + UBSan
#   make test-c-wasm32     the same tests on wasm32 (emcc, ASan+UBSan, run in Node): `long` is 32 bits
#   make fuzz              libFuzzer targets (clang-14, 64-bit), FUZZ_SECONDS each
#   make fuzz-replay-wasm32  the fuzz corpora and kept crash inputs replayed through wasm32 ASan+UBSan builds
#   make native            the native bench/CLI binary (gcc -O3 -march=native)
CC      ?= gcc
EMCC    ?= emcc
SRC      = $(wildcard src/*.c src/kernels/*.c src/nn/*.c src/models/*.c src/data/*.c src/io/*.c)
HDR      = $(wildcard src/*.h src/*/*.h)
WARN     = -std=c11 -Wall -Wextra -Wshadow -Werror
SAN      = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
BUILD    = build

# Debian-specific: Debian's emscripten 3.1.6 package runs its JS optimiser
# (tools/acorn-optimizer.js) with the system node and require('acorn'), but
# Debian ships acorn as the separate package node-acorn under /usr/share/nodejs,
# which is not on Node's default module path. Exported to every recipe (emcc
# and node alike); harmless where emscripten brings its own node_modules.
export NODE_PATH := /usr/share/nodejs
EMFLAGS  = -O3 $(WARN) -sSINGLE_FILE=1 -sMODULARIZE=1 -sALLOW_MEMORY_GROWTH=1 -sFILESYSTEM=0 \
           -sENVIRONMENT=web,worker,node -sEXPORTED_FUNCTIONS=_malloc,_free -sINITIAL_MEMORY=33554432 \
           -sMAXIMUM_MEMORY=2147483648 -sNODEJS_CATCH_EXIT=0 -sNODEJS_CATCH_REJECTION=0 \
           -sWASM_ASYNC_COMPILATION=0
# A comment put before the glue (outside the module wrapper): what made the file.
# Constant text, so the build stays byte-identical from any checkout path.
WASM_HEADER = scripts/wasm-header.js

.PHONY: all generated wasm test-c test-c-wasm32 fuzz fuzz-replay-wasm32 native clean check-generated
all: generated

WASM_DIR ?= wasm
wasm: $(WASM_DIR)/rnn-simd.js $(WASM_DIR)/rnn-scalar.js $(WASM_DIR)/rnn-lm-simd.js $(WASM_DIR)/rnn-lm-scalar.js

$(WASM_DIR)/rnn-simd.js: $(SRC) $(HDR) $(WASM_HEADER) Makefile
	@mkdir -p $(dir $@)
	$(EMCC) $(EMFLAGS) -msimd128 -sEXPORT_NAME=RnnWasmSimd --extern-pre-js $(WASM_HEADER) $(SRC) -o $@

$(WASM_DIR)/rnn-scalar.js: $(SRC) $(HDR) $(WASM_HEADER) Makefile
	@mkdir -p $(dir $@)
	$(EMCC) $(EMFLAGS) -sEXPORT_NAME=RnnWasmScalar --extern-pre-js $(WASM_HEADER) $(SRC) -o $@

# The playground's char-LM module: only what web/playground/worker.js calls
# (the char LM, kernels, nn/, the model file and PyTorch JSON, corpora, the
# l2e sample generator of its "programs" corpus, the Kneser-Ney n-gram, the
# BPTT views, the contract), so the page loads a small module. A new function
# in src/api.c or src/models/charlm*.c joins it by itself; a new src/api_*.c
# does not (js/engine.js binds only the blocks a module has).
# Size (docs/performance.md): the hot kernels are compiled -O3 (the SIMD ones in
# the SIMD build, the scalar reference ones in the scalar build), everything
# else -Oz; emmalloc instead of dlmalloc; no errno. Float results do not
# depend on the optimisation level (no -ffast-math, no FMA in SIMD128), so it
# trains the same bytes as the full module (tests/node/lm-module.test.mjs).
LM_SRC   = src/api.c src/api_describe.c src/api_ngram.c src/api_l2e_data.c src/status.c src/format.c \
           $(wildcard src/kernels/*.c src/nn/*.c src/io/*.c src/models/charlm*.c src/models/ngram*.c) \
           src/models/l2e_config.c $(addprefix src/data/,utf8.c vocab.c corpus.c l2e.c curriculum.c)
LM_HOT_simd   = src/kernels/kernels_simd.c
LM_HOT_scalar = src/kernels/kernels_ref.c
LM_CFLAGS_simd = -msimd128
LM_LDFLAGS = -Oz -sMALLOC=emmalloc -sSUPPORT_ERRNO=0
LM_OBJ  ?= $(BUILD)/lm-obj
LM_NAME_simd = RnnWasmLmSimd
LM_NAME_scalar = RnnWasmLmScalar
lm_objs = $(patsubst src/%.c,$(LM_OBJ)/$(1)/%.o,$(LM_SRC))

define LM_RULES
$(LM_OBJ)/$(1)/%.o: src/%.c $$(HDR) Makefile
	@mkdir -p $$(dir $$@)
	$$(EMCC) $$(if $$(filter $$<,$$(LM_HOT_$(1))),-O3,-Oz) $$(WARN) $$(LM_CFLAGS_$(1)) -c $$< -o $$@

$$(WASM_DIR)/rnn-lm-$(1).js: $$(call lm_objs,$(1)) $$(WASM_HEADER) Makefile
	@mkdir -p $$(dir $$@)
	$$(EMCC) $$(filter-out -O3,$$(EMFLAGS)) $$(LM_LDFLAGS) $$(LM_CFLAGS_$(1)) -sEXPORT_NAME=$$(LM_NAME_$(1)) \
	  --extern-pre-js $$(WASM_HEADER) $$(call lm_objs,$(1)) -o $$@
endef
$(eval $(call LM_RULES,simd))
$(eval $(call LM_RULES,scalar))

# web/gen/ and web/vendor/: outputs and inputs come from the table in
# scripts/build-web.mjs (the wasm modules among the inputs, so they build first).
WEB_OUT := $(shell node scripts/build-web.mjs --outputs 2>/dev/null)
WEB_IN  := $(shell node scripts/build-web.mjs --inputs 2>/dev/null)
ifneq ($(WEB_OUT),)
$(WEB_OUT) &: $(WEB_IN) scripts/build-web.mjs
	node scripts/build-web.mjs
endif

generated: wasm $(WEB_OUT)

# The committed generated files must be what this tree's sources build: a
# rebuild under build/check/ (never in place) compared with git HEAD.
check-generated:
	@node scripts/check-generated.mjs

# Native tests link the engine's objects through its headers (no #include of .c).
# The engine is compiled once per sanitizer build into objects (float, and
# double for the gradient checks) that every test links, not once per test.
TESTS_C  = $(filter-out tests/c/test_gradcheck.c tests/c/test_seq2seq.c tests/c/test_seqnet_gradcheck.c,$(wildcard tests/c/test_*.c))
san_objs = $(patsubst src/%.c,$(BUILD)/san/$(2)/%.o,$(1))
$(BUILD)/san/obj/%.o: src/%.c $(HDR) Makefile
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(SAN) -Isrc -c $< -o $@
$(BUILD)/san/obj-double/%.o: src/%.c $(HDR) Makefile
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(SAN) -DRNN_DOUBLE -Isrc -c $< -o $@
$(BUILD)/san/%: tests/c/%.c $(call san_objs,$(SRC),obj) tests/c/check.h tests/c/engine_fixtures.h $(HDR)
	$(CC) $(WARN) $(SAN) -Isrc $< $(call san_objs,$(SRC),obj) -o $@ -lm

# The gradient check runs the kernels and nn/ in double precision.
NN_SRC   = $(wildcard src/kernels/*.c src/nn/*.c)
GRAD_SRC = $(NN_SRC) src/status.c src/format.c
$(BUILD)/san/test_gradcheck: tests/c/test_gradcheck.c $(call san_objs,$(GRAD_SRC),obj-double) tests/c/check.h $(HDR)
	$(CC) $(WARN) $(SAN) -DRNN_DOUBLE -Isrc $< $(call san_objs,$(GRAD_SRC),obj-double) -o $@ -lm

# The encoder-decoder's gradient check, in double precision as well.
S2S_SRC  = $(GRAD_SRC) src/data/l2e.c src/data/curriculum.c src/models/seq2seq.c
$(BUILD)/san/test_seq2seq: tests/c/test_seq2seq.c $(call san_objs,$(S2S_SRC),obj-double) tests/c/check.h $(HDR)
	$(CC) $(WARN) $(SAN) -DRNN_DOUBLE -Isrc $< $(call san_objs,$(S2S_SRC),obj-double) -o $@ -lm

# The general sequence model's gradient check, in double precision as well.
SEQ_SRC  = $(GRAD_SRC) $(wildcard src/models/seqnet*.c)
$(BUILD)/san/test_seqnet_gradcheck: tests/c/test_seqnet_gradcheck.c $(call san_objs,$(SEQ_SRC),obj-double) tests/c/check.h $(HDR)
	$(CC) $(WARN) $(SAN) -DRNN_DOUBLE -Isrc $< $(call san_objs,$(SEQ_SRC),obj-double) -o $@ -lm

$(BUILD)/san/l2e_dump: tests/c/l2e_dump.c $(call san_objs,$(SRC),obj) $(HDR)
	$(CC) $(WARN) $(SAN) -Isrc $< $(call san_objs,$(SRC),obj) -o $@ -lm

test-c: $(patsubst tests/c/%.c,$(BUILD)/san/%,$(TESTS_C)) $(BUILD)/san/test_gradcheck $(if $(wildcard tests/c/test_seq2seq.c),$(BUILD)/san/test_seq2seq) $(BUILD)/san/test_seqnet_gradcheck
	@set -e; for t in $^; do echo "== $$t"; ASAN_OPTIONS=detect_leaks=1 $$t; done

# The same tests on the shipped target, wasm32 (`long` and size_t are 32 bits):
# built with Emscripten under ASan and UBSan together and run in Node, so
# overflow that the 64-bit build hides shows up here, on any host (no i386
# execution needed). The engine is compiled once into objects (float, and
# double for the gradient checks) that every test links; SIMD128 on (except in
# the double build, which has no SIMD path), as in the shipped SIMD module, so
# its kernels run under the sanitizers too. Not
# SINGLE_FILE: a .wasm beside the glue, read synchronously by the node-only
# glue (Node's fetch cannot load a file path), names frames "test_x.wasm+0x..".
# EXIT_RUNTIME: main's return value is the process's exit code (and ASan's
# leak check runs at exit); a sanitizer report exits non-zero. The wasm32 runs
# are several times slower than native, so the two tests that take a count from
# the environment (tests/c/wasm-env.js passes RNN_* in) run fewer random cases
# here (number parsing 20,000 per format instead of 1,000,000; formatting
# 40,000 instead of 400,000); their edge cases all run.
W32       = $(BUILD)/wasm32-san
W32_CFLAGS = $(WARN) -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -Isrc
W32_LDFLAGS = -fsanitize=address,undefined -sENVIRONMENT=node -sWASM_ASYNC_COMPILATION=0 \
            -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1 --pre-js tests/c/wasm-env.js -lm
w32_objs  = $(patsubst src/%.c,$(W32)/$(2)/%.o,$(1))
$(W32)/obj/%.o: src/%.c $(HDR) Makefile
	@mkdir -p $(dir $@)
	$(EMCC) $(W32_CFLAGS) -msimd128 -c $< -o $@
$(W32)/obj-double/%.o: src/%.c $(HDR) Makefile
	@mkdir -p $(dir $@)
	$(EMCC) $(W32_CFLAGS) -DRNN_DOUBLE -c $< -o $@
W32_DEPS  = tests/c/check.h tests/c/wasm-env.js $(HDR)
$(W32)/%.js: tests/c/%.c $(call w32_objs,$(SRC),obj) tests/c/engine_fixtures.h $(W32_DEPS)
	$(EMCC) $(W32_CFLAGS) $(W32_LDFLAGS) -msimd128 $< $(call w32_objs,$(SRC),obj) -o $@
$(W32)/test_gradcheck.js: tests/c/test_gradcheck.c $(call w32_objs,$(GRAD_SRC),obj-double) $(W32_DEPS)
	$(EMCC) $(W32_CFLAGS) $(W32_LDFLAGS) -DRNN_DOUBLE $< $(call w32_objs,$(GRAD_SRC),obj-double) -o $@
$(W32)/test_seq2seq.js: tests/c/test_seq2seq.c $(call w32_objs,$(S2S_SRC),obj-double) $(W32_DEPS)
	$(EMCC) $(W32_CFLAGS) $(W32_LDFLAGS) -DRNN_DOUBLE $< $(call w32_objs,$(S2S_SRC),obj-double) -o $@
$(W32)/test_seqnet_gradcheck.js: tests/c/test_seqnet_gradcheck.c $(call w32_objs,$(SEQ_SRC),obj-double) $(W32_DEPS)
	$(EMCC) $(W32_CFLAGS) $(W32_LDFLAGS) -DRNN_DOUBLE $< $(call w32_objs,$(SEQ_SRC),obj-double) -o $@
W32_TESTS = $(patsubst tests/c/%.c,$(W32)/%.js,$(TESTS_C)) $(W32)/test_gradcheck.js \
            $(if $(wildcard tests/c/test_seq2seq.c),$(W32)/test_seq2seq.js) $(W32)/test_seqnet_gradcheck.js
test-c-wasm32: $(W32_TESTS)
	@set -e; for t in $^; do echo "== $$t"; RNN_NUMBER_N=20000 RNN_FORMAT_N=40000 node $$t; done

# libFuzzer targets, 64-bit (tests/fuzz/run.sh builds, seeds and runs them, bounded).
FUZZ_CC   ?= clang-14
FUZZ_FLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
$(BUILD)/fuzz/obj/%.o: src/%.c $(HDR) Makefile
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(WARN) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -Isrc -c $< -o $@
$(BUILD)/fuzz/bin64/%: tests/fuzz/%.c $(patsubst src/%.c,$(BUILD)/fuzz/obj/%.o,$(SRC)) $(HDR)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(WARN) $(FUZZ_FLAGS) -fsanitize=fuzzer -Isrc $< $(patsubst src/%.c,$(BUILD)/fuzz/obj/%.o,$(SRC)) -o $@ -lm
FUZZ_SECONDS ?= 20
fuzz:
	+bash tests/fuzz/run.sh $(FUZZ_SECONDS)

# The same fuzz targets on wasm32 under ASan+UBSan, with a replay main instead
# of libFuzzer (tests/fuzz/replay.c): every input of the seed corpora, of the
# corpora the 64-bit runs grew, of tests/fuzz/regressions/ and every crash input
# kept under build/fuzz/artifacts/ goes through LLVMFuzzerTestOneInput once.
# NODERAWFS: the replay reads the host's files.
$(W32)/fuzz/%.js: tests/fuzz/%.c tests/fuzz/replay.c $(call w32_objs,$(SRC),obj) $(W32_DEPS)
	@mkdir -p $(dir $@)
	$(EMCC) $(W32_CFLAGS) $(W32_LDFLAGS) -msimd128 -sNODERAWFS=1 $< tests/fuzz/replay.c $(call w32_objs,$(SRC),obj) -o $@
fuzz-replay-wasm32:
	+bash tests/fuzz/replay.sh

native: $(BUILD)/rnn-native
$(BUILD)/rnn-native: scripts/native_bench.c $(SRC) $(HDR)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O3 -march=native -Isrc $(SRC) $< -o $@ -lm

clean:
	rm -rf $(BUILD)
