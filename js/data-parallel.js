// data-parallel.js - synchronous data-parallel training of the char LM over N
// workers: Web Workers in the page, worker_threads in Node. No shared memory
// (pages opened from file:// or GitHub Pages are not cross-origin isolated):
// every exchange is a message, gradients travel as transferable buffers.
//
// The C half is src/models/charlm_replica.h: each replica computes the
// gradient of its B streams (scaled so the N gradients sum to the whole
// batch's), the leader (replica 0, the model the page or CLI shows and saves)
// adds replicas 1..N-1 in that order, sends the sum back, and every replica
// applies the same clipped update: the replicas stay identical, and a run is
// deterministic for a given N and seed. This module only moves messages; every
// number is computed by the engine.
//
//   leader:  const team = new DataParallel.Team(lm, ports);   // ports[i] reaches replica i+1
//            const { restarted } = await team.start(text);     // replicas built from the leader's file and
//                                                              // only their own streams' tokens
//            const st = await team.train(20);                  // like lm.train(20), N*B*T chars a step
//            const bytes = await team.save();                  // gathers every replica's streams first
//   replica: DataParallel.serve(port, engine);                  // answers until 'close'
//
// A classic script (`DataParallel` in a Web Worker) and a CommonJS module.
(function (root, make) {
  if (typeof module === 'object' && module.exports) module.exports = make();
  else root.DataParallel = make();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  // One end of a channel, from either world: Node's worker_threads
  // MessagePort (.on, the message itself) or the web's (addEventListener,
  // event.data). Messages wait in order until asked for.
  class Link {
    constructor(port) {
      this.port = port;
      this.queue = [];
      this.waiters = [];
      this.broken = null;
      const take = (data) => { const w = this.waiters.shift(); if (w) w.resolve(data); else this.queue.push(data); };
      if (typeof port.on === 'function') port.on('message', take);
      else { port.addEventListener('message', (ev) => take(ev.data)); if (port.start) port.start(); }
    }
    send(msg, transfer) { this.port.postMessage(msg, transfer || []); }
    next() {
      if (this.queue.length) return Promise.resolve(this.queue.shift());
      if (this.broken) return Promise.reject(this.broken);
      return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
    }
    // the worker behind this port died: whoever waits, and will wait, hears why
    fail(err) {
      this.broken = err;
      this.waiters.splice(0).forEach((w) => w.reject(err));
    }
    async expect(type, who) {
      const m = await this.next();
      if (m && m.type === 'error') throw replicaError(who, `worker ${who}: ${m.message}`);
      if (!m || m.type !== type) throw replicaError(who, `worker ${who}: expected '${type}', got '${m && m.type}'`);
      return m;
    }
    close() { if (this.port.close) this.port.close(); }
  }

  // An error of replica k (it refused, answered nonsense or died): e.replica = k,
  // so that a caller can tell it from the leader's own (the leader's model is
  // then intact at its last complete step: the CLI saves it).
  function replicaError(k, message) {
    const e = new Error(message);
    e.replica = k;
    return e;
  }

  class Team {
    // lm: the leader's CharLM (js/engine.js); ports: one per other replica.
    constructor(lm, ports) {
      this.lm = lm;
      this.links = ports.map((p) => new Link(p));
      this.workers = ports.length + 1;
    }

    // Makes the leader replica 0 of N and every other replica its copy, on
    // `text` (the text the leader trains on). { restarted: true } when the
    // model's file was written by another number of workers: the text
    // streams start again (weights and optimiser state kept).
    async start(text) {
      const r = this.lm.setWorkers(this.workers, 0);
      await this.sync(this.lm.save(), text);
      return r;
    }

    // Replaces every other replica with the leader's state `bytes` (a file the
    // leader saved or loaded: after a roll-back, say). text: only when it
    // changed; each replica then receives only the tokens of its own streams
    // (lm.streamTokens), not the whole text: memory does not grow with N x text.
    async sync(bytes, text) {
      const nTrain = text !== undefined ? this.lm.info.trainChars : 0;
      this.links.forEach((l, i) => {
        const msg = { type: 'sync', bytes, workers: this.workers, shard: i + 1 };
        if (text !== undefined) { msg.tokens = this.lm.streamTokens(this.workers, i + 1); msg.nTrain = nTrain; }
        l.send(msg, msg.tokens ? [msg.tokens.buffer] : []);
      });
      for (let i = 0; i < this.links.length; i++) await this.links[i].expect('ready', i + 1);
    }

    // `steps` synchronous steps; the result has lm.train's shape (chars: all
    // replicas'). Stops early, like lm.train, at a step that is not finite.
    // lr: a new learning rate for every replica from this step on (a schedule).
    async train(steps, lr) {
      const lm = this.lm, links = this.links;
      if (lr !== undefined) lm.setLr(lr);
      links.forEach((l) => l.send({ type: 'run', steps, lr }));
      let st = null;
      for (let i = 0; i < steps; i++) {
        let loss = lm.replicaGradients(false).loss;
        for (let k = 0; k < links.length; k++) {
          const m = await links[k].expect('grad', k + 1);
          loss = lm.addGradients(m.grads, m.loss);
        }
        const sum = lm.gradientCopy();
        links.forEach((l, k) => l.send({ type: 'sum', grads: sum, loss }, k === links.length - 1 ? [sum.buffer] : []));
        st = lm.applyGradients(st);
        if (!st.ok) break;
      }
      return st;
    }

    // Collects every replica's streams into the leader (the file holds them).
    async gather() {
      this.links.forEach((l) => l.send({ type: 'streams' }));
      for (let k = 0; k < this.links.length; k++) {
        const m = await this.links[k].expect('streams', k + 1);
        this.lm.putStreams(k + 1, m);
      }
    }

    // The model file of the whole run (format version 2 when N > 1).
    async save() {
      await this.gather();
      return this.lm.save();
    }

    // Replica k's worker died (its error event): the step waiting for it throws.
    fail(k, message) {
      const l = this.links[k - 1];
      if (l) l.fail(replicaError(k, `worker ${k} stopped: ${message}`));
    }

    close() {
      this.links.forEach((l) => { try { l.send({ type: 'close' }); } catch (e) { /* already gone */ } l.close(); });
      this.links = [];
    }
  }

  // Replica side: answers the leader's messages on `port` with `engine`'s
  // model until 'close'. Resolves when closed.
  async function serve(port, engine) {
    const link = new Link(port);
    let lm = null, tokens = null, nTrain = 0, shard = 0;
    for (;;) {
      const m = await link.next();
      try {
        if (m.type === 'close') break;
        if (m.type === 'sync') {
          if (m.tokens !== undefined) { tokens = m.tokens; nTrain = m.nTrain; } // this replica's streams only
          if (lm) lm.free();
          lm = null;
          lm = engine.loadCharLM(m.bytes);
          shard = m.shard;
          lm.setStreamTokens(tokens, nTrain, m.workers, m.shard);
          lm.setWorkers(m.workers, m.shard);
          link.send({ type: 'ready' });
        } else if (m.type === 'run') {
          if (m.lr !== undefined) lm.setLr(m.lr);
          await run(link, lm, m.steps);
        } else if (m.type === 'streams') {
          const s = lm.streams();
          link.send({ type: 'streams', pos: s.pos, carry: s.carry }, [s.pos.buffer, s.carry.buffer]);
        } else {
          throw new Error(`unknown message '${m.type}'`);
        }
      } catch (e) {
        link.send({ type: 'error', shard, message: e.message });
      }
    }
    if (lm) lm.free();
    link.close();
  }

  async function run(link, lm, steps) {
    for (let i = 0; i < steps; i++) {
      const g = lm.replicaGradients(true);
      link.send({ type: 'grad', grads: g.grads, loss: g.loss }, [g.grads.buffer]);
      const sum = await link.expect('sum', 0);
      lm.setGradients(sum.grads, sum.loss);
      if (!lm.applyGradients(null).ok) break; // the leader stops at the same step
    }
  }

  return { Team, serve, Link };
});
