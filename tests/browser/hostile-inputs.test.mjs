// hostile-inputs.test.mjs - the bad-input matrix rows of the pages that are
// not covered elsewhere (docs/bad-inputs.md): failed model loads leave the
// model in place byte for byte; hyper-parameters typed into the form; embed.html
// with hostile ?w=, ?lang= and hash; postMessage from a window that is not the
// parent, huge and oddly typed payloads; a text of 10^5 distinct code points;
// a model file over the size limit; dropped files. No console output in any case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { launch, openPage, waitReady, FILE_URL, ROOT, hashFor, stepCount, waitMessage, stepOnce } from './helpers.mjs';

const EMBED = pathToFileURL(join(ROOT, 'web', 'embed.html')).href;
let browser, dir;
before(async () => { browser = await launch(); dir = mkdtempSync(join(tmpdir(), 'rnn-hostile-')); });
after(async () => { await browser?.close(); rmSync(dir, { recursive: true, force: true }); });

// FNV-1a over every byte but the last four, written into them: a forged file
// that passes the checksum, so the field checks must catch it.
function fixChecksum(b) {
  let h = 2166136261;
  for (let i = 0; i < b.length - 4; i++) h = Math.imul(h ^ b[i], 16777619) >>> 0;
  b.writeUInt32LE(h, b.length - 4);
  return b;
}

function forged(base, edit) { const b = Buffer.from(base); edit(b); return fixChecksum(b); }

// The bytes "Save model" hands to the browser: the page's Blob, captured at
// URL.createObjectURL (the download itself is tested in model.test.mjs; here
// only the bytes matter, and Chromium's download manager sometimes drops one of
// several quick downloads made after an asynchronous reply).
async function savedBytes(page) {
  await page.evaluate(() => {
    if (!window.__blobs) {
      window.__blobs = [];
      const orig = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (b) => { window.__blobs.push(b); return orig(b); };
    }
    window.__blobsBefore = window.__blobs.length;
  });
  await page.getByRole('button', { name: 'Save model' }).click({ timeout: 60000 });
  await page.waitForFunction(() => window.__blobs.length > window.__blobsBefore, null, { timeout: 60000 });
  const bytes = await page.evaluate(async () => Array.from(new Uint8Array(await window.__blobs[window.__blobs.length - 1].arrayBuffer())));
  return Buffer.from(bytes);
}

test('failed loads (forged header fields with a valid checksum, cut files, bad PyTorch JSON) leave the model byte for byte', async () => {
  const baseFile = join(dir, 'base.rnn');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'rnn.mjs'), 'train', '--steps', '1', '--hidden', '8',
    '--batch', '2', '--seq', '8', '--out', baseFile], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const base = readFileSync(baseFile);
  const exp = spawnSync(process.execPath, [join(ROOT, 'scripts', 'rnn.mjs'), 'export', '--model', baseFile, '--out', join(dir, 'base.json')], { encoding: 'utf8' });
  assert.equal(exp.status, 0, exp.stderr);
  const json = readFileSync(join(dir, 'base.json'), 'utf8');
  const bad = [
    ['hidden-huge.rnn', forged(base, (b) => b.writeUInt32LE(100000, 16))],          // H = 100,000
    ['vocab-huge.rnn', forged(base, (b) => b.writeUInt32LE(5000000, 12))],          // V = 5,000,000
    ['batch-zero.rnn', forged(base, (b) => b.writeUInt32LE(0, 20))],                // B = 0
    ['lr-nan.rnn', forged(base, (b) => b.writeFloatLE(NaN, 52))],                   // lr = NaN
    ['step-huge.rnn', forged(base, (b) => b.writeBigUInt64LE(1n << 40n, 76))],      // step 2^40
    ['params-wrong.rnn', forged(base, (b) => b.writeBigUInt64LE(7n, 88))],          // parameter count
    ['cut.rnn', base.subarray(0, base.length >> 1)],
    ['nan.json', Buffer.from(json.replace(/-?\d+\.\d+(e-?\d+)?/, 'NaN'))],
    ['dup.json', Buffer.from(json.replace('{', '{"hidden_size": 8, '))],
    ['deep.json', Buffer.from('{"a":' + '['.repeat(100000) + ']'.repeat(100000) + '}')],
  ];
  const { context, page, problems } = await openPage(browser, FILE_URL, { hash: hashFor({ seed: 5 }) });
  try {
    await waitReady(page);
    for (let i = 0; i < 3; i++) await stepOnce(page);
    const before = await savedBytes(page);
    const idle = () => page.waitForFunction(() => !document.getElementById('model-file').disabled &&
      !document.getElementById('btn-save').disabled, null, { timeout: 60000 });
    for (const [name, buffer] of bad) {
      await page.evaluate(() => { document.getElementById('message').hidden = true; }); // the last file's message is not this one's
      await page.locator('#model-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
      const msg = await waitMessage(page, /could not be loaded/, 60000);
      assert.match(msg, /This model file could not be loaded: .{10,}/, name);
      await idle();
      assert.equal(await stepCount(page), 3, `${name}: the step count is kept`);
      assert.ok((await savedBytes(page)).equals(before), `${name}: the model is unchanged`);
    }
    // a model file over the 64 MB limit (sparse, on disk) is refused before it is read
    const huge = join(dir, 'huge.rnn');
    writeFileSync(huge, '');
    truncateSync(huge, 64 * 1000 * 1000 + 1);
    await page.evaluate(() => { document.getElementById('message').hidden = true; });
    await page.locator('#model-file').setInputFiles(huge);
    assert.match(await waitMessage(page, /limit/, 60000), /The model file is 64\.0 MB; the limit is 64\.0 MB\./);
    await idle();
    assert.ok((await savedBytes(page)).equals(before), 'huge.rnn: the model is unchanged');
    await stepOnce(page);                              // and it trains on from where it was
    assert.equal(await stepCount(page), 4);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('hyper-parameters typed into the form: zero, negative, enormous, non-numeric are marked and not used', async () => {
  const { context, page, problems } = await openPage(browser, FILE_URL, { hash: hashFor() });
  try {
    await waitReady(page);
    const fields = [['Hidden units (H)', 'hidden', 32], ['Sequence length (T)', 'seq', 16], ['Batch (B)', 'batch', 8],
      ['Learning rate', 'lr', 0.01], ['Gradient clipping (max norm; 0 = off)', 'clip', 5]];
    const BAD = ['0', '-3', '1e9', '99999999999999999999', '1e-50', 'abc', ''];
    const BAD_CLIP = ['-3', '1e31', '1e-50', 'abc', ''];           // 0 = clipping off and 1e9 are valid clips
    const set = async (label, v) => {
      const input = page.getByLabel(label, { exact: true });
      if (v !== 'abc') return input.fill(v);
      await input.fill('');                                         // letters typed into a number field
      await input.focus();
      await page.keyboard.type(v);
    };
    for (const [label, key, good] of fields) {
      const input = page.getByLabel(label, { exact: true });
      for (const v of key === 'clip' ? BAD_CLIP : BAD) {
        await set(label, v);
        assert.equal(await input.getAttribute('aria-invalid'), 'true', `${key}=${JSON.stringify(v)}`);
        const hash = await page.evaluate(() => location.hash);
        assert.match(hash, new RegExp(`[#&]${key}=${String(good).replace('.', '\\.')}(&|$)`), `${key}=${v}: the hash keeps ${good}`);
      }
      await set(label, String(good));
      assert.equal(await input.getAttribute('aria-invalid'), 'false');
    }
    // a new model is built from the last good values
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.waitForFunction(() => document.getElementById('step-value').textContent === '0');
    await stepOnce(page);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('a text of 100,000 distinct code points trains within the vocabulary cap', async () => {
  const { context, page, problems } = await openPage(browser, FILE_URL, { hash: hashFor() });
  try {
    await waitReady(page);
    const cps = [];
    for (let c = 0x20; cps.length < 100000; c++) if (c < 0xd800 || c > 0xdfff) cps.push(c);
    const text = String.fromCodePoint(...cps);       // 386 kB of UTF-8, every character once
    await page.locator('#corpus-text').fill(text + text);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.waitForFunction(() => document.getElementById('vocab-value').textContent === '256', null, { timeout: 20000 });
    await stepOnce(page);
    assert.equal(await stepCount(page), 1);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('dropped files: binary, invalid UTF-8, over 5 MB are refused with the name as text; the text in place stays', async () => {
  const { context, page, problems } = await openPage(browser, FILE_URL, { hash: hashFor() });
  try {
    await waitReady(page);
    const before = await page.locator('#corpus-text').inputValue();
    const drop = async (make) => {
      const dt = await page.evaluateHandle(make);
      await page.locator('#drop-zone').dispatchEvent('dragover', { dataTransfer: dt });
      await page.locator('#drop-zone').dispatchEvent('drop', { dataTransfer: dt });
    };
    await drop(() => { const d = new DataTransfer(); d.items.add(new File([new Uint8Array([0x61, 0, 0x62, 0])], '<b>x</b>.txt')); return d; });
    assert.match(await waitMessage(page, /UTF-8/), /“<b>x<\/b>\.txt”.*zero bytes/);
    await drop(() => { const d = new DataTransfer(); d.items.add(new File([new Uint8Array([0x63, 0xe9, 0x0a])], 'latin1.txt')); return d; });
    assert.match(await waitMessage(page, /latin1\.txt/), /not valid UTF-8/);
    await drop(() => { const d = new DataTransfer(); d.items.add(new File([new Uint8Array(5 * 1000 * 1000 + 1).fill(0x61)], 'big.txt')); return d; });
    assert.match(await waitMessage(page, /limit/), /The file is 5\.0 MB; the limit is 5\.0 MB/);
    await drop(() => { const d = new DataTransfer(); d.setData('text/plain', 'just text, no file'); return d; }); // nothing to load
    assert.equal(await page.locator('#corpus-text').inputValue(), before, 'the text in place is kept');
    assert.equal(await page.locator('#message b').count(), 0);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

// A page of the embed test kind: every console line counts as a problem.
async function openEmbed(url, { width = 960, height = 540 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-US' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => problems.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('worker', (w) => w.on('console', (m) => problems.push(`worker ${m.type()}: ${m.text()}`)));
  await page.goto(url);
  return { context, page, problems };
}

test('embed.html: huge, script and prototype ?w= values, hostile ?lang=, an over-long hash: named as text, nothing runs', async () => {
  const cases = [
    ['?w=' + 'x'.repeat(100000), /^There is no widget “x{40}”\. Widgets: alphabet/],
    ['?w=' + encodeURIComponent('<img src=x onerror="window.__pwned=1">'), /^There is no widget “<img src=x onerror="window\.__pwned=1">”/],
    ['?w=' + encodeURIComponent('<script>window.__pwned=1</script>'), /^There is no widget “<script>window\.__pwned=1<\/script>”/],
    ['?w=__proto__', /^There is no widget “__proto__”/],
    ['?w=constructor', /^There is no widget “constructor”/],
    ['?w=', /^Name a widget in the link/],
    ['?w=alphabet&lang=' + encodeURIComponent('<img src=x onerror="window.__pwned=1">'), /^Not understood in the link, defaults used: lang\.$/],
    ['?w=alphabet&lang=' + 'p'.repeat(100000), /^Not understood in the link, defaults used: lang\.$/],
    ['?w=alphabet&lang=en#' + 'start=Q&'.repeat(600), /^The link's settings are longer than 4,000 characters, so none of them were used\.$/],
    ['?w=alphabet&lang=pt#' + 'start=Q&'.repeat(600), /^As configurações do link têm mais de 4\.000 caracteres, por isso nenhuma foi usada\.$/],
    ['?w=alphabet&lang=en#start=' + encodeURIComponent('<b>Q</b>') + '&__proto__=1&constructor=2', /^Not understood in the link, defaults used: start, __proto__, constructor\.$/],
  ];
  for (const [query, re] of cases) {
    const { context, page, problems } = await openEmbed(EMBED + query);
    try {
      await page.locator('#embed-notice:not([hidden])').waitFor({ timeout: 15000 });
      const text = await page.locator('#embed-notice').textContent();
      assert.match(text, re, query.slice(0, 80));
      assert.ok(text.length < 400, 'the notice is short');
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(await page.locator('#embed-notice *').count(), 0, 'the notice is text only');
      assert.equal(await page.evaluate(() => Object.prototype.polluted), undefined);
      assert.deepEqual(problems, [], query.slice(0, 80));
    } finally { await context.close(); }
  }
});

// A deck with the widget and a second frame from another folder (a
// sibling), and a popup the deck opens: only the deck (the widget's parent)
// may command it. Everything the widget sends is recorded by who heard it.
function writeDeck() {
  const other = join(dir, 'other.html');
  writeFileSync(other, `<!doctype html><meta charset="utf-8"><script>
window.heard = []; addEventListener('message', (e) => { if (e.data && e.data.source === 'rnn-widget') heard.push(e.data.event); });
window.attack = () => { const w = (window.opener || window.parent).frames[0];
  for (const c of ['step', 'reset', 'play']) w.postMessage({ command: c }, '*');
  w.postMessage({ command: 'setInput', input: { start: 'Q' } }, '*'); w.postMessage({ command: 'explode' }, '*'); };
</script>`);
  const deck = join(dir, 'deck.html');
  writeFileSync(deck, `<!doctype html><meta charset="utf-8">
<iframe id="w" src="${EMBED}?w=alphabet&lang=en" width="960" height="540"></iframe>
<iframe id="o" src="${pathToFileURL(other).href}" width="10" height="10"></iframe>
<script>window.heard = []; addEventListener('message', (e) => { if (e.data && e.data.source === 'rnn-widget') heard.push(e.data); });
window.send = (m) => document.getElementById('w').contentWindow.postMessage(m, '*');</script>`);
  return { deck, other };
}

test('postMessage from a sibling frame or a popup is ignored: nothing runs, no reply; the parent still commands', async () => {
  const { deck, other } = writeDeck();
  const context = await browser.newContext({ viewport: { width: 1000, height: 600 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => problems.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  try {
    await page.goto(pathToFileURL(deck).href);
    await page.waitForFunction(() => window.heard.some((e) => e.event === 'ready'), null, { timeout: 15000 });
    const sibling = page.frames().find((f) => f.url().endsWith('other.html'));
    await sibling.evaluate(() => window.attack());
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate((u) => { window.pop = window.open(u); }, pathToFileURL(other).href)]);
    await popup.waitForLoadState();
    await popup.evaluate(() => window.attack());
    await page.waitForTimeout(1500);
    assert.deepEqual(await page.evaluate(() => window.heard.map((e) => e.event)), ['ready'], 'no command ran, nothing rejected');
    assert.deepEqual(await sibling.evaluate(() => window.heard), [], 'no reply to the sibling');
    assert.deepEqual(await popup.evaluate(() => window.heard), [], 'no reply to the popup');
    const widget = page.frames().find((f) => f.url().includes('embed.html'));
    assert.equal(await widget.locator('.alphabet-prompt').textContent(), 'Recite the alphabet.');
    await page.evaluate(() => window.send({ command: 'step' }));
    await page.waitForFunction(() => window.heard.some((e) => e.event === 'step'));
    assert.equal((await page.evaluate(() => window.heard.find((e) => e.event === 'step'))).step, 5);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('postMessage: huge, deep, oddly typed and prototype-polluting payloads are each refused; the widget still works', async () => {
  const { context, page, problems } = await openEmbed(`${EMBED}?w=alphabet&lang=en`);
  try {
    await page.evaluate(() => {
      window.__events = [];
      addEventListener('message', (ev) => { if (ev.data && ev.data.source === 'rnn-widget') window.__events.push(ev.data); });
    });
    await page.locator('#btn-play:not([disabled])').waitFor({ timeout: 15000 });
    const t0 = Date.now();
    const rejected = await page.evaluate(() => {
      const deep = {}; let d = deep; for (let i = 0; i < 1000; i++) { d.a = {}; d = d.a; }
      const wide = {}; for (let i = 0; i < 100000; i++) wide['k' + i] = 'A';
      const msgs = [
        { command: 'x'.repeat(10000000) },                                   // 10 MB command name
        { command: 'setInput', input: { start: 'A'.repeat(10000000) } },     // 10 MB value
        { command: 'setInput', input: wide },                                // 100,000 keys
        { command: 'setInput', input: deep },                                // nested 1,000 deep (the browser cannot send 10,000)
        { command: 'setInput', input: { start: deep } },
        { command: 'play', ['e'.repeat(100000)]: 1 },                        // a 100 kB extra field name
        { command: ['play'] }, { command: { toString: null } }, { command: null }, { command: true },
        { command: 'setInput', input: ['start', 'Q'] }, { command: 'setInput', input: 'start=Q' },
        { command: 'setInput', input: new Map([['start', 'Q']]) }, { command: 'setInput', input: { start: 17 } },
        { command: 'setInput', input: { start: NaN } }, { command: 'setInput', input: { start: null } },
        JSON.parse('{"command":"setInput","input":{"__proto__":{"polluted":1}}}'),
        JSON.parse('{"command":"setInput","input":{"constructor":{"prototype":{"polluted":1}}}}'),
        JSON.parse('{"command":"play","__proto__":{"polluted":1}}'),
      ];
      msgs.forEach((m) => window.postMessage(m, '*'));
      // not commands at all: ignored without a reply
      [new Date(), new ArrayBuffer(8), [{ command: 'play' }], 'step', 1].forEach((m) => window.postMessage(m, '*'));
      return msgs.length;
    });
    await page.waitForFunction((n) => window.__events.filter((e) => e.event === 'rejected').length >= n, rejected, { timeout: 20000 });
    const ms = Date.now() - t0;
    console.log(`# answered in ${ms} ms`); // printed, not asserted: no timing assertions
    await page.waitForTimeout(300);
    const events = await page.evaluate(() => window.__events.filter((e) => e.event !== 'ready').map((e) => ({ event: e.event, reason: e.reason })));
    assert.equal(events.filter((e) => e.event === 'rejected').length, rejected, JSON.stringify(events).slice(0, 500));
    assert.ok(events.every((e) => e.event === 'rejected' && typeof e.reason === 'string' && e.reason.length < 200),
      'short reasons, nothing ran');
    assert.equal(await page.evaluate(() => Object.prototype.polluted), undefined, 'no prototype pollution');
    assert.equal(await page.locator('.alphabet-prompt').textContent(), 'Recite the alphabet.');
    await page.evaluate(() => window.postMessage({ command: 'step' }, '*'));
    await page.waitForFunction(() => window.__events.some((e) => e.event === 'step'));
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
