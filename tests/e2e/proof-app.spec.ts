// Hostile proofs inside the real app: every one is contained (it gets a verdict, the app keeps responding), each
// well-behaved proof after it still passes, and nothing but proof results changes in the user's data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, repoRoot, callApi } from './fixtures';

// Out-of-memory proofs crash the sandbox's process, which Playwright reports as a crash of the whole page; the
// sandbox spec covers them on the harness page over a raw CDP session.
const hostile = readFileSync(join(repoRoot, 'tests/fixtures/proofs/hostile.md'), 'utf8').replace(
  /## Allocating JS arrays until memory runs out[\s\S]*?(?=## A tensor far beyond the cap)/,
  '',
);

test('hostile proofs are contained in the app and change no card, scheduling or settings data', async ({ launchApp }) => {
  test.setTimeout(240_000);
  const app = await launchApp({ builtInDecks: { 'hostile.md': hostile } });
  let { page } = app;
  await expect(page.getByTestId('deck-list')).toContainText('Hostile proofs');
  const api = (method: string, arg?: unknown) => callApi(page, method, arg);
  const settings = await api('updateSettings', { proofTimeoutMs: 2000, newPerDay: 100 });
  page = await app.restart();
  await expect(page.getByTestId('deck-list')).toContainText('Hostile proofs');
  const cardIds = [...hostile.matchAll(/\{#([^ }]+)\}/g)].map((m) => m[1]);
  expect(cardIds.length).toBeGreaterThan(30);

  await page.keyboard.press('s');
  const verdicts = new Map<string, string>();
  for (let i = 0; i < cardIds.length; i++) {
    const card = page.locator('article.card');
    await expect(card).toHaveAttribute('data-card-id', cardIds[i]);
    await page.keyboard.press('Space'); // the app answers the keyboard while the proof runs
    const verdict = card.getByTestId('proof-verdict');
    await expect(verdict).toBeVisible({ timeout: 15_000 });
    verdicts.set(cardIds[i], (await verdict.textContent()) ?? '');
    await page.keyboard.press('3');
  }
  await expect(page.getByTestId('summary')).toBeVisible();

  const failedGood = [...verdicts].filter(([id, text]) => id.startsWith('g-') && !/passed/.test(text));
  expect(failedGood).toEqual([]);
  for (const id of ['h-infinite-loop', 'h-never-settles', 'h-throw-number', 'h-throw-nasty', 'h-syntax']) {
    expect(verdicts.get(id), id).toMatch(/failed/);
  }

  // Only the answers and proof results changed: settings are as set, every card was answered exactly once.
  expect(await api('getSettings')).toEqual(settings);
  expect((await api('sessionSummary', { since: 0 })).answered).toBe(cardIds.length);
  const runs = await api('proofRuns', { cardId: 'h-infinite-loop' });
  expect(runs).toHaveLength(1);
  expect(runs[0].ok).toBe(false);
  const overview = await api('overview');
  expect(overview.decks[0].cardCount).toBe(cardIds.length);
  expect(app.problems.filter((p) => !/inline event handler/.test(p))).toEqual([]);
});
