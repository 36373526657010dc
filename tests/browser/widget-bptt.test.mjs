// widget-bptt.test.mjs - the bptt widget's numbers, read from its step events
// and data-value attributes (fixed seeds, from file://): the default is the
// "vanishing" preset (g linear, W = 0.5·Q, loss at the last step) and the
// "exploding" preset goes the other way (T = 20: ||dL/dh_1|| < 1e-3
// ||dL/dh_T|| and > 1e3 ||dL/dh_T||); in the "sum over the steps" view the
// per-step terms of U, W and V (element [1,1]) sum to the engine's gradient;
// at T = 20 every number under the graph is readable (≥ 18 px at 960×540, no
// two overlap, none cut); clipping reports the norm before and after; the
// gradient check's relative errors are small; training lowers the loss.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './helpers.mjs';
import { EMBED, openWidget, post } from './widget-helpers.mjs';

const GRADCHECK_TOL = 1e-2;   // relative error per tensor, float32 central differences

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const open = (hash, lang = 'en') => openWidget(browser, `${EMBED}?w=bptt&lang=${lang}${hash}`, { readyTimeout: 20000 });
const steps = (page) => page.evaluate(() => window.__events.filter((e) => e.event === 'step'));
const attr = async (page, sel, name) => Number(await page.locator(sel).getAttribute(name));
const values = (page, cls) => page.locator(`.bptt-graph .${cls}`).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));

// The numbers under the graph: rendered size, and boxes that overlap another on the same line.
const layout = (page) => page.evaluate(() => {
  const boxes = [...document.querySelectorAll('.bptt-graph .bptt-num')].map((e) => {
    const r = e.getBoundingClientRect();
    return { l: r.left, r: r.right, t: r.top, b: r.bottom, h: r.height, text: e.textContent, exp: e.classList.contains('exp'), group: e.parentNode };
  });
  const overlaps = [];   // between two numbers (a mantissa and its own ×10ⁿ below it are one number)
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
    if (a.group !== b.group && a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5) overlaps.push(`${a.text} / ${b.text}`);
  }));
  const frame = document.querySelector('.bptt-graph').getBoundingClientRect();   // the SVG clips what leaves it
  const cut = boxes.filter((b) => b.l < frame.left || b.r > frame.right || b.b > frame.bottom || b.b > innerHeight).map((b) => b.text);
  const mantissa = boxes.filter((b) => !b.exp);
  const fontPx = parseFloat(getComputedStyle(document.querySelector('.bptt-graph .bptt-num')).fontSize);
  const svg = document.querySelector('.bptt-graph');
  const box = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal;
  const scale = Math.min(box.width / vb.width, box.height / vb.height);   // preserveAspectRatio meet
  return { n: mantissa.length, overlaps, cut, px: fontPx * scale, texts: mantissa.map((b) => b.text) };
});

test('bptt: the default vanishes, the exploding preset explodes (T = 20, g linear, W = r·Q, loss at the last step)', async () => {
  const { context, page, lines: problems } = await open('#steps=20&view=norms');
  try {
    const ev = (await steps(page))[0];
    assert.equal(ev.step, 0);
    assert.ok(Math.abs(ev.rho - 0.5) < 2e-3, `rho ${ev.rho}`);
    assert.ok(ev.dhFirst < 1e-3 * ev.dhLast, `r = 0.5: ${ev.dhFirst} vs ${ev.dhLast}`);
    assert.equal(await page.locator('.bptt-trend').getAttribute('data-kind'), 'vanish');
    assert.equal(await page.getByRole('button', { name: 'Vanishing', exact: true }).getAttribute('aria-pressed'), 'true');
    const dh = await values(page, 'bptt-dh');
    assert.equal(dh.length, 20);
    assert.equal(dh[0], ev.dhFirst);
    await page.getByRole('button', { name: 'Exploding', exact: true }).click();
    await page.waitForFunction(() => Number(document.querySelector('.bptt-rho').getAttribute('data-value')) > 1.4);
    assert.ok(Math.abs(await attr(page, '.bptt-rho', 'data-value') - 1.5) < 3e-3);
    const first = await attr(page, '.bptt-ends', 'data-first'), last = await attr(page, '.bptt-ends', 'data-last');
    assert.ok(first > 1e3 * last, `r = 1.5: ${first} vs ${last}`);
    assert.equal(await page.locator('.bptt-trend').getAttribute('data-kind'), 'explode');
    assert.equal(await page.getByRole('button', { name: 'Exploding', exact: true }).getAttribute('aria-pressed'), 'true');
    // every number readable at T = 20: none cut, none overlapping, ≥ 18 px, real minus signs
    const l = await layout(page);
    assert.equal(l.n, 20);
    assert.deepEqual(l.overlaps, []);
    assert.deepEqual(l.cut, []);
    assert.ok(l.px >= 18, `numbers at ${l.px.toFixed(1)} px`);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('bptt: Σ_t ∂L/∂U_t, ∂L/∂W_t, ∂L/∂V_t = the engine\'s ∂L/∂U, ∂L/∂W, ∂L/∂V; clipping, gradient check, training', async () => {
  const { context, page, lines: problems } = await open('#train=60&loss=every&steps=20');
  try {
    for (const w of ['U', 'W', 'V']) {
      await page.getByRole('button', { name: w, exact: true }).click();
      await page.waitForFunction((k) => document.querySelector('.bptt-eq:nth-child(4)').textContent.includes(`∂L/∂${k}ₜ`), w);
      const sum = await attr(page, '.bptt-sum[data-sum]', 'data-sum'), total = await attr(page, '.bptt-sum[data-total]', 'data-total');
      assert.ok(Math.abs(sum - total) <= 1e-5 * (1 + Math.abs(total)), `${w}: sum ${sum} vs total ${total}`);
      const terms = await values(page, 'bptt-term');
      assert.equal(terms.length, 20);
      const added = terms.reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(added - total) <= 1e-5 * (1 + Math.abs(total)), `${w}: Σ of the shown terms ${added} vs ${total}`);
      assert.ok(terms.filter((v) => v !== 0).length > 1, `${w}: ${terms}`);
      assert.equal(await page.locator(`.bptt-graph .bptt-edge.w${w}.on`).count(), 20, `${w}: one edge per use`);
      const l = await layout(page);
      assert.deepEqual([l.overlaps, l.cut], [[], []], w);
      assert.ok(l.px >= 18, `${w}: numbers at ${l.px.toFixed(1)} px`);
    }
    await page.getByRole('button', { name: 'Check gradients' }).click();
    await page.waitForFunction(() => document.querySelector('.bptt-checkout').hasAttribute('data-u'), null, { timeout: 20000 });
    for (const k of ['data-u', 'data-w', 'data-v']) {
      const rel = await attr(page, '.bptt-checkout', k);
      assert.ok(rel >= 0 && rel < GRADCHECK_TOL, `${k} ${rel}`);
    }
    const loss0 = (await steps(page))[0].loss;
    // the focus may still be on "Check gradients" (space would press it again): blur it first
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await page.keyboard.press(' ');                          // play to the end (60 steps)
    await page.waitForFunction(() => window.__events.some((e) => e.event === 'done'), null, { timeout: 60000 });
    const evs = await steps(page), lastEv = evs[evs.length - 1];
    assert.equal(lastEv.step, 60);
    assert.ok(lastEv.loss < loss0, `loss ${loss0} -> ${lastEv.loss}`);
    assert.ok(Math.abs(lastEv.termSum - lastEv.termTotal) <= 1e-5 * (1 + Math.abs(lastEv.termTotal)));
    assert.ok(lastEv.gradNormAfter <= 1 + 1e-4 && lastEv.gradNormAfter <= lastEv.gradNorm + 1e-9, JSON.stringify(lastEv));
    await post(page, { command: 'setInput', input: { view: 'norms' } });
    const before = await attr(page, '.bptt-norms', 'data-before'), afterN = await attr(page, '.bptt-norms', 'data-after');
    assert.equal(before, lastEv.gradNorm);
    assert.equal(afterN, lastEv.gradNormAfter);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('bptt in Portuguese: the equations one per line, no implementation words, numbers with a comma and a real minus', async () => {
  const { context, page, lines: problems } = await open('#loss=every&steps=20', 'pt');
  try {
    const l = await layout(page);
    assert.equal(l.n, 20);
    assert.deepEqual([l.overlaps, l.cut], [[], []]);
    assert.ok(l.px >= 18, `numbers at ${l.px.toFixed(1)} px`);
    assert.ok(l.texts.some((t) => t.startsWith('−')) && l.texts.every((t) => !t.includes('-')), l.texts.join(' '));
    const eqs = await page.locator('.bptt-eq').allTextContents();
    assert.deepEqual(eqs.slice(0, 3), ['hₜ = g(U xₜ + W hₜ₋₁)', 'ŷₜ = f(V hₜ),  f = softmax', 'L = Σₜ Lₜ']);
    assert.equal(eqs[3], '∂L/∂W = Σₜ ∂L/∂Wₜ');
    const text = await page.locator('#widget').innerText();
    assert.doesNotMatch(text, /seqnet|transpost|stored|engine layout/i);
    assert.match(text, /Soma dos 20 termos: −?\d+,\d+/);
    assert.ok(!/\d-\d|-\d/.test(await page.locator('.bptt-graph').textContent()), 'a hyphen as a minus sign');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

// Every text of the graph (row names, node names, the weight's letters, the
// numbers) as rendered at 960×540: {text, px}, px = font size × the SVG's scale.
const graphText = (page) => page.evaluate(() => [...document.querySelectorAll('.bptt-graph text')].map((t) => ({
  text: t.textContent, px: Math.round(parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a * 10) / 10,
})));

// The smallest horizontal gap (px) between two numbers on the same line under the graph.
const numberGap = (page) => page.evaluate(() => {
  const rows = new Map();
  for (const e of document.querySelectorAll('.bptt-graph .bptt-num')) {
    const r = e.getBoundingClientRect(), key = Math.round(r.top);
    if (!rows.has(key)) rows.set(key, []);
    rows.get(key).push(r);
  }
  let gap = Infinity;
  for (const row of rows.values()) {
    row.sort((a, b) => a.left - b.left);
    for (let i = 1; i < row.length; i++) gap = Math.min(gap, row[i].left - row[i - 1].right);
  }
  return Math.round(gap * 10) / 10;
});

test('bptt on a slide: at the default T = 14, in both views and languages, every label of the graph is >= 18 px (also after a gradient check), the numbers apart', async () => {
  for (const [hash, lang] of [['', 'pt'], ['#view=norms', 'en'], ['#steps=11', 'en']]) {
    const { context, page, lines: problems } = await open(hash, lang);
    try {
      const small = (await graphText(page)).filter((t) => t.px < 18);
      assert.deepEqual(small, [], `${hash} ${lang}`);
      const l = await layout(page);
      assert.deepEqual([l.overlaps, l.cut], [[], []], `${hash} ${lang}`);
      assert.ok(l.px >= 18, `numbers at ${l.px.toFixed(1)} px`);
      // neighbours on one line are apart (a word space at least), not touching: "×10⁻⁴×10⁻⁴" reads as one
      assert.ok(await numberGap(page) >= 6, `${hash} ${lang}: numbers ${await numberGap(page)} px apart`);
      if (!hash) {
        // the gradient check's result takes no room from the graph (it once wrapped the bar to a third line)
        const width = () => page.evaluate(() => document.querySelector('.bptt-graph').getBoundingClientRect().width);
        const w0 = await width();
        await page.locator('.bptt-check').click();
        await page.waitForFunction(() => document.querySelector('.bptt-checkout').hasAttribute('data-u'), null, { timeout: 20000 });
        assert.equal(await width(), w0);
        assert.deepEqual((await graphText(page)).filter((t) => t.px < 18), [], 'after the check');
      }
      assert.deepEqual(problems, []);
    } finally { await context.close(); }
  }
});
