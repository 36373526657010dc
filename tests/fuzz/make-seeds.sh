#!/usr/bin/env bash
# make-seeds.sh OUT - seed corpora for the fuzz targets, generated from real
# files (nothing large is committed): small model files and their PyTorch
# exports made by the CLI, and UTF-8 texts for the vocabulary builder.
#   OUT/fuzz_model_load/  OUT/fuzz_pytorch/  OUT/fuzz_vocab/  OUT/fuzz_text_tasks/
set -euo pipefail
cd "$(dirname "$0")/../.."
out="$1"
mkdir -p "$out/fuzz_model_load" "$out/fuzz_pytorch" "$out/fuzz_vocab" "$out/fuzz_text_tasks"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
rnn() { node scripts/rnn.mjs "$@" >/dev/null; }

printf 'ação três rede neural memória sequência é de um tempo. Olá, mundo! 12+7=19\n%.0s' {1..40} > "$work/pt.txt"
printf 'abcabcabd\n%.0s' {1..80} > "$work/abc.txt"
# a few shapes: the built-in corpus, an unknown symbol (cap 8), SGD without clipping, relu
rnn train --steps 2 --hidden 8 --batch 2 --seq 8 --out "$work/a.rnn"
rnn train --data "$work/pt.txt" --vocab-cap 8 --steps 2 --hidden 4 --batch 3 --seq 5 --out "$work/b.rnn"
rnn train --data "$work/abc.txt" --optim sgd --clip-mode value --clip 1 --activation relu --steps 1 --hidden 3 --batch 1 --seq 4 --out "$work/c.rnn"
for m in a b c; do
  cp "$work/$m.rnn" "$out/fuzz_model_load/$m.rnn"
  rnn export --model "$work/$m.rnn" --format pytorch --out "$out/fuzz_pytorch/$m.json"
done
printf '{"a":[1,2.5e-3,-0],"b":{"c":null,"d":true,"e":"\\u00e7\\ud83d\\ude00"}}' > "$out/fuzz_pytorch/plain.json"
# the vocabulary target reads byte 0 as the cap
{ printf '\x06'; cat "$work/pt.txt"; } > "$out/fuzz_vocab/pt.txt"
{ printf '\x00'; cat "$work/abc.txt"; } > "$out/fuzz_vocab/abc.txt"
{ printf '\x20'; printf '\xf0\x9f\x98\x80 \xe2\x82\xac \xc3\xa9 \xf4\x8f\xbf\xbf a\x00b'; } > "$out/fuzz_vocab/wide.txt"
# the task parsers' target reads byte 0 as the n-gram order and the split point
{ printf '\x05'; printf 'o filme é bom mas o final é ruim. adorei! Péssimo, não gostei.\n%.0s' {1..6}; } > "$out/fuzz_text_tasks/review.txt"
{ printf '\x02'; cat "$work/pt.txt"; } > "$out/fuzz_text_tasks/pt.txt"
{ printf '\x00'; printf 'ÉTIMO filme...BOM\tmas\xc3 ruim \xf0\x9f\x98\x80 bom'; } > "$out/fuzz_text_tasks/odd.txt"
