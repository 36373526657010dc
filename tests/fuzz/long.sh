#!/usr/bin/env bash
# long.sh RUNS MAXSECS TARGET - one long libFuzzer run (not CI): the 64-bit
# target fuzzes until RUNS executions or MAXSECS seconds, at nice 19, keeping
# its corpus in build/fuzz/corpus64/ (tests/fuzz/replay.sh then replays it on
# wasm32). Run `make fuzz` (or tests/fuzz/run.sh 1) first: it builds the
# binaries and the seeds. One fuzzer process at a time: the machine is shared.
# Prints one line: target, executions, seconds, result; the log is
# build/fuzz/long-*.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="$1"; secs="$2"; t="$3"; w=64
corpus="build/fuzz/corpus$w/$t"; art="build/fuzz/artifacts/$t-$w/"; log="build/fuzz/long-$t-$w.log"
mkdir -p "$corpus" "$art"
start=$(date +%s)
if nice -n 19 "build/fuzz/bin$w/$t" -runs="$runs" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 \
     -print_final_stats=1 -artifact_prefix="$art" "$corpus" "build/fuzz/seeds/$t" > "$log" 2>&1; then
  result="no crash"
else
  result="CRASH: input in $art, log $log"
fi
n=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
echo "$t ($w-bit): $n executions in $(( $(date +%s) - start )) s, $result"
