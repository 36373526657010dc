#!/usr/bin/env bash
# run.sh [SECONDS] [SECONDS32] - builds the libFuzzer targets (64-bit and
# 32-bit: on wasm32 `long` is 32 bits), makes the seed corpora, and fuzzes each
# target for a bounded time. A crash leaves its input in build/fuzz/artifacts/
# and fails the run: turn it into a regression test (tests/c/test_bad_inputs.c).
set -euo pipefail
cd "$(dirname "$0")/../.."
secs="${1:-20}"; secs32="${2:-10}"
targets=(fuzz_model_load fuzz_pytorch fuzz_vocab fuzz_text_tasks)
make -s "${targets[@]/#/build/fuzz/bin64/}" "${targets[@]/#/build/fuzz/bin32/}"
rm -rf build/fuzz/seeds && bash tests/fuzz/make-seeds.sh build/fuzz/seeds
status=0
for t in "${targets[@]}"; do
  for w in 64 32; do
    s=$secs; [ "$w" = 32 ] && s=$secs32
    corpus="build/fuzz/corpus$w/$t"; art="build/fuzz/artifacts/$t-$w/"
    mkdir -p "$corpus" "$art"
    if "build/fuzz/bin$w/$t" -max_total_time="$s" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 \
         -artifact_prefix="$art" "$corpus" "build/fuzz/seeds/$t" > "build/fuzz/$t-$w.log" 2>&1; then
      echo "$t ($w-bit): $(grep -o 'stat::number_of_executed_units: *[0-9]*' "build/fuzz/$t-$w.log" | grep -o '[0-9]*$') runs in $s s, no crash"
    else
      echo "$t ($w-bit): CRASH, input in $art (log build/fuzz/$t-$w.log)"; tail -30 "build/fuzz/$t-$w.log"; status=1
    fi
  done
done
exit $status
