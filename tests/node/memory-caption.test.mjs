// memory-caption.test.mjs - the memory widget's caption (web/widgets/memory/
// view.js) is made only of the accuracies it is given: every branch, both
// languages, on made-up scores (the browser test checks the real ones).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { createRequire } from 'node:module';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RnnLocale = createRequire(import.meta.url)(join(ROOT, 'web', 'shared', 'locale.js'));
const parts = {};
const registry = { provide: (id, k, v) => { parts[k] = v; } };
for (const f of ['strings.js', 'view.js']) {
  runInNewContext(readFileSync(join(ROOT, 'web', 'widgets', 'memory', f), 'utf8'), { RnnWidgetRegistry: registry, RnnWidgetKit: { node() {} } });
}
const ctx = (lang) => ({ t: RnnLocale.translator(parts.strings, () => lang), percent: (p) => RnnLocale.percent(p, lang) });
const GAPS = [2, 3, 4, 6, 16];
const sc = (rnn, step = 100) => ({ step, gaps: GAPS, ngram: [1, 0.98, 0.25, 0.3, 0.22], window: [1, 1, 0.27, 0.24, 0.26], rnn });

test('memory caption: the fixed-context sentence is the ranges of the given accuracies', () => {
  assert.equal(parts.caption.fixed(ctx('en'), sc([1, 1, 1, 1, 1]), 4),
    'Window of 3: at gaps below 4 the two fixed-context models get 98–100%; past it, 22–30% (chance 25%).');
  assert.equal(parts.caption.fixed(ctx('pt'), sc([1, 1, 1, 1, 1], 0), 4),
    'Janela de 3: com intervalo menor que 4, o 4-grama acerta 98–100%; depois, 22–30% (acaso 25%).');
});

test('memory caption: the RNN sentence in each case names only given numbers, and no gradient', () => {
  const en = ctx('en');
  assert.equal(parts.caption.rnn(en, sc([0, 0, 0, 0, 0], 0)), 'The RNN has not trained yet.');
  assert.equal(parts.caption.rnn(en, sc([1, 0.95, 0.92, 1, 0.91])), 'The RNN gets 91–100% at every gap, up to 16.');
  assert.equal(parts.caption.rnn(en, sc([1, 1, 0.93, 0.5, 0.7])), 'The RNN gets 93–100% up to gap 4; past it, 50–70% (lowest at gap 6).');
  assert.equal(parts.caption.rnn(en, sc([0.4, 0.3, 0.3, 0.3, 0.25])), 'The RNN gets 25–40%: under 90% at every gap so far.');
  assert.equal(parts.caption.rnn(en, sc([0.5, 0.95, 0.3, 1, 0.25])), 'The RNN gets 90% or more at gaps 3, 6; at the others, 25–50%.');
  assert.equal(parts.caption.rnn(ctx('pt'), sc([1, 1, 0.93, 0.5, 0.7])),
    'A RNN acerta 93–100% até o intervalo 4; depois, 50–70% (o menor no intervalo 6).');
  for (const lang of ['en', 'pt']) {
    for (const k of Object.keys(parts.strings[lang])) assert.doesNotMatch(parts.strings[lang][k], /gradient/i, `${lang}.${k}`);
  }
});
