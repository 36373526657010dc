// data-parallel.test.mjs - training over N workers (worker_threads here, Web
// Workers in the page; js/data-parallel.js over src/models/charlm_replica.c):
// 1 worker is lm.train bit for bit; 2 workers repeat byte for byte; the
// gradients summed over 2 replicas equal one model's on the union of their
// streams; a 2-worker file resumes exactly with 2 and restarts its streams
// (said) with 1 or 3; a worker that dies makes the step fail, not hang.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { loadEngine, KINDS, smallText } from './helpers.mjs';

const require = createRequire(import.meta.url);
const { startTeam, defaultWorkers } = require('../../js/node-team.js');

const TEXT = smallText(30000);
const OPTS = { hidden: 32, seq: 16, batch: 4, seed: 7 };
const same = (a, b) => a.length === b.length && Buffer.from(a).equals(Buffer.from(b));

async function trained(eng, workers, steps, opts = OPTS) {
  const lm = eng.createCharLM(TEXT, opts);
  const team = await startTeam(lm, TEXT, workers);
  const st = await team.train(steps);
  const bytes = await team.save();
  await team.stop();
  lm.free();
  return { st, bytes };
}

for (const kind of KINDS) {
  test(`${kind}: 1 worker is lm.train bit for bit`, async () => {
    const eng = await loadEngine(kind);
    const plain = eng.createCharLM(TEXT, OPTS);
    const p = plain.train(6);
    const { st, bytes } = await trained(eng, 1, 6);
    assert.ok(same(plain.save(), bytes), 'model files differ');
    assert.equal(st.step, p.step);
    assert.equal(st.chars, p.chars);
    assert.ok(Math.abs(st.loss - p.loss) <= 1e-12 * p.loss, `loss ${st.loss} vs ${p.loss}`);
    assert.equal(bytes[4], 1, 'one worker writes file version 1');
    plain.free();
  });

  test(`${kind}: 2 workers give identical model bytes on two runs with one seed`, async () => {
    const eng = await loadEngine(kind);
    const a = await trained(eng, 2, 8), b = await trained(eng, 2, 8);
    assert.ok(same(a.bytes, b.bytes), 'two runs differ');
    assert.equal(a.bytes[4], 2, 'a 2-worker file is version 2');
    assert.equal(a.st.chars, 8 * 2 * OPTS.batch * OPTS.seq, 'chars count both workers');
    assert.equal(a.st.step, 8);
    const one = await trained(eng, 1, 8);
    assert.ok(!same(one.bytes.subarray(96, 2000), a.bytes.subarray(96, 2000)), '2 workers see more text than 1: weights differ');
  });
}

test('the gradients summed over 2 replicas equal one model\'s on the union of their streams', async () => {
  const eng = await loadEngine('simd');
  const leader = eng.createCharLM(TEXT, { ...OPTS, batch: 3 });
  leader.setWorkers(2, 0);
  const other = eng.loadCharLM(leader.save(), TEXT);
  assert.deepEqual(other.setWorkers(2, 1), { restarted: false });
  const union = eng.createCharLM(TEXT, { ...OPTS, batch: 6 });
  const g1 = other.replicaGradients(true);
  const g0 = leader.replicaGradients(false);
  const loss = leader.addGradients(g1.grads, g1.loss);
  const sum = leader.gradientCopy();
  const u = union.gradients();
  let num = 0, den = 0;
  for (let i = 0; i < sum.length; i++) { num += (sum[i] - u.grads[i]) ** 2; den += u.grads[i] ** 2; }
  const rel = Math.sqrt(num / den);
  // tolerance: float32 sums in another order over 6 streams x 16 steps
  assert.ok(rel < 1e-5, `relative difference ${rel}`);
  assert.ok(Math.abs(loss - u.loss) < 1e-5 * u.loss, `loss ${loss} vs ${u.loss} (shares ${g0.loss} + ${g1.loss})`);
  [leader, other, union].forEach((m) => m.free());
});

test('resume: the same N continues exactly; another N is allowed and restarts the streams', async () => {
  const eng = await loadEngine('simd');
  const straight = await trained(eng, 2, 10);
  const half = await trained(eng, 2, 5);
  const lm = eng.loadCharLM(half.bytes, TEXT);
  assert.equal(lm.info.workers, 2, 'the file records 2 workers');
  const team = await startTeam(lm, TEXT, 2);
  assert.deepEqual(team.started, { restarted: false });
  await team.train(5);
  assert.ok(same(await team.save(), straight.bytes), 'resumed 5 + 5 steps differ from 10 straight');
  await team.stop();
  lm.free();
  for (const N of [1, 3]) {
    const m = eng.loadCharLM(half.bytes, TEXT);
    const t = await startTeam(m, TEXT, N);
    assert.deepEqual(t.started, { restarted: true }, `${N} workers from a 2-worker file`);
    const st = await t.train(2);
    assert.equal(st.step, 7);
    assert.equal(m.info.workers, N);
    const bytes = await t.save();
    assert.equal(bytes[4], N > 1 ? 2 : 1);
    await t.stop();
    m.free();
  }
});

test('bad calls are refused with a reason; a dead worker fails the step instead of hanging', async () => {
  const eng = await loadEngine('simd');
  const lm = eng.createCharLM(TEXT, OPTS);
  assert.throws(() => lm.setWorkers(0, 0), /workers 0 not in \[1, 64\]/);
  assert.throws(() => lm.setWorkers(2, 2), /replica 2 not in \[0, 1\]/);
  const wide = eng.createCharLM(TEXT, { ...OPTS, batch: 32, seq: 64 }); // 27,001 training chars hold 12 x 32 x 65
  assert.throws(() => wide.setWorkers(13, 0), /text too short for 13 workers: 27001 training characters, need at least workers x batch x \(seq \+ 1\) = 27040/);
  assert.equal(wide.info.workers, 1, 'nothing changed');
  wide.free();
  assert.throws(() => lm.addGradients(new Float32Array(3), 0), /Float32Array of \d+ floats/);
  assert.throws(() => lm.putStreams(1, lm.streams()), /one worker has no other replicas/);
  const team = await startTeam(lm, TEXT, 2);
  assert.throws(() => lm.train(1), /replica 0 of 2/); // a replica does not train alone
  team.links[0].send({ type: 'nonsense' });
  await assert.rejects(team.train(1), /unknown message 'nonsense'/);
  await team.stop();
  const t2 = await startTeam(lm, TEXT, 2);
  t2.fail(1, 'killed by the test');
  await assert.rejects(t2.train(3), /worker 1 stopped: killed by the test/);
  await t2.stop();
  lm.free();
  assert.ok(defaultWorkers() >= 1 && defaultWorkers(1) === 1);
});

test('the defaults\' learning rate grows as 1 + log2 of the worker count, capped', async () => {
  const eng = await loadEngine('scalar');
  const near = (a, b) => Math.abs(a - b) <= 1e-6 * b;
  assert.equal(eng.workersLr(0.005, 1), Math.fround(0.005));
  assert.ok(near(eng.workersLr(0.003, 2), 0.006), `${eng.workersLr(0.003, 2)}`);
  assert.ok(near(eng.workersLr(0.003, 4), 0.009), `${eng.workersLr(0.003, 4)}`);
  assert.ok(near(eng.workersLr(0.005, 8), 0.02), `${eng.workersLr(0.005, 8)}`);
  assert.ok(near(eng.workersLr(0.003, 3), 0.003 * (1 + Math.log2(3))));
  assert.equal(eng.workersLr(0.003, 0), Math.fround(0.003), 'a count below 1 is 1');
  assert.equal(eng.workersLr(40, 4), 100, 'capped at the largest accepted rate');
});

test('a learning-rate change reaches every replica: created at 0.003 then set to 0.001 equals created at 0.001', async () => {
  const eng = await loadEngine('simd');
  const run = async (lr, setTo) => {
    const lm = eng.createCharLM(TEXT, { ...OPTS, lr });
    const team = await startTeam(lm, TEXT, 2);
    await team.train(5, setTo);
    const bytes = await team.save();
    await team.stop();
    lm.free();
    return bytes;
  };
  const a = await run(0.003, 0.001), b = await run(0.001, undefined);
  assert.ok(same(a, b), 'the replica did not take the new rate (or the leader did not)');
  const lm = eng.createCharLM(TEXT, OPTS);
  assert.throws(() => lm.setLr(0), /learning rate must be in \(0, 100\]/);
  assert.throws(() => lm.setLr(NaN), /finite number/);
  lm.setLr(0.02);
  assert.equal(lm.info.lr, Math.fround(0.02));
  lm.free();
});

test('the --decay schedule: held for half the budget, then down to a tenth', () => {
  const { decayedLr } = require('../../js/lr-decay.js');
  assert.equal(decayedLr(0.01, 0), 0.01);
  assert.equal(decayedLr(0.01, 0.5), 0.01);
  assert.ok(Math.abs(decayedLr(0.01, 0.75) - 0.0055) < 1e-12);
  assert.ok(Math.abs(decayedLr(0.01, 1) - 0.001) < 1e-12);
  assert.ok(Math.abs(decayedLr(0.01, 7) - 0.001) < 1e-12, 'past the budget it stays at a tenth');
});

// Issue 22 item 6: every replica used to receive and tokenize the whole text
// (peak memory grew with N x the text). Now each receives only the tokens of
// its own B streams, and trains bit for bit as a replica given the whole text.
function checkSliceMessages(got, info, N) {
  const { B, trainChars, vocab } = info;
  const L = Math.floor(trainChars / (N * B));
  const chars = [...TEXT];
  assert.equal(got.length, N - 1);
  for (const m of got) {
    assert.equal(m.text, undefined, 'no text in the message');
    assert.ok(m.tokens instanceof Int32Array, 'tokens, not text');
    assert.equal(m.tokens.length, B * L, `replica ${m.shard}: its B x L tokens, not the ${chars.length} of the text`);
    assert.equal(m.nTrain, trainChars);
    const first = m.shard * B * L;
    const want = Int32Array.from(chars.slice(first, first + B * L), (c) => vocab.indexOf(c));
    assert.deepEqual(m.tokens, want, `replica ${m.shard}: the tokens of streams ${m.shard * B}..${m.shard * B + B - 1}`);
  }
}

test('a replica receives only its own streams\' tokens, not the text; it trains as one given the whole text', async () => {
  const { MessageChannel } = await import('node:worker_threads');
  const { Team, serve } = require('../../js/data-parallel.js');
  const eng = await loadEngine('simd');
  const N = 3;
  const lm = eng.createCharLM(TEXT, OPTS);
  const got = [], ports = [];
  for (let k = 1; k < N; k++) {
    const { port1, port2 } = new MessageChannel();
    port2.on('message', (m) => { if (m.type === 'sync') got.push(m); });
    serve(port2, eng);
    ports.push(port1);
  }
  const team = new Team(lm, ports);
  let bytes;
  try {
    await team.start(TEXT);
    checkSliceMessages(got, lm.info, N);
    await team.train(3);
    bytes = await team.save();
  } finally { team.close(); } // (an open port would keep the test process alive)
  // engine level: a replica with only its streams = one with the whole text, bit for bit
  const { trainChars } = lm.info;
  const whole = eng.loadCharLM(bytes, TEXT), part = eng.loadCharLM(bytes);
  whole.setWorkers(N, 2);
  part.setStreamTokens(lm.streamTokens(N, 2), trainChars, N, 2);
  part.setWorkers(N, 2);
  for (let i = 0; i < 4; i++) {
    const a = whole.replicaGradients(true), b = part.replicaGradients(true);
    assert.equal(a.loss, b.loss);
    assert.ok(same(new Uint8Array(a.grads.buffer), new Uint8Array(b.grads.buffer)), `step ${i}: gradients differ`);
    whole.setGradients(a.grads, a.loss); whole.applyGradients(null);
    part.setGradients(b.grads, b.loss); part.applyGradients(null);
  }
  assert.throws(() => part.setWorkers(N, 1), /holds only the streams of replica 2 of 3/);
  assert.throws(() => part.setStreamTokens(new Int32Array(5), trainChars, N, 2), /replica 2's streams are/);
  const bad = lm.streamTokens(N, 1); bad[0] = 999;
  assert.throws(() => part.setStreamTokens(bad, trainChars, N, 1), /token 999 at 0 not in/);
  assert.throws(() => lm.streamTokens(N, N), /replica 3 of 3 workers/);
  [lm, whole, part].forEach((m) => m.free());
});
