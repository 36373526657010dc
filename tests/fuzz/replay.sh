#!/usr/bin/env bash
# replay.sh - replays the fuzz inputs through wasm32 ASan+UBSan builds of the
# fuzz targets (tests/fuzz/replay.c as main, run in Node): on wasm32 `long` and
# size_t are 32 bits, as in the shipped engine. For each target, the inputs are
#   build/fuzz/seeds/T          the seed corpus (tests/fuzz/make-seeds.sh; made if missing)
#   build/fuzz/corpus64/T       what the 64-bit libFuzzer runs kept (if `make fuzz` ran)
#   build/fuzz/artifacts/T-64/  crash inputs left by libFuzzer runs (if any)
#   tests/fuzz/regressions/T/   crash inputs kept in the repository (if any)
# Any sanitizer report or broken invariant fails the run; the input is named.
set -euo pipefail
cd "$(dirname "$0")/../.."
targets=(fuzz_model_load fuzz_pytorch fuzz_vocab fuzz_text_tasks)
make -s $(printf 'build/wasm32-san/fuzz/%s.js ' "${targets[@]}")
[ -d build/fuzz/seeds ] || bash tests/fuzz/make-seeds.sh build/fuzz/seeds
status=0
for t in "${targets[@]}"; do
  dirs=("build/fuzz/seeds/$t")
  for d in "build/fuzz/corpus64/$t" "build/fuzz/artifacts/$t-64" "tests/fuzz/regressions/$t"; do
    [ -d "$d" ] && dirs+=("$d")
  done
  log="build/fuzz/replay-$t.log"
  if node "build/wasm32-san/fuzz/$t.js" -v "${dirs[@]}" > "$log" 2>&1; then
    echo "$t (wasm32): $(grep -o 'replay: [0-9]* inputs' "$log" | grep -o '[0-9]*') inputs from ${dirs[*]}, no report"
  else
    echo "$t (wasm32): FAILED (log $log); last input named:"; tail -40 "$log"; status=1
  fi
done
exit $status
