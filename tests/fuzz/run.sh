#!/usr/bin/env bash
# run.sh [SECONDS] - builds the 64-bit libFuzzer targets, makes the seed
# corpora, and fuzzes each target for a bounded time. A crash leaves its input
# in build/fuzz/artifacts/ and fails the run: turn it into a regression test
# (tests/c/test_bad_inputs.c) and keep the input in tests/fuzz/regressions/.
# The 32-bit side (wasm32, the shipped target) is tests/fuzz/replay.sh: it
# replays the seeds and what these runs kept through wasm32 sanitizer builds.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs="${1:-20}"
targets=(fuzz_model_load fuzz_pytorch fuzz_vocab fuzz_text_tasks)
make -s "${targets[@]/#/build/fuzz/bin64/}"
rm -rf build/fuzz/seeds && bash tests/fuzz/make-seeds.sh build/fuzz/seeds
status=0
for t in "${targets[@]}"; do
  corpus="build/fuzz/corpus64/$t"; art="build/fuzz/artifacts/$t-64/"
  mkdir -p "$corpus" "$art"
  if "build/fuzz/bin64/$t" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$art" "$corpus" "build/fuzz/seeds/$t" > "build/fuzz/$t-64.log" 2>&1; then
    echo "$t (64-bit): $(grep -o 'stat::number_of_executed_units: *[0-9]*' "build/fuzz/$t-64.log" | grep -o '[0-9]*$') runs in $secs s, no crash"
  else
    echo "$t (64-bit): CRASH, input in $art (log build/fuzz/$t-64.log)"; tail -30 "build/fuzz/$t-64.log"; status=1
  fi
done
exit $status
