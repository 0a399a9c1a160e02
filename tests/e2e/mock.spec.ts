// A short mock interview (issue 18) from the keyboard, to its report, with scheduling unchanged: three questions
// from a built-in deck, one left to time out, then the report, the past mock listed, and the home counts, every
// card's schedule and the statistics the same as before.
import type { Page } from '@playwright/test';
import { test, expect, callApi } from './fixtures';

const deck = (id: string, name: string, cards: { id: string; q: string; tags: string }[]) =>
  `---\nid: ${id}\ndeck: ${name}\nversion: 1\n---\n\n${cards.map((c) => `## ${c.q} {#${c.id} tags="${c.tags}"}\n\nAnswer to ${c.q}\n`).join('\n')}`;
const decks = {
  'opt.md': deck('opt', 'Optimizers', [
    { id: 'adam', q: 'Why does Adam correct its bias?', tags: 'adam' },
    { id: 'sgd', q: 'What does momentum add to SGD?', tags: 'sgd' },
    { id: 'lr', q: 'Why warm up the learning rate?', tags: 'schedule' },
  ]),
  'loss.md': deck('loss', 'Losses', [{ id: 'ce', q: 'Why cross-entropy for classification?', tags: 'loss' }]),
};

/** What scheduling shows: the home screen's counts, each card's state (via the API) and the statistics. */
async function schedulingState(page: Page) {
  const counts = await page.getByTestId('deck-row').evaluateAll((rows) => rows.map((r) => r.textContent!.replace(/\s+/g, ' ').trim()));
  const cards = await Promise.all(['adam', 'sgd', 'lr', 'ce'].map(async (cardId) => (await callApi(page, 'getCard', { cardId })).card.state));
  const { answers, cardStates, dueDays } = await callApi(page, 'statistics', { deckId: null });
  return { counts, cards, answers, cardStates, dueDays };
}

test('a short mock interview to its report leaves scheduling unchanged and is listed', async ({ launchApp }) => {
  const app = await launchApp({ builtInDecks: decks });
  const { page } = app;
  await expect(page.getByTestId('deck-list')).toContainText('Optimizers');
  const before = await schedulingState(page);

  await page.keyboard.press('m');
  const setup = page.getByTestId('mock-setup');
  await expect(setup).toBeVisible();
  await expect(page.getByTestId('mock-scheduling-note')).toContainText('Scheduling is unchanged');
  await expect(page.getByTestId('mock-reschedule')).not.toBeChecked();
  await setup.locator('input[data-deck-id="opt"]').focus();
  await page.keyboard.press('Space');
  await expect(setup.locator('input[data-deck-id="opt"]')).toBeChecked();
  await page.getByTestId('mock-count').fill('3');
  await page.getByTestId('mock-seconds').fill('3');
  await page.keyboard.press('Enter');

  const countdown = page.getByRole('progressbar', { name: 'Time left for this question' });
  await expect(countdown).toBeVisible();
  await expect(countdown).toHaveAttribute('aria-valuemax', '3');
  await expect(countdown).toContainText(/0:0\d left/);
  const card = page.getByTestId('mock-card');
  const shown: string[] = [];
  // Question 1: Again; question 2: Good — both answered in time from the keyboard.
  for (const [position, key] of [[1, '1'], [2, '3']] as const) {
    await expect(page.getByTestId('mock-position')).toHaveText(`Question ${position} of 3`);
    shown.push((await card.getAttribute('data-card-id'))!);
    await expect(page.getByTestId('mock-answer')).toBeHidden();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('mock-answer')).toBeVisible();
    await page.keyboard.press(key);
  }
  // Question 3: left alone, the time runs out and the answer shows by itself; then Hard.
  await expect(page.getByTestId('mock-position')).toHaveText('Question 3 of 3');
  shown.push((await card.getAttribute('data-card-id'))!);
  await expect(page.getByTestId('mock-timed-out')).toBeVisible({ timeout: 6000 });
  await expect(page.getByTestId('mock-answer')).toBeVisible();
  await expect(countdown).toContainText("Time's up");
  await page.keyboard.press('2');

  const report = page.getByTestId('mock-report');
  await expect(report).toBeVisible();
  expect(new Set(shown)).toEqual(new Set(['adam', 'sgd', 'lr']));
  // (Again 0 + Good 1 + Hard 0.5) / 3.
  await expect(page.getByTestId('mock-score')).toHaveText('50%');
  await expect(page.getByTestId('mock-no-previous')).toBeVisible();
  const rows = page.getByTestId('mock-time-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Again');
  await expect(rows.nth(2)).toContainText('Hard · timed out');
  await expect(rows.nth(2)).toContainText('3.0 s');
  // The Again card's topic is the weakest, and links to its card.
  await expect(page.getByTestId('mock-weakest').locator('li').first()).toContainText('0%');
  await expect(page.getByTestId('mock-weakest').locator(`button[data-card-id="${shown[0]}"]`)).toBeVisible();

  // Esc: back to the setup, where the past mock is listed; Esc again: home.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('mock-history-row')).toHaveCount(1);
  await expect(page.getByTestId('mock-history-row')).toContainText('50%');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('deck-list')).toBeVisible();
  expect(await schedulingState(page)).toEqual(before);
  expect(app.problems).toEqual([]);
});
