// l2e.mjs - `rnn l2e gen | train | race`: learning to execute from the
// command line (the same WASM engine the page runs; js/engine.js).
// l2eMain never throws and never exits: it returns the exit code
// (0 ok, 1 engine/runtime error, 2 bad arguments).
import { createRequire } from 'node:module';
import { parseArgs, need, oneOf, range, UsageError } from './args.mjs';
import { param } from './limits.mjs';

const require = createRequire(import.meta.url);

const USAGE = `usage: rnn l2e <gen | train | race> [options]   (learning to execute, Zaremba & Sutskever 2014)
  gen    --length L [--nesting N] [--count 10] [--split train|val|test|any] [--seed 1]
         [--task program|addition|copy] [--scramble] [--json] [--pretty]
  train  --length L [--nesting N] [--strategy baseline|naive|mix|combined] [--steps N | --seconds S]
         [--task ...] [--hidden 128] [--batch 32] [--lr 0.002] [--clip 5] [--seed 1] [--reverse]
         [--context every|init] [--scramble] [--report-every 200] [--eval-every 50] [--eval-samples 256] [--json]
  race   the four strategies with the same budget (options of train, without --strategy)
  options: --engine simd|scalar|auto. Defaults: program task, nesting 1, 1000 steps.
  --scramble: the same programs through one random substitution of the symbols (input and
  target; '#', '@', '.' kept), drawn once per run from the seed, as in the paper's figure.
  Metrics: per-character accuracy on the target under teacher forcing (the paper's metric) and
  exact match of the greedy decode, on fixed train/val sets at the target level.
`;

const GEN_SPEC = { length: 'int', nesting: 'int', count: 'int', split: 'string', seed: 'int', task: 'string',
  scramble: 'flag', json: 'flag', pretty: 'flag', engine: 'string' };
const TRAIN_SPEC = { length: 'int', nesting: 'int', strategy: 'string', steps: 'int', seconds: 'number', task: 'string',
  hidden: 'int', batch: 'int', lr: 'number', clip: 'number', seed: 'int', reverse: 'flag', context: 'string',
  scramble: 'flag', 'report-every': 'int', 'eval-every': 'int', 'eval-samples': 'int', json: 'flag', engine: 'string' };
const RACE_SPEC = Object.fromEntries(Object.entries(TRAIN_SPEC).filter(([k]) => k !== 'strategy'));

const fmt = (x, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const num = (x) => (Number.isFinite(x) ? +x.toFixed(6) : null);

async function engineFor(o) {
  const { loadEngine } = require('../../js/node-engine.js');
  return loadEngine(o.engine || 'auto');
}

// task, length and nesting, validated the same way for every command, with
// the engine's limits (P: eng.contract.l2e.params)
function level(o, P) {
  const task = param(P.task, o.task === undefined ? P.task.default : o.task, 'task');
  const length = param({ ...P.length, max: P.length.maxByTask[task] }, need(o, 'length'), 'length');
  if (task !== 'program' && o.nesting !== undefined && o.nesting !== 1) {
    throw new UsageError(`--nesting applies to programs only (the ${task} task has none)`);
  }
  const nesting = task === 'program' ? param(P.nesting, o.nesting === undefined ? 1 : o.nesting, 'nesting') : 1;
  return { task, length, nesting };
}

function checkEngine(o) { if (o.engine !== undefined) oneOf(o.engine, ['simd', 'scalar', 'auto'], 'engine'); }

// ------------------------------------------------------------------ gen

async function gen(argv, io) {
  const o = parseArgs(argv, GEN_SPEC);
  checkEngine(o);
  const eng = await engineFor(o);
  const C = eng.contract, P = C.l2e.params;
  const lv = level(o, P);
  const count = range(o.count === undefined ? 10 : o.count, 0, C.limits.l2eCount, 'count');
  const split = oneOf(o.split === undefined ? 'any' : o.split, [...C.enums.l2eSplit, 'any'], 'split');
  const seed = param(P.seed, o.seed === undefined ? 1 : o.seed, 'seed');
  const samples = eng.l2eGenerate({ ...lv, count, split, seed, scramble: !!o.scramble });
  const out = [];
  for (const s of samples) {
    if (o.json) out.push(JSON.stringify(o.pretty ? { input: s.input, target: s.target, pretty: eng.l2ePretty(s.input) } : s));
    else if (o.pretty) out.push(`${eng.l2ePretty(s.input)}\n-> ${s.target}\n`);
    else out.push(`${s.input}  ->  ${s.target}`);
  }
  io.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
  return 0;
}

// ------------------------------------------------------------------ train / race

function trainOptions(o, P) {
  const lv = level(o, P);
  if (o.steps !== undefined && o.seconds !== undefined) throw new UsageError('give --steps or --seconds, not both');
  const budget = o.seconds !== undefined ? { seconds: range(o.seconds, 0.1, 86400, 'seconds') }
    : { steps: range(o.steps === undefined ? 1000 : o.steps, 1, 1000000, 'steps') };
  const m = { ...lv, context: param(P.context, o.context === undefined ? P.context.default : o.context, 'context'),
    reverse: !!o.reverse, scramble: !!o.scramble };
  const flags = { hidden: 'hidden', batch: 'batch', lr: 'lr', clip: 'clip', seed: 'seed', evalEvery: 'eval-every',
    evalSamples: 'eval-samples' };
  for (const [k, flag] of Object.entries(flags)) if (o[flag] !== undefined) m[k] = param(P[k], o[flag], flag);
  const reportEvery = range(o['report-every'] === undefined ? 200 : o['report-every'], 1, 1000000, 'report-every');
  return { model: m, budget, reportEvery };
}

function describe(m, eng) {
  const what = m.task === 'program' ? `programs L=${m.length} N=${m.nesting}` : `${m.task} L=${m.length}`;
  return `${what}; hidden ${m.hidden}, batch ${m.batch}, lr ${m.lr}, seed ${m.seed}, context ${m.context}` +
    `${m.reverse ? ', reversed input' : ''}${m.scramble ? ', scrambled (one substitution of the symbols)' : ''} (${eng.kind} module)`;
}

// The format-only guess (see js/l2e-baseline.js), from
// generated train-split targets scored on val-split targets.
function formatGuess(eng, m) {
  const { formatBaseline } = require('../../js/l2e-baseline.js');
  const gen = (split, seed) => eng.l2eGenerate({ task: m.task, length: m.length, nesting: m.nesting, count: 4000, split, seed });
  return formatBaseline(gen('train', 7), gen('val', 8));
}

// One training run that can be advanced chunk by chunk (for the race's round robin).
class Run {
  constructor(eng, opts, strategy) {
    this.strategy = strategy;
    this.model = eng.createL2E({ ...opts, strategy });
    this.opts = this.model.opts;
    this.seconds = 0;
    this.last = this.model.status();
    this.row = null;
  }
  done(budget) { return budget.steps !== undefined ? this.last.step >= budget.steps : this.seconds >= budget.seconds; }
  advance(n) {
    const t0 = performance.now();
    this.last = this.model.train(n);
    this.seconds += (performance.now() - t0) / 1000;
    if (!this.last.ok) throw new Error(`${this.strategy}: the loss or gradient became NaN/Inf at step ${this.last.step}`);
    return this.last;
  }
  measure() {
    const tr = this.model.evaluate('train'), va = this.model.evaluate('val');
    const s = this.last;
    this.row = { strategy: this.strategy, step: s.step, samples: s.samples, seconds: +this.seconds.toFixed(2),
      level: [s.level.length, s.level.nesting], loss: num(s.loss), batch_char: num(s.trainChar),
      train_char: num(tr.charAcc), train_exact: num(tr.exact), val_char: num(va.charAcc), val_exact: num(va.exact) };
    return this.row;
  }
  free() { this.model.free(); }
}

// steps until the next report (or the end of a step budget)
function chunkFor(run, budget, reportEvery) {
  const toReport = reportEvery - (run.last.step % reportEvery);
  if (budget.steps !== undefined) return Math.min(toReport, budget.steps - run.last.step);
  return Math.min(toReport, 50); // time budget: check the clock every 50 steps
}

function runUntilReport(run, budget, reportEvery) {
  let reported = false;
  while (!run.done(budget) && !reported) {
    const s = run.advance(chunkFor(run, budget, reportEvery));
    reported = s.step % reportEvery === 0;
  }
  return run.measure();
}

const HEAD = '   step  samples    time  level   loss  batch-char  train-char train-exact  val-char val-exact';
function rowLine(r) {
  return `${String(r.step).padStart(7)} ${String(r.samples).padStart(8)} ${(r.seconds.toFixed(1) + 's').padStart(7)}` +
    `  (${r.level[0]},${r.level[1]})  ${fmt(r.loss, 3).padStart(5)}  ${fmt(r.batch_char).padStart(10)}  ${fmt(r.train_char).padStart(10)}` +
    ` ${fmt(r.train_exact).padStart(11)}  ${fmt(r.val_char).padStart(8)} ${fmt(r.val_exact).padStart(9)}`;
}

async function train(argv, io) {
  const o = parseArgs(argv, TRAIN_SPEC);
  checkEngine(o);
  const eng = await engineFor(o);
  const P = eng.contract.l2e.params;
  const strategy = param(P.strategy, o.strategy === undefined ? P.strategy.default : o.strategy, 'strategy');
  const { model, budget, reportEvery } = trainOptions(o, P);
  const run = new Run(eng, model, strategy);
  try {
    const guess = formatGuess(eng, run.opts);
    const start = { event: 'start', command: 'train', strategy, ...run.opts, budget, engine: eng.kind, params: run.model.info.params,
      format_guess: { char: num(guess.charAcc), exact: num(guess.exact) } };
    if (o.json) io.stdout.write(JSON.stringify(start) + '\n');
    else {
      io.stdout.write(`l2e train: ${strategy} on ${describe(run.opts, eng)}; ${run.model.info.params} parameters; budget ` +
        `${budget.steps !== undefined ? budget.steps + ' steps' : budget.seconds + ' s'}\n`);
      io.stdout.write(`guessing from the output format alone: per-char ${fmt(guess.charAcc)}, exact ${fmt(guess.exact)}\n${HEAD}\n`);
    }
    while (!run.done(budget)) {
      const r = runUntilReport(run, budget, reportEvery);
      io.stdout.write(o.json ? JSON.stringify({ event: 'progress', ...r }) + '\n' : rowLine(r) + '\n');
    }
    const te = run.model.evaluate('test');
    const ex = run.model.examples(4);
    const result = { event: 'result', ...run.row, test_char: num(te.charAcc), test_exact: num(te.exact), examples: ex };
    if (o.json) io.stdout.write(JSON.stringify(result) + '\n');
    else {
      io.stdout.write(`final (target level, ${run.opts.evalSamples} samples per split): val per-char ${fmt(run.row.val_char)}, exact ${fmt(run.row.val_exact)}; ` +
        `test per-char ${fmt(te.charAcc)}, exact ${fmt(te.exact)}\n`);
      for (const e of ex) io.stdout.write(`  ${e.input}  ->  ${e.prediction}  (target ${e.target})${e.correct ? '' : '  x'}\n`);
    }
    return 0;
  } finally {
    run.free();
  }
}

async function race(argv, io) {
  const o = parseArgs(argv, RACE_SPEC);
  checkEngine(o);
  const eng = await engineFor(o);
  const { model, budget, reportEvery } = trainOptions(o, eng.contract.l2e.params);
  const runs = [];
  try {
    for (const s of eng.contract.enums.l2eStrategy) runs.push(new Run(eng, model, s));
    const opts = runs[0].opts;
    const guess = formatGuess(eng, opts);
    if (o.json) {
      io.stdout.write(JSON.stringify({ event: 'start', command: 'race', ...opts, strategy: undefined, budget, engine: eng.kind,
        params: runs[0].model.info.params, format_guess: { char: num(guess.charAcc), exact: num(guess.exact) } }) + '\n');
    } else {
      io.stdout.write(`l2e race: ${describe(opts, eng)}; budget ${budget.steps !== undefined ? budget.steps + ' steps' : budget.seconds + ' s'} per strategy\n`);
      io.stdout.write(`progress: val per-char / exact per strategy (level in brackets)\n`);
    }
    // round robin: every strategy trains to its next report, then one line
    while (runs.some((r) => !r.done(budget))) {
      const rows = runs.filter((r) => !r.done(budget)).map((r) => runUntilReport(r, budget, reportEvery));
      if (o.json) for (const r of rows) io.stdout.write(JSON.stringify({ event: 'progress', ...r }) + '\n');
      else {
        io.stdout.write(`  step ${String(Math.max(...rows.map((r) => r.step))).padStart(6)}: ` +
          rows.map((r) => `${r.strategy} ${fmt(r.val_char)}/${fmt(r.val_exact)} (${r.level[0]},${r.level[1]})`).join('  ') + '\n');
      }
    }
    const table = runs.map((r) => {
      const te = r.model.evaluate('test');
      return { ...r.row, test_char: num(te.charAcc), test_exact: num(te.exact) };
    });
    const row = (strategy) => table.find((r) => r.strategy === strategy);
    // the strategy with the highest value, or "tie: a, b" when several share it
    const best = (k) => {
      const top = Math.max(...table.map((r) => r[k]));
      const who = table.filter((r) => r[k] === top).map((r) => r.strategy);
      return who.length === 1 ? who[0] : `tie: ${who.join(', ')}`;
    };
    const verdict = { best_val_char: best('val_char'), best_val_exact: best('val_exact'),
      naive_below_baseline: row('naive').val_char < row('baseline').val_char };
    if (o.json) {
      io.stdout.write(JSON.stringify({ event: 'result', table, format_guess: { char: num(guess.charAcc), exact: num(guess.exact) }, ...verdict }) + '\n');
      return 0;
    }
    io.stdout.write('\nstrategy    steps    time  level  train-char train-exact  val-char val-exact  test-char test-exact\n');
    for (const r of table) {
      io.stdout.write(`${r.strategy.padEnd(9)} ${String(r.step).padStart(7)} ${(r.seconds.toFixed(1) + 's').padStart(7)}  (${r.level[0]},${r.level[1]})` +
        `  ${fmt(r.train_char).padStart(10)} ${fmt(r.train_exact).padStart(11)}  ${fmt(r.val_char).padStart(8)} ${fmt(r.val_exact).padStart(9)}` +
        `  ${fmt(r.test_char).padStart(9)} ${fmt(r.test_exact).padStart(10)}\n`);
    }
    io.stdout.write(`${'format guess'.padEnd(33)}  ${'-'.padStart(10)} ${'-'.padStart(11)}  ${fmt(guess.charAcc).padStart(8)} ${fmt(guess.exact).padStart(9)}\n`);
    io.stdout.write(`best val per-char: ${verdict.best_val_char}; best val exact: ${verdict.best_val_exact}; ` +
      `naive ${verdict.naive_below_baseline ? 'below' : 'not below'} baseline (per-char)\n`);
    return 0;
  } finally {
    for (const r of runs) r.free();
  }
}

export async function l2eMain(argv, io) {
  const [cmd, ...rest] = argv;
  try {
    if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') { io.stdout.write(USAGE); return cmd ? 0 : 2; }
    if (cmd === 'gen') return await gen(rest, io);
    if (cmd === 'train') return await train(rest, io);
    if (cmd === 'race') return await race(rest, io);
    throw new UsageError(`unknown l2e command '${cmd}' (gen, train, race)`);
  } catch (err) {
    if (err instanceof UsageError) { io.stderr.write(`rnn l2e: ${err.message}\n`); return 2; }
    io.stderr.write(`rnn l2e: error: ${err && err.message ? err.message : String(err)}\n`);
    return 1;
  }
}
