// "Which scheduler fits me" and the FSRS optimizer from Settings (issue 16), by keyboard, in browser mode: a fresh
// collection has not enough history for either; then a history drawn from a known forgetting curve (seeded PRNG,
// written into the review log of the same database) gives both schedulers' numbers, a first optimizer run is
// cancelled with Esc, and a second one's result is applied to the preset.
import { default_w } from 'ts-fsrs';
import { test, expect, deckFile, callApi } from './fixtures';
import { seedReviews } from '../unit/helpers/seedReviews';
import { fsrsCurveHistories } from '../unit/scheduler/synthetic';

const CARDS = 160;
const ids = Array.from({ length: CARDS }, (_, i) => `k${i + 1}`);
const deck = deckFile('kernels', 'Kernels', ids.map((id) => ({ id, q: `Kernel question ${id}?`, a: `Answer ${id}.` })));
/** Initial stabilities a quarter of FSRS's defaults: a user who forgets faster than FSRS assumes. */
const FAST_FORGETTING = default_w.map((w, i) => (i < 4 ? w / 4 : w));

test('the scheduler-fit panel: not enough history on a fresh collection, then both schedulers scored and the optimizer applied', async ({ launchApp, appMode }) => {
  test.skip(appMode === 'electron', 'Seeding the review log beside a running host is done in browser mode.');
  const app = await launchApp({ builtInDecks: { 'kernels.md': deck } });
  const { page } = app;
  await expect(page.getByTestId('deck-list')).toContainText('Kernels');
  await page.keyboard.press(',');
  const open = page.getByTestId('open-scheduler-fit');
  await open.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('scheduler-fit');
  await expect(panel.getByRole('heading', { name: /Which scheduler fits me/ })).toBeFocused();
  await expect(panel).toContainText('R = 0.9t/I');
  await expect(panel.getByTestId('fit-problem')).toContainText('Not enough history to compare the schedulers: 0 of');
  await panel.getByTestId('optimize').press('Enter');
  await expect(panel.getByTestId('optimizer-problem')).toContainText('Not enough reviews to optimize');
  await expect(panel.getByTestId('optimizer-problem')).toContainText('have 0');
  await panel.getByRole('button', { name: 'Close' }).press('Enter');
  await expect(open).toBeFocused();

  // A history from a known curve, written into this collection's review log.
  seedReviews(app.dataDir, fsrsCurveHistories(CARDS, 21, FAST_FORGETTING), ids);
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('fit-table')).toBeVisible({ timeout: 20_000 });
  const scored = Number(await panel.getByTestId('fit-scored').textContent());
  expect(scored).toBeGreaterThan(100);
  await expect(panel.getByTestId('fit-fsrs-parameters')).toContainText('fitted by its optimizer');
  const logLoss = await panel.getByTestId('fit-logLoss').locator('td').allTextContents();
  const [sm2, fsrs] = logLoss.map((t) => Number.parseFloat(t));
  expect(fsrs).toBeLessThan(sm2);
  await expect(panel.getByTestId('fit-logLoss')).toContainText('lower is better');
  await expect(panel.getByTestId('fit-auc')).toContainText('higher is better');

  // Cancel: Optimize hands the focus to Cancel, and Esc there stops the run (Settings stays open), well before the
  // fit's second or so from source.
  await panel.getByTestId('optimize').press('Enter');
  await expect(panel.getByTestId('cancel-optimize')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel.getByTestId('optimizer-cancelled')).toContainText(/Cancelled after \d+\.\d s; the preset's parameters are unchanged/);
  await expect(panel.getByTestId('optimize')).toBeFocused();
  await expect(panel.getByTestId('cancel-optimize')).toHaveCount(0);

  await panel.getByTestId('optimize').press('Enter');
  await expect(panel.getByTestId('optimizer-result')).toContainText(/Fitted on \d+ reviews in \d+\.\d s/, { timeout: 20_000 });
  await panel.getByTestId('apply-weights').press('Enter');
  await expect(panel).toContainText('has the optimized FSRS parameters');
  const { presets } = await callApi(page, 'listPresets');
  expect(presets[0].fsrsWeights).toHaveLength(21);
  expect(app.problems).toEqual([]);
});
