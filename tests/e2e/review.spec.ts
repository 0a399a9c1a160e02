import { test, expect, deckFile } from './fixtures';

const mathDeck = deckFile('math', 'Math deck', [
  { id: 'm-attn', q: 'Scaled dot-product attention?', a: '$$\\mathrm{softmax}\\Big(\\frac{QK^\\top}{\\sqrt{d_k}}\\Big)V$$\n\nInline: $\\sqrt{d_k}$.' },
  { id: 'm-ln', q: 'LayerNorm variance: biased or unbiased?', a: 'Biased: $\\sigma^2=\\frac1H\\sum_i (x_i-\\mu)^2$.' },
  { id: 'm-bad', q: 'A card with broken math', a: 'Before $\\frac{1}{$ after — this sentence still renders.' },
]);

test('a full review session from the keyboard: reveal, grade, undo, summary', async ({ launchApp }) => {
  const app = await launchApp({ builtInDecks: { 'math.md': mathDeck } });
  const { page } = app;
  await expect(page.getByTestId('deck-list')).toContainText('Math deck');
  await expect(page.locator('tr[data-deck-id="math"] [data-testid="count-new"]')).toHaveText('3');

  await page.keyboard.press('s');
  const card = page.locator('article.card');
  await expect(card).toHaveAttribute('data-card-id', 'm-attn');
  await expect(page.getByTestId('answer')).toBeHidden();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('answer')).toBeVisible();
  // KaTeX rendered the display and the inline formula.
  await expect(card.locator('.katex-display')).toHaveCount(1);
  await expect(card.locator('.answer .katex').first()).toBeVisible();
  // Every button shows its outcome before it is pressed.
  await expect(page.locator('.grade')).toHaveText([/again today · 1d\s*Again/, /again today · 1d\s*Hard/, /1d\s*Good/, /1d\s*Easy/]);

  await page.keyboard.press('3'); // Good
  await expect(card).toHaveAttribute('data-card-id', 'm-ln');
  await expect(page.getByTestId('progress')).toContainText('1 done · 2 left');

  // Undo brings the first card back.
  await page.keyboard.press('Control+z');
  await expect(card).toHaveAttribute('data-card-id', 'm-attn');
  await expect(page.getByTestId('progress')).toContainText('0 done · 3 left');

  await page.keyboard.press('Space');
  await page.keyboard.press('4'); // Easy
  await expect(card).toHaveAttribute('data-card-id', 'm-ln');
  await page.keyboard.press('Space');
  await page.keyboard.press('1'); // Again → drilled after the others
  await expect(card).toHaveAttribute('data-card-id', 'm-bad');
  await page.keyboard.press('Space');
  // Math KaTeX cannot parse shows an inline error; the rest of the card renders.
  await expect(card.locator('.math-error')).toBeVisible();
  await expect(card.locator('.answer')).toContainText('this sentence still renders');
  await page.keyboard.press('3');
  await expect(card).toHaveAttribute('data-card-id', 'm-ln');
  await expect(card).toHaveAttribute('data-kind', 'drill');
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(page.getByTestId('summary')).toContainText('Session complete');
  await expect(page.getByTestId('summary')).toContainText('You answered 4 cards');
  expect(app.problems).toEqual([]);
});

test('answers persist across a restart', async ({ launchApp }) => {
  const app = await launchApp({ builtInDecks: { 'math.md': mathDeck } });
  await expect(app.page.getByTestId('deck-list')).toContainText('Math deck');
  await app.page.keyboard.press('s');
  for (let i = 0; i < 2; i++) {
    await expect(app.page.locator('article.card')).toHaveAttribute('data-card-id', i === 0 ? 'm-attn' : 'm-ln');
    await app.page.keyboard.press('Space');
    await app.page.keyboard.press('3');
  }
  await expect(app.page.locator('article.card')).toHaveAttribute('data-card-id', 'm-bad');
  const page = await app.restart();
  await expect(page.locator('tr[data-deck-id="math"] [data-testid="count-new"]')).toHaveText('1');
});

test('a malformed deck shows its error while the other decks load', async ({ launchApp }) => {
  const broken = '---\nid: broken\ndeck: Broken deck\nversion: 1\n---\n\n## Q {#b1}\n\nA\n\n```js proof\ncheck.true("x", true)\n';
  const app = await launchApp({ builtInDecks: { 'math.md': mathDeck }, userDecks: { 'broken.md': broken } });
  await expect(app.page.getByTestId('deck-list')).toContainText('Math deck');
  await expect(app.page.getByTestId('deck-list')).not.toContainText('Broken deck');
  await expect(app.page.getByTestId('file-errors')).toContainText('broken.md:11');
  await expect(app.page.getByTestId('file-errors')).toContainText(/unterminated|not closed/i);
});

test('card HTML with script tags or event handlers renders inert, and the renderer has no Node', async ({ launchApp }) => {
  const hostile = deckFile('hostile', 'Hostile deck', [
    {
      id: 'h1',
      q: 'XSS? <img src="x" onerror="window.__pwned = 1"> <script>window.__pwned = 2</script>',
      a: '<a href="javascript:window.__pwned=3">click</a> <svg onload="window.__pwned=4"></svg> <iframe src="https://example.com"></iframe>',
    },
  ]);
  const app = await launchApp({ builtInDecks: { 'hostile.md': hostile } });
  const { page } = app;
  await expect(page.getByTestId('deck-list')).toContainText('Hostile deck');
  await page.keyboard.press('s');
  await expect(page.locator('article.card')).toHaveAttribute('data-card-id', 'h1');
  await page.keyboard.press('Space');
  await page.locator('.answer a').click().catch(() => {});
  // The broken <img src="x"> is `complete` once its load failed, and its error event (where a surviving onerror
  // would run) fires in that same task; a frame drawn after the click comes after anything the click queued.
  await expect.poll(() => page.locator('article.card img').first().evaluate((img: HTMLImageElement) => img.complete)).toBe(true);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('article.card [onerror], article.card [onload], article.card script, article.card iframe')).toHaveCount(0);
  await expect(page.locator('article.card a[href^="javascript"]')).toHaveCount(0);
  expect(await page.evaluate(() => [typeof (globalThis as Record<string, unknown>).require, typeof (globalThis as Record<string, unknown>).process])).toEqual([
    'undefined',
    'undefined',
  ]);
  // Chromium reports (and blocks) inline handlers while DOMPurify parses the hostile HTML in an inert document:
  // that is the CSP doing its job. Anything else would be a real violation.
  expect(app.problems.filter((p) => !/inline event handler/.test(p))).toEqual([]);
});

test('the host refuses API calls without the token or from another origin', async ({ launchApp, appMode }) => {
  test.skip(appMode !== 'browser', 'browser-mode host only');
  const app = await launchApp({ builtInDecks: { 'math.md': mathDeck } });
  const origin = new URL(app.page.url()).origin;
  const statuses = await app.page.evaluate(async (o) => {
    const ok = await fetch(`${o}/api/overview`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    const noCookie = await fetch(`${o}/api/overview`, { method: 'POST', credentials: 'omit', headers: { 'content-type': 'application/json' } });
    const bad = await fetch(`${o}/api/answerCard`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cardId: 1 }) });
    return [ok.status, noCookie.status, bad.status, (await bad.json()).error.code];
  }, origin);
  expect(statuses).toEqual([200, 401, 400, 'api.invalidArgument']);
});
