// bad-inputs-doc.test.mjs - docs/bad-inputs.md names, in the last column of
// every table row, the test that holds the row: a test file, then the
// (start of the) titles of its tests or C functions in backticks. Every file
// named must exist and every title quoted must occur in the file it follows,
// so a renamed or deleted test cannot leave a row without one.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.mjs';

const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'bad-inputs.md'), 'utf8');
const FILE = /^(test_\w+\.c|fuzz_\w+\.c|[\w-]+\.test\.mjs)$/;

// where a test file lives, by its name
function locate(name) {
  const dirs = ['tests/node', 'tests/browser', 'tests/firefox', 'tests/webkit', 'tests/c', 'tests/fuzz'];
  for (const d of dirs) { const p = path.join(ROOT, d, name); if (fs.existsSync(p)) return p; }
  return null;
}

// the last cell of every table row that names a test file
function rows() {
  return DOC.split('\n').filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l)).map((l) => {
    const cells = l.split(/(?<!\\)\|/).slice(1, -1);
    return { line: l, cell: cells[cells.length - 1] || '' };
  }).filter((r) => /`[^`]*(\.test\.mjs|\.c)`/.test(r.cell));
}

test('every test file and test title the bad-input matrix names exists', () => {
  const found = rows();
  assert.ok(found.length >= 50, `rows with a test: ${found.length}`);
  let titles = 0;
  for (const { line, cell } of found) {
    let file = null;
    for (const [, tok] of cell.matchAll(/`([^`]+)`/g)) {
      if (FILE.test(tok)) {
        const p = locate(tok);
        assert.ok(p, `${tok} (named in: ${line.slice(0, 80)}…) does not exist`);
        file = fs.readFileSync(p, 'utf8');
        continue;
      }
      if (!file || /^(make |rnn |--)/.test(tok)) continue;      // a command, not a title
      // '…' stands for words left out: every piece must be there, in order
      const pieces = tok.replace(/\\\|/g, '|').split('…').map((x) => x.trim()).filter(Boolean);
      let at = -1;
      for (const piece of pieces) {
        at = file.indexOf(piece, at + 1);
        assert.ok(at >= 0, `"${piece}" (of "${tok}") is not in the file named before it (row: ${line.slice(0, 80)}…)`);
      }
      titles++;
    }
  }
  assert.ok(titles >= 30, `titles checked: ${titles}`);
});
