#!/usr/bin/env node
// rnn.mjs - the command-line interface to the engine (the same WASM module
// the page runs). `node scripts/rnn.mjs help` lists the commands.
import { createRequire } from 'node:module';
import { UsageError } from './cli/args.mjs';
import { letSignalsIn } from './cli/signals.mjs';
import { trainMain } from './cli/train.mjs';
import { sampleMain, evalMain, exportMain, importMain } from './cli/model-commands.mjs';
import { benchMain } from './cli/bench.mjs';
import { ngramMain, NGRAM_USAGE } from './cli/ngram.mjs';
import { l2eMain } from './cli/l2e.mjs';
import { processIo } from './cli/output.mjs';

const require = createRequire(import.meta.url);
const { loadEngine } = require('../js/node-engine.js');

const USAGE = `usage: rnn <command> [options]
  train   [--data FILE] [--hidden 160] [--seq 64] [--batch 32] [--lr 0.003] [--optim adam|adagrad|sgd|momentum|rmsprop]
          [--clip 5] [--clip-mode norm|value] [--activation tanh|relu|linear] [--steps N | --seconds S] [--seed K]
          [--val-fraction 0.1] [--out model.rnn] [--resume model.rnn] [--json] [--eval-every SECONDS]
          [--workers N]   (data-parallel worker threads; default: the cores, at most 8; the lr grows with N)
          [--decay]       (the lr held for half the budget, then down to a tenth at its end)
  sample  --model F [--length 500] [--temperature 0.8] [--prime TEXT] [--seed K] [--greedy]
  eval    --model F --data FILE [--json]
  export  --model F --format pytorch --out F.json
  import  --format pytorch --in F.json --out F.rnn
  bench   [--json] [--peers] [--quick] [--sizes 256,512,1024] [--hidden 256] [--batch 32] [--seq 64] [--steps 5] [--reps 5] [--no-native] [--threads N]
          [--workers K]   (data-parallel chars/s at 1..K workers; default K: the cores)
  l2e     gen | train | race ...   (learning to execute; 'rnn l2e help')
${NGRAM_USAGE}every command also takes --engine simd|scalar|auto (default auto)
`;

async function main(argv) {
  const io = processIo(); // a closed reader costs only the lines (cli/output.mjs)
  const [cmd, ...rest] = argv;
  const commands = {
    train: () => trainMain(rest, io, loadEngine),
    sample: () => sampleMain(rest, io, loadEngine),
    eval: () => evalMain(rest, io, loadEngine),
    export: () => exportMain(rest, io, loadEngine),
    import: () => importMain(rest, io, loadEngine),
    bench: () => benchMain(rest, io, loadEngine),
    ngram: () => ngramMain(rest, io, loadEngine),
    l2e: () => l2eMain(rest, io),
  };
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') { io.stdout.write(USAGE); return cmd ? 0 : 2; }
  if (!commands[cmd]) throw new UsageError(`unknown command '${cmd}'`);
  return commands[cmd]();
}

// (a signal trapped during the command's last, synchronous write ends the
// process here with 128 + its number, after that write)
main(process.argv.slice(2)).then(
  async (code) => { process.exitCode = code; await letSignalsIn(); },
  (err) => {
    const { stderr } = processIo();
    if (err instanceof UsageError) { stderr.write(`rnn: ${err.message} (see 'rnn help')\n`); process.exitCode = 2; return; }
    stderr.write(`rnn: error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
