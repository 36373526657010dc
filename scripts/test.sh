#!/usr/bin/env bash
# test.sh - sets up, then runs every test: native C tests under ASan/UBSan
# (64- and 32-bit), bounded libFuzzer runs, the generated-program check, the
# freshness check of the committed generated files (and its own test on a
# deliberately stale clone), Node tests against both modules, CLI tests,
# browser tests in headless Chromium and Firefox ESR and in WebKit (MiniBrowser
# under Xvfb), and a tiny bench.
# Ends with one line "stages: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "stages: 0 passed, 1 failed"; exit 1; }

passed=0; failed=0; failures=()
stage() {
  local name="$1"; shift
  echo "=== $name"
  local t0=$SECONDS
  if "$@"; then passed=$((passed + 1)); echo "=== $name: ok ($((SECONDS - t0)) s)"
  else failed=$((failed + 1)); failures+=("$name"); echo "=== $name: FAILED ($((SECONDS - t0)) s)"; fi
}

stage "C unit tests (ASan+UBSan)" make -s test-c
stage "C unit tests, 32-bit build (gcc -m32, ASan+UBSan)" make -s test-c32
stage "fuzzers (libFuzzer: model file, PyTorch JSON, vocabulary; 64- and 32-bit, bounded)" make -s fuzz FUZZ_SECONDS=20 FUZZ32_SECONDS=10
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
