// progress.mjs - training progress: a live bar on a terminal, one JSON
// object per line with --json, plain lines otherwise.
const fmt = (x, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const kfmt = (x) => (x >= 1000 ? `${(x / 1000).toFixed(1)}k` : x.toFixed(0));
const num = (x) => (Number.isFinite(x) ? x : null);

export class Progress {
  // workers: data-parallel workers (N), each with info.B streams: the
  // effective batch is N x B; chars/s are the whole run's
  constructor(io, { json, budget, info, engine, source, workers = 1, restarted = false }) {
    this.io = io;
    this.json = json;
    this.budget = budget;
    this.tty = !json && !!io.stdout.isTTY;
    this.lastPrint = -Infinity;
    this.workers = workers;
    this.header = { event: 'start', engine, source, vocab: info.V, hidden: info.H, batch: info.B, seq: info.T,
      workers, effective_batch: workers * info.B, lr: +info.lr.toPrecision(6), streams_restarted: restarted,
      params: info.params, uniform_bits: info.uniformBits, unigram_bits: num(info.unigramBits), step: info.step };
    if (json) this.line(this.header);
    else io.stderr.write(`training: ${source}, V=${info.V} H=${info.H} B=${info.B} T=${info.T} (${info.params} parameters, ${engine} module); ${workers} worker${workers > 1 ? 's' : ''}, effective batch ${workers} x ${info.B} = ${workers * info.B}, lr ${+info.lr.toPrecision(4)}; uniform ${fmt(info.uniformBits)} bits, unigram ${fmt(info.unigramBits)} bits/char\n`);
  }
  line(obj) { this.io.stdout.write(JSON.stringify(obj) + '\n'); }
  fraction(s) {
    if (this.budget.steps !== undefined) return s.done / this.budget.steps;
    return s.seconds / this.budget.seconds;
  }
  update(s) {
    const now = s.seconds;
    if (this.json) {
      if (now - this.lastPrint < 1) return;
      this.lastPrint = now;
      this.line({ event: 'progress', step: s.step, seconds: +now.toFixed(3), train_bpc: num(s.trainBpc), val_bpc: num(s.valBpc), chars_per_sec: Math.round(s.charsPerSec),
        workers: this.workers, effective_batch: this.header.effective_batch });
      return;
    }
    if (this.tty) {
      if (now - this.lastPrint < 0.1) return;
      this.lastPrint = now;
      const f = Math.min(1, this.fraction(s)), w = 24, full = Math.round(f * w);
      const bar = '#'.repeat(full) + '-'.repeat(w - full);
      this.io.stderr.write(`\r[${bar}] ${(f * 100).toFixed(0).padStart(3)}% step ${s.step} · ${fmt(s.trainBpc)} bits/char (val ${fmt(s.valBpc)}) · ${kfmt(s.charsPerSec)} chars/s${this.workers > 1 ? ` (${this.workers} workers)` : ''} \x1b[K`);
      return;
    }
    if (now - this.lastPrint < 5) return;
    this.lastPrint = now;
    this.io.stderr.write(`step ${s.step}  ${now.toFixed(1)} s  train ${fmt(s.trainBpc)} bpc  val ${fmt(s.valBpc)} bpc  ${kfmt(s.charsPerSec)} chars/s  ${this.workers} x ${this.header.batch} streams\n`);
  }
  // A finite jump of the smoothed training loss (js/loss-watch.js): one line.
  jump(j) {
    if (this.json) {
      this.line({ event: 'jump', step: j.step, smoothed_bpc: j.smoothed, best_bpc: j.best, grad_norm: j.gradNorm, grad_step: j.gradStep });
      return;
    }
    this.io.stderr.write(`${this.tty ? '\r\x1b[K' : ''}loss jump at step ${j.step}: smoothed train loss ${fmt(j.smoothed)} bits/char, best so far ${fmt(j.best)}; largest gradient norm before it ${fmt(j.gradNorm)} (step ${j.gradStep})\n`);
    this.lastPrint = -Infinity;
  }
  finish(s, extra) {
    if (this.json) {
      this.line({ event: 'done', step: s.step, seconds: +s.seconds.toFixed(3), train_bpc: num(s.trainBpc), val_bpc: num(s.valBpc),
        chars_per_sec: Math.round(s.charsPerSec), workers: this.workers, effective_batch: this.header.effective_batch, out: extra.out, interrupted: extra.interrupted, diverged_at: extra.diverged });
      return;
    }
    if (this.tty) this.io.stderr.write('\n');
    this.io.stderr.write(`done: step ${s.step}, ${s.seconds.toFixed(1)} s, train ${fmt(s.trainBpc)} bpc, val ${fmt(s.valBpc)} bpc, ${kfmt(s.charsPerSec)} chars/s (${this.workers} worker${this.workers > 1 ? 's' : ''})${extra.out ? `, saved ${extra.out}` : ''}${extra.interrupted ? ' (interrupted)' : ''}\n`);
  }
}
