// workers.mjs - `rnn train --workers N`: how many data-parallel workers a run
// uses, the learning rate the defaults take for them, and one trainer
// interface over both cases: 1 worker is the model itself (lm.train, today's
// engine bit for bit); N > 1 is a team of N-1 worker_threads replicas and the
// model as leader (js/node-team.js, js/data-parallel.js).
import { createRequire } from 'node:module';
import { range } from './args.mjs';

const require = createRequire(import.meta.url);
const { startTeam, defaultWorkers } = require('../../js/node-team.js');

export const DEFAULT_WORKER_CAP = 8;

// --workers must be an integer in [1, the engine's limit].
export function checkWorkers(o, contract) {
  if (o.workers !== undefined) range(o.workers, 1, contract.limits.workers, 'workers');
}

// The count asked for: --workers, else the file's on --resume (fileWorkers:
// so a resumed run continues exactly, with the learning rate chosen for it),
// else the machine's cores capped at 8.
export function requestedWorkers(o, fileWorkers) {
  if (o.workers !== undefined) return o.workers;
  if (fileWorkers) return fileWorkers;
  return defaultWorkers(DEFAULT_WORKER_CAP);
}

// The largest N <= n whose N streams of B x (T + 1) characters fit the
// training text (the engine's rule: rnn_charlm_set_workers), at least 1.
export function fittingWorkers(n, info) {
  const fit = Math.floor(info.trainChars / (info.B * (info.T + 1)));
  return Math.max(1, Math.min(n, fit));
}

// The one-worker default rate scaled for N workers (eng.workersLr, the rule
// of src/models/charlm_replica.c), used when --lr is not given.
export function defaultLr(eng, workers) {
  return eng.workersLr(eng.contract.charlm.params.lr.default, workers);
}

// -> { train(n, lr?), save(), saveLeader(), stop(), workers, restarted } for
// `lm` over `workers`. train() and save() of a team throw an error with
// e.replica = k when replica k refused or died; saveLeader() is then the
// file of the leader alone (its weights and optimiser state at its last
// complete step; one worker, so its text streams restart when resumed).
export async function startTrainer(lm, text, workers) {
  if (workers === 1) {
    // a file of another N: its streams restart; otherwise nothing changes
    const restarted = lm.info.workers !== 1 ? lm.setWorkers(1, 0).restarted : false;
    const train = async (n, lr) => { if (lr !== undefined) lm.setLr(lr); return lm.train(n); };
    const save = async () => lm.save();
    return { workers, restarted, train, save, saveLeader: save, stop: async () => {} };
  }
  const team = await startTeam(lm, text, workers);
  const saveLeader = () => { lm.setWorkers(1, 0); return lm.save(); };
  return { workers, restarted: team.started.restarted, train: (n, lr) => team.train(n, lr), save: () => team.save(), saveLeader,
    stop: () => team.stop() };
}
