// glossary.test.mjs - every pt-BR string table of the project follows
// docs/glossary.md: none of the terms of its "Not this" table, and no hyphen
// standing for a minus sign in front of a number. Reads the tables the pages
// load (web/shared/i18n.js, web/embed/strings.js, web/gallery/strings.js and
// every registered widget's strings.js) in a sandbox, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (p) => readFileSync(join(ROOT, p), 'utf8');

// [pattern, what to write instead] — docs/glossary.md section 3
export const BANNED = [
  [/dados retidos|\bretid[oa]s?\b/i, 'conjunto de teste / de teste'],
  [/desdobr\w*/i, 'desenrolar / desenrolada'],
  [/\btocar\b|\btoca\b/i, 'Executar'],
  [/precis[ãa]o/i, 'acurácia'],
  [/\bbias\b/i, 'viés'],
  [/held.out/i, 'de teste'],
  [/retropropaga\w* no tempo/i, 'retropropagação através do tempo'],
  [/\bpara (direita|esquerda)\b|\bpra\b/i, 'para a direita / para a esquerda'],
  [/\b\w+(ad[oa]s?|ou|am) certo\b/i, 'corretamente'],
  [/(^|[\s(\[=:;,])-\d/, 'a real minus sign (−)'],
];

// Keys whose text shows what a person types (a hyphen is accepted there).
const TYPED = new Set(['badX', 'badA', 'badB', 'badList']);

function tables() {
  const out = [];
  const i18n = runInNewContext(read('web/shared/i18n.js') + '\nRnnI18n;', {});
  out.push(['web/shared/i18n.js', i18n.STRINGS.pt]);
  out.push(['web/embed/strings.js', runInNewContext(read('web/embed/strings.js') + '\nRnnEmbedStrings;', {}).pt]);
  out.push(['web/gallery/strings.js', runInNewContext(read('web/gallery/strings.js') + '\nRnnGalleryStrings;', {}).pt]);
  const registry = runInNewContext(read('web/widgets/registry.js') + '\nRnnWidgetRegistry;', {});
  for (const f of registry.stringFiles()) {
    runInNewContext(read('web/' + f), { RnnWidgetRegistry: registry });
  }
  for (const id of registry.ids()) out.push([`web/widgets/${id}/strings.js`, registry.get(id).strings.pt]);
  return out;
}

test('no pt-BR string uses a term the glossary rules out', () => {
  const found = [];
  const all = tables();
  assert.ok(all.length >= 14, `read ${all.length} tables`);
  for (const [file, table] of all) {
    assert.ok(table && Object.keys(table).length > 3, file);
    for (const [key, text] of Object.entries(table)) {
      if (typeof text !== 'string') continue;
      for (const [re, instead] of BANNED) {
        if (TYPED.has(key) && String(re).includes('\\d')) continue;
        const m = text.match(re);
        if (m) found.push(`${file} ${key}: “${m[0].trim()}” → ${instead}`);
      }
    }
  }
  assert.deepEqual(found, []);
});

test('the banned patterns catch what they are for (they can fail)', () => {
  const hit = (s) => BANNED.some(([re]) => re.test(s));
  for (const s of ['acurácia nos dados retidos', 'a rede desdobrada', 'espaço para tocar', 'precisão no teste',
    'sem bias', 'ela vai para direita', 'classificadas certo', 'ŷ = -0,76']) assert.ok(hit(s), s);
  for (const s of ['acurácia no conjunto de teste', 'a rede desenrolada', 'Executar', 'sem viés',
    'ela vai para a direita', 'classificadas corretamente', 'ŷ = −0,76', 'passo 1-3']) assert.ok(!hit(s), s);
});
