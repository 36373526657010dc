#!/usr/bin/env node
// rnn.mjs - the command-line interface to the engine (the same WASM module
// the page runs). `node scripts/rnn.mjs help` lists the commands.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './cli/args.mjs';
import { trainMain } from './cli/train.mjs';
import { sampleMain, evalMain, exportMain, importMain } from './cli/model-commands.mjs';
import { benchMain } from './cli/bench.mjs';

const require = createRequire(import.meta.url);
const { loadEngine } = require('../js/node-engine.js');
const HERE = path.dirname(fileURLToPath(import.meta.url));

const USAGE = `usage: rnn <command> [options]
  train   [--data FILE] [--hidden 160] [--seq 64] [--batch 32] [--lr 0.003] [--optim adam|adagrad|sgd|momentum|rmsprop]
          [--clip 5] [--clip-mode norm|value] [--activation tanh|relu|linear] [--steps N | --seconds S] [--seed K]
          [--val-fraction 0.1] [--out model.rnn] [--resume model.rnn] [--json] [--eval-every SECONDS]
  sample  --model F [--length 500] [--temperature 0.8] [--prime TEXT] [--seed K] [--greedy]
  eval    --model F --data FILE [--json]
  export  --model F --format pytorch --out F.json
  import  --format pytorch --in F.json --out F.rnn
  bench   [--json] [--peers] [--quick] [--sizes 256,512,1024] [--hidden 256] [--batch 32] [--seq 64] [--steps 5] [--reps 5] [--no-native]
  l2e     gen | train | race ...   (learning to execute; 'rnn l2e help')
every command also takes --engine simd|scalar|auto (default auto)
`;

async function main(argv) {
  const io = { stdout: process.stdout, stderr: process.stderr };
  const [cmd, ...rest] = argv;
  const commands = {
    train: () => trainMain(rest, io, loadEngine),
    sample: () => sampleMain(rest, io, loadEngine),
    eval: () => evalMain(rest, io, loadEngine),
    export: () => exportMain(rest, io, loadEngine),
    import: () => importMain(rest, io, loadEngine),
    bench: () => benchMain(rest, io, loadEngine),
    l2e: async () => {
      const file = path.join(HERE, 'cli', 'l2e.mjs');
      if (!fs.existsSync(file)) throw new Error('the l2e commands are not part of this build');
      const { l2eMain } = await import(file);
      return l2eMain(rest, io);
    },
  };
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') { io.stdout.write(USAGE); return cmd ? 0 : 2; }
  if (!commands[cmd]) throw new UsageError(`unknown command '${cmd}'`);
  return commands[cmd]();
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    if (err instanceof UsageError) { process.stderr.write(`rnn: ${err.message}\n(see 'rnn help')\n`); process.exitCode = 2; return; }
    process.stderr.write(`rnn: error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
