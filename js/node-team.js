// node-team.js - data-parallel training in Node: N-1 worker_threads, each a
// replica (js/replica-thread.js), and the caller's model as the leader.
//
//   const team = await startTeam(lm, text, 2);   // { restarted } in team.started
//   const st = await team.train(10);              // as lm.train(10), over 2 workers
//   const bytes = await team.save();
//   await team.stop();
'use strict';
const path = require('path');
const os = require('os');
const { Worker, MessageChannel } = require('worker_threads');
const { Team } = require('./data-parallel.js');

// The default worker count: the machine's cores, at most `cap`.
function defaultWorkers(cap = 8) {
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cap, n));
}

async function startTeam(lm, text, workers) {
  const threads = [], ports = [];
  for (let k = 1; k < workers; k++) {
    const { port1, port2 } = new MessageChannel();
    threads.push(new Worker(path.join(__dirname, 'replica-thread.js'),
      { workerData: { port: port2, kind: lm.eng.kind }, transferList: [port2] }));
    ports.push(port1);
  }
  const team = new Team(lm, ports);
  let stopping = false;
  threads.forEach((t, i) => {
    t.on('error', (e) => team.fail(i + 1, e.message));
    t.on('exit', (code) => { if (!stopping) team.fail(i + 1, `exited with code ${code}`); });
  });
  team.stop = async () => {
    stopping = true;
    team.close();
    await Promise.all(threads.map((t) => t.terminate()));
  };
  try {
    team.started = await team.start(text);
  } catch (e) {
    await team.stop();
    throw e;
  }
  return team;
}

module.exports = { startTeam, defaultWorkers };
