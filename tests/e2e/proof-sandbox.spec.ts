// The proof sandbox in real Chromium, driven through the headless harness page (the app's own runner and
// sandbox, served like browser mode serves them): no network, a responsive host during an endless loop, a
// crashed sandbox replaced, and the ProofPanel drawing a real result. Browser mode only (the harness page is not
// part of the Electron app).
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSpyServer, type SpyServer } from '../fixtures/spyServer';
import { openProofBrowser, type ProofBrowser } from '../../scripts/deck-check/browser';
import { ensureRendererBuild } from '../../scripts/deck-check/build';
import { parseDeck } from '../../main/core/deck';

const repoRoot = join(import.meta.dirname, '../..');

let browser: ProofBrowser;
let spy: SpyServer | null = null;
let spyPort = 0;
let seen: string[] = [];

test.beforeAll(async ({}, testInfo) => {
  if (testInfo.project.name === 'electron') return;
  test.setTimeout(180_000);
  spy = await startSpyServer();
  spyPort = spy.port;
  seen = spy.seen;
  browser = await openProofBrowser(await ensureRendererBuild(repoRoot, (line) => process.stderr.write(`${line}\n`)));
});

test.afterAll(async () => {
  await browser?.close();
  await spy?.close();
});

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'the proof harness page runs in browser mode only');
});

test('no proof reaches a local server: fetch, XHR, WebSocket, EventSource, importScripts, dynamic import, sendBeacon, nested worker', async () => {
  // Control: the spy does count requests (a page of the same browser, outside the sandbox, reaches it).
  const control = await browser.page.context().browser()!.newPage();
  await control.goto(`http://127.0.0.1:${spyPort}/control`);
  expect(seen).toContain('GET /control');
  seen.length = 0;

  const text = readFileSync(join(repoRoot, 'tests/fixtures/proofs/hostile-network.md'), 'utf8').replaceAll('47999', String(spyPort));
  const cards = parseDeck(text, 'hostile-network.md').cards.filter((card) => card.proofCode);
  expect(cards.length).toBeGreaterThanOrEqual(9);
  for (const card of cards) {
    const result = await browser.run({ code: card.proofCode!, lang: card.proofLang!, backend: 'wasm' });
    expect({ card: card.id, ok: result.ok, error: result.error }).toEqual({ card: card.id, ok: true, error: null });
  }
  // A request could still be in flight from an asynchronous attempt: a request the control page sends after all
  // of them has to arrive first, then nothing else may have. (favicon: the control page's own, whenever it lands.)
  await control.evaluate((url) => fetch(url), `http://127.0.0.1:${spyPort}/after-proofs`);
  await control.close();
  expect(seen).toContain('GET /after-proofs');
  expect(seen.filter((request) => request !== 'GET /favicon.ico' && request !== 'GET /after-proofs')).toEqual([]);
});

test('the host page stays responsive while a proof loops forever, and the loop is stopped', async () => {
  // Warm the cpu backend first, so nearly all of the run below is the loop spinning, not a worker starting.
  expect((await browser.run({ code: "check.true('warm', true)", lang: 'js', backend: 'cpu' })).ok).toBe(true);
  // Frames are counted on the host page from before the run is sent until its result arrives, which for this
  // proof is only after the sandbox has spun for its whole 4 s limit. A host blocked by the loop would draw none.
  type Counter = { framesDrawn: number; countFrames: boolean };
  await browser.page.evaluate(() => {
    const counter = window as unknown as Counter;
    counter.framesDrawn = 0;
    counter.countFrames = true;
    const tick = () => {
      if (!counter.countFrames) return;
      counter.framesDrawn++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const result = await browser.run({ code: "check.true('reached', true); while (true) {}", lang: 'js', backend: 'cpu', timeoutMs: 4000 });
  const frames = await browser.page.evaluate(() => {
    const counter = window as unknown as Counter;
    counter.countFrames = false;
    return counter.framesDrawn;
  });
  expect(result.ok).toBe(false);
  expect(result.error).toMatch(/Timed out after 4000 ms/);
  // 60 frames a second would be ~240; 20 leaves room for a loaded machine (the rate is in `npm run bench`).
  expect(frames).toBeGreaterThanOrEqual(20);
  const next = await browser.run({ code: "check.close('after the loop', tf.add(1, 1), 2)", lang: 'js', backend: 'cpu' });
  expect(next.ok).toBe(true);
});

test('the ProofPanel shows the verdict, each check with its errors, plots, tables, logs and what ran it', async () => {
  const code = `check.close('softmax sums to 1', tf.softmax(tf.tensor1d([1, 2, 3])).sum(), 1);
check.close('off by a little', 1.001, 1);
log('hello');
table([[1, 2], [3, 4]], { title: 'small' });
plot.line({ title: 'squares', series: { y: [0, 1, 4, 9] } });
plot.heatmap({ title: 'grid', data: [[1, 2], [3, 4]] });`;
  const result = await browser.page.evaluate((proof) => window.proofHarness!.showPanel({ code: proof, lang: 'js', backend: 'cpu' }), code);
  expect(result.ok).toBe(false);
  const panel = browser.page.locator('.proof-panel');
  await expect(panel.getByTestId('proof-verdict')).toHaveText('✗ Proof failed');
  await expect(panel.locator('.checks li')).toHaveCount(2);
  await expect(panel.locator('.checks li.bad')).toContainText('off by a little');
  await expect(panel.locator('.checks li.bad .detail')).toContainText('1 of 1 element not close');
  await expect(panel.locator('.checks li.ok .errors')).toContainText('max |Δ|');
  await expect(panel.locator('figure.proof-plot')).toHaveCount(2);
  for (const figure of await panel.locator('figure.proof-plot').all()) await expect(figure.locator('svg').first()).toBeVisible();
  await expect(panel.locator('table caption')).toContainText('small');
  await expect(panel.locator('pre.logs')).toHaveText('hello');
  await expect(panel.locator('.ran-on')).toContainText('cpu · CPU (JavaScript)');
  await panel.locator('select').selectOption('wasm');
  await expect(panel.locator('.ran-on')).toContainText('wasm · CPU (wasm');
});

test('a proof that exhausts memory crashes only the sandbox: it fails with a clear reason and a fresh sandbox runs the next proof', async () => {
  test.setTimeout(150_000);
  const result = await browser.run({ code: 'const keep = []; for (;;) keep.push(new Array(1e6).fill(0.5));', lang: 'js', backend: 'wasm', timeoutMs: 90_000 });
  expect(result.ok).toBe(false);
  expect(result.error).toMatch(/crashed|out of memory|Invalid array length/i);
  // (Playwright reports the sandbox iframe's crash as a crash of the page; the host page lives on and answers
  // over CDP, which is how ProofBrowser talks to it.)
  const next = await browser.run({ code: "check.close('after the crash', tf.mul(3, 4), 12)", lang: 'js', backend: 'wasm' });
  expect({ ok: next.ok, error: next.error }).toEqual({ ok: true, error: null });
});
