// model-commands.mjs - `rnn sample | eval | export | import`.
import { parseArgs, need, oneOf, range, engineKind, UsageError } from './args.mjs';
import { readText, readBytes } from './files.mjs';
import { checkOutput, writeAtomic } from './out-file.mjs';
import { param } from './limits.mjs';

export async function sampleMain(argv, io, loadEngine) {
  const o = parseArgs(argv, { model: 'string', length: 'int', temperature: 'number', prime: 'string', seed: 'int', greedy: 'flag', engine: 'string' });
  const file = need(o, 'model');
  const eng = await loadEngine(engineKind(o));
  const L = eng.contract.limits; // the engine's sampling limits
  range(o.length ?? 500, 0, L.sampleLength, 'length');
  if (o.temperature !== undefined) param({ type: 'float', min: 0, minOpen: true, max: L.temperatureMax }, o.temperature, 'temperature');
  if (o.seed !== undefined) param(eng.contract.charlm.params.seed, o.seed, 'seed'); // as train's: 2^32 + 1 is not 1
  const m = eng.loadCharLM(readBytes(file));
  try {
    const r = m.sample({ length: o.length ?? 500, temperature: o.temperature ?? 0.8, prime: o.prime || '', seed: o.seed ?? 1, greedy: !!o.greedy });
    io.stdout.write((o.prime || '') + r.text + '\n');
  } finally { m.free(); }
  return 0;
}

export async function evalMain(argv, io, loadEngine) {
  const o = parseArgs(argv, { model: 'string', data: 'string', json: 'flag', engine: 'string' });
  const eng = await loadEngine(engineKind(o));
  const m = eng.loadCharLM(readBytes(need(o, 'model')));
  try {
    const r = m.evaluate(readText(need(o, 'data')));
    io.stdout.write(o.json ? JSON.stringify({ bpc: r.bpc, chars: r.chars }) + '\n' : `${r.bpc.toFixed(4)} bits/char over ${r.chars} predicted characters\n`);
  } finally { m.free(); }
  return 0;
}

export async function exportMain(argv, io, loadEngine) {
  const o = parseArgs(argv, { model: 'string', format: 'string', out: 'string', engine: 'string' });
  oneOf(o.format ?? 'pytorch', ['pytorch'], 'format');
  const out = need(o, 'out');
  const model = need(o, 'model');
  const kind = engineKind(o);
  checkOutput(out, { model });
  const eng = await loadEngine(kind);
  const m = eng.loadCharLM(readBytes(model));
  try { writeAtomic(out, m.exportPytorch()); } finally { m.free(); }
  io.stderr.write(`wrote ${out}\n`);
  return 0;
}

export async function importMain(argv, io, loadEngine) {
  const o = parseArgs(argv, { format: 'string', in: 'string', out: 'string', engine: 'string' });
  oneOf(o.format ?? 'pytorch', ['pytorch'], 'format');
  const out = need(o, 'out');
  const input = need(o, 'in');
  const kind = engineKind(o);
  checkOutput(out, { in: input });
  const json = readText(input);
  if (!json.trim()) throw new UsageError(`${input} is empty`);
  const eng = await loadEngine(kind);
  const m = eng.importPytorch(json);
  try { writeAtomic(out, m.save()); } finally { m.free(); }
  io.stderr.write(`wrote ${out}\n`);
  return 0;
}
