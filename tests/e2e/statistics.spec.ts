// Statistics (issue 15), a smoke test: answer a few cards, open the screen with T, read the numbers back from the
// charts' tables, filter by deck, open a lapsed card in the editor. Today comes from the host's reply.
import { test, expect, deckFile } from './fixtures';

const deck = deckFile('stats', 'Stats deck', [
  { id: 's1', q: 'Why scale by sqrt(d_k)?', a: 'To keep the logits unit-variance.' },
  { id: 's2', q: 'What does LayerNorm normalise over?', a: 'The features of one token.' },
]);
const other = deckFile('other', 'Other deck', [{ id: 'o1', q: 'Untouched?', a: 'Yes.' }]);

test('T opens statistics with the answers just given, per deck, in charts and tables', async ({ launchApp }) => {
  const app = await launchApp({ builtInDecks: { 'stats.md': deck, 'other.md': other } });
  const { page } = app;
  await expect(page.getByTestId('deck-list')).toContainText('Stats deck');
  await page.locator('tr[data-deck-id="stats"] button').click();
  const card = page.locator('article.card');
  const answers = [['s1', '3'], ['s2', '1'], ['s2', '4']] as const;
  for (const [done, [id, key]] of answers.entries()) {
    await expect(card).toHaveAttribute('data-card-id', id);
    await page.keyboard.press('Space');
    await page.keyboard.press(key);
    // s2 comes straight back after Again: wait for the answer to count before reading the next card.
    if (done < answers.length - 1) await expect(page.getByRole('progressbar')).toContainText(`${done + 1} done`);
  }
  await expect(page.getByTestId('summary')).toContainText('You answered 3 cards');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('deck-list')).toBeVisible();

  await page.keyboard.press('t');
  const screen = page.getByTestId('statistics');
  await expect(screen.getByTestId('answers-year')).toHaveText('3');
  await expect(screen.getByTestId('streak')).toHaveText('1');
  await expect(screen.getByTestId('days-studied')).toHaveText('1');
  const today = screen.getByTestId('table-answers').locator('tbody tr');
  await expect(today).toHaveCount(1);
  await expect(today.locator('td')).toHaveText([/^\d{4}-\d\d-\d\d$/, '2', '1', '0']);
  for (const chart of ['chart-calendar', 'chart-answers', 'chart-time', 'chart-forecast', 'chart-states', 'chart-buttons']) {
    await expect(screen.getByTestId(chart).locator('svg').first()).toBeVisible();
  }
  await expect(screen.getByTestId('table-states')).toContainText('New1');
  await expect(screen.getByTestId('table-states')).toContainText('Young2');

  await screen.getByTestId('statistics-deck').selectOption('other');
  await expect(screen.getByTestId('answers-year')).toHaveText('0');
  await expect(screen.getByTestId('table-states')).toContainText('New1');
  await screen.getByTestId('statistics-deck').selectOption('stats');
  await expect(screen.getByTestId('answers-year')).toHaveText('3');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('deck-list')).toBeVisible();
  expect(app.problems).toEqual([]);
});
