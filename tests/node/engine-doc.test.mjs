// engine-doc.test.mjs - keeps docs/engine.md's line references true. Every
// `path:N` reference (src/…/file.c:N) must be preceded in the text by a code
// span quoting what is on line N of that file (the nearest code span before
// the reference; it may be on the previous line of the page). A failure
// names the line where the quoted code is now, so fixing the page is quick.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.mjs';

const DOC = path.join(ROOT, 'docs', 'engine.md');
// a code span, or a reference to a line of a C source or header under src/
const TOKEN = /`([^`\n]+)`|\b(src\/[\w/.-]+\.[ch]):(\d+)\b/g;

function references(text) {
  const refs = [];
  let quoted = null;
  for (const m of text.matchAll(TOKEN)) {
    if (m[1] !== undefined) { quoted = m[1]; continue; }
    refs.push({ file: m[2], line: Number(m[3]), quoted, at: text.slice(0, m.index).split('\n').length });
    quoted = null; // each code span vouches for one reference
  }
  return refs;
}

test('docs/engine.md: every file:line reference quotes what is on that line', () => {
  const refs = references(fs.readFileSync(DOC, 'utf8'));
  assert.ok(refs.length >= 30, `only ${refs.length} references found: the walk-through lost its line references`);
  const files = new Map();
  for (const r of refs) {
    const where = `docs/engine.md:${r.at} → ${r.file}:${r.line}`;
    assert.ok(r.quoted, `${where}: no code span before the reference names what is on that line`);
    if (!files.has(r.file)) files.set(r.file, fs.readFileSync(path.join(ROOT, r.file), 'utf8').split('\n'));
    const lines = files.get(r.file);
    if (lines[r.line - 1]?.includes(r.quoted)) continue;
    const now = lines.flatMap((l, i) => (l.includes(r.quoted) ? [i + 1] : []));
    assert.fail(`${where}: \`${r.quoted}\` is not on that line (found on line ${now.join(', ') || 'none'})`);
  }
});

test('docs/engine.md: the reference BPTT loop is cited by name', () => {
  const text = fs.readFileSync(DOC, 'utf8');
  for (const name of ['rnn_layer_forward_ref', 'rnn_layer_backward_ref', 'rnn_layer_forward', 'rnn_layer_backward',
    'weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0', 'Wxh', 'Whh', 'Why', 'bh', '`Wy`']) {
    assert.ok(text.includes(name), `docs/engine.md does not mention ${name}`);
  }
});
