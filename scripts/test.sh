#!/usr/bin/env bash
# test.sh - sets up, then runs every test: C tests under ASan+UBSan, native
# 64-bit and on wasm32 (emcc, run in Node: the shipped target, where `long` is
# 32 bits; no i386 execution needed), bounded 64-bit libFuzzer runs and their
# corpora replayed on wasm32, the generated-program check, the freshness check
# of the committed generated files (and its own test on a deliberately stale
# clone), Node tests against both modules, CLI tests, browser tests in headless
# Chromium (with an axe-core accessibility audit), Firefox ESR and WebKit
# (MiniBrowser under Xvfb), and a tiny bench. Each stage prints its time.
# Ends with one line "stages: N passed, N failed".
#
#   bash scripts/test.sh           the full gate (CI runs this)
#   bash scripts/test.sh --quick   a fast loop for iteration, NOT the gate: native C
#                                  tests, the Node tests on the SIMD module only, one
#                                  browser smoke (every page loads clean)
set -uo pipefail
cd "$(dirname "$0")/.."
quick=0
case "${1:-}" in
  --quick) quick=1 ;;
  "") ;;
  *) echo "usage: bash scripts/test.sh [--quick]" >&2; exit 2 ;;
esac
bash scripts/setup.sh || { echo "stages: 0 passed, 1 failed"; exit 1; }
jobs=$(nproc 2>/dev/null || echo 2)

passed=0; failed=0; failures=()
stage() {
  local name="$1"; shift
  echo "=== $name"
  local t0=$SECONDS
  if "$@"; then passed=$((passed + 1)); echo "=== $name: ok ($((SECONDS - t0)) s)"
  else failed=$((failed + 1)); failures+=("$name"); echo "=== $name: FAILED ($((SECONDS - t0)) s)"; fi
}

if [ "$quick" = 1 ]; then
  stage "C unit tests (native 64-bit, ASan+UBSan)" make -s -j"$jobs" test-c
  # (the 2-seed stability run, minutes of training, is left to the full gate)
  stage "Node tests (SIMD module only, CLI; no stability run)" env RNN_TEST_KINDS=simd \
    node --test $(ls tests/node/*.test.mjs | grep -v '/stability\.test\.mjs$')
  stage "browser smoke (headless Chromium: every page loads clean)" node --test tests/browser/pages-at-load.test.mjs
  echo "(--quick is not the gate: run bash scripts/test.sh before you commit)"
  echo "stages: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]; exit
fi

stage "C unit tests (native 64-bit, ASan+UBSan)" make -s -j"$jobs" test-c
stage "C unit tests on wasm32, the shipped target (emcc, ASan+UBSan, run in Node)" make -s -j"$jobs" test-c-wasm32
stage "fuzzers (libFuzzer 64-bit: model file, PyTorch JSON, vocabulary, task texts; bounded)" make -s -j"$jobs" fuzz FUZZ_SECONDS=20
stage "fuzz seeds, grown corpora and kept crash inputs replayed on wasm32 (ASan+UBSan)" make -s -j"$jobs" fuzz-replay-wasm32
stage "learning-to-execute programs run by Python" bash -c 'make -s build/san/l2e_dump && python3 tests/l2e/check_programs.py build/san/l2e_dump'
# setup.sh has just rebuilt the generated files in place; this check rebuilds
# under build/check/ and compares with the COMMITTED files (git HEAD)
stage "generated files in HEAD (wasm/, web/gen/, web/vendor/) match a rebuild" make -s check-generated
stage "the freshness check fails on a stale tree" node --test tests/generated/
stage "Node tests (both WASM modules, CLI)" node --test tests/node/
if [ -d tests/browser ]; then
  stage "browser tests (headless Chromium)" node --test --test-concurrency=1 tests/browser/
fi
stage "browser tests (headless Firefox ESR: core flows, every widget)" node --test --test-concurrency=1 tests/firefox/
# WebKit needs an X display (Xvfb) and a real locale (with LANG=C its navigator.language may be "C")
stage "browser tests (WebKit: MiniBrowser via WebKitWebDriver under Xvfb; core flows, race, gallery, every widget)" \
  xvfb-run -a -s '-screen 0 1280x1024x24' env LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 node --test --test-concurrency=1 tests/webkit/
stage "bench runs (tiny workload)" node scripts/rnn.mjs bench --hidden 16 --batch 2 --seq 8 --steps 2 --reps 1 --matmul 32

[ ${#failures[@]} -gt 0 ] && printf 'failed: %s\n' "${failures[@]}"
echo "stages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
