// A coding card in a mock interview (issue 18): the review's editor and tests, the solution hidden until asked, the
// grade the attempt earns marked on the mock's buttons and confirmed with Space, and the report showing it.
import { test, expect } from './fixtures';
import { CODING_DECK, RIGHT, SOLUTION_LINE } from './codingFixture';


test('a mock with a coding card: solved on the first run, Good proposed and confirmed, in the report', async ({ launchApp }) => {
  test.setTimeout(120_000);
  const app = await launchApp({ builtInDecks: { 'coding.md': CODING_DECK } });
  const { page } = app;
  await expect(page.getByTestId('deck-list')).toContainText('Coding review');
  await page.keyboard.press('m');
  await page.getByTestId('mock-tags').fill('softmax');
  await page.getByTestId('mock-count').fill('1');
  await page.getByTestId('mock-seconds').fill('300');
  await page.getByTestId('mock-start').click();

  await expect(page.getByTestId('mock-card')).toHaveAttribute('data-card-id', 'cr-softmax');
  const editor = page.getByTestId('code-editor');
  await expect(editor).toContainText('return x; // TODO');
  await expect(page.getByTestId('mock-reveal')).toContainText('Show solution');
  await expect(page.locator('.grade')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(SOLUTION_LINE);

  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(RIGHT);
  // Keys typed in the editor are code: no grade, no reveal, and the mock goes on.
  await page.keyboard.type(' // 1 2 3 4');
  await expect(editor).toContainText('// 1 2 3 4');
  await expect(page.locator('.grade')).toHaveCount(0);
  await page.keyboard.press('Control+Enter');
  const results = page.getByTestId('test-results');
  await expect(results).toHaveAttribute('data-state', 'pass', { timeout: 60_000 });
  await expect(results).toContainText('3/3 checks');
  await expect(page.getByTestId('proposed-grade')).toHaveCount(1);
  await expect(page.locator('.grade.proposed')).toHaveAttribute('data-grade', 'good');
  await expect(page.locator('body')).not.toContainText(SOLUTION_LINE);

  // Esc in the editor moves to the proposed grade (it does not end the mock); Space confirms it.
  await page.keyboard.press('Escape');
  await expect(page.locator('.grade.proposed')).toBeFocused();
  await expect(page.getByTestId('mock-report')).toHaveCount(0);
  await page.keyboard.press('Space');

  await expect(page.getByTestId('mock-report')).toBeVisible();
  await expect(page.getByTestId('mock-score')).toHaveText('100%');
  await expect(page.getByTestId('mock-time-row')).toHaveCount(1);
  await expect(page.getByTestId('mock-time-row')).toContainText('Good');
  expect(app.problems).toEqual([]);
});

test('a coding card whose time runs out shows its solution, proposes Again, and a recall card follows as before', async ({ launchApp }) => {
  test.setTimeout(60_000);
  const app = await launchApp({ builtInDecks: { 'coding.md': CODING_DECK } });
  const { page } = app;
  await expect(page.getByTestId('deck-list')).toContainText('Coding review');
  await page.keyboard.press('m');
  await page.getByTestId('mock-setup').locator('input[data-deck-id="coding-review"]').check();
  await page.getByTestId('mock-count').fill('2');
  await page.getByTestId('mock-seconds').fill('3');
  await page.getByTestId('mock-start').click();

  const card = page.getByTestId('mock-card');
  for (const position of [1, 2]) {
    await expect(page.getByTestId('mock-position')).toHaveText(`Question ${position} of 2`);
    if ((await card.getAttribute('data-card-id')) === 'cr-softmax') {
      await expect(page.getByTestId('mock-timed-out')).toBeVisible({ timeout: 6000 });
      await expect(page.getByTestId('coding-solution')).toContainText(SOLUTION_LINE);
      // The question, answer and reference are card content in the deck's language (front matter lang: en).
      await expect(card.locator('.question')).toHaveAttribute('lang', 'en');
      await expect(page.getByTestId('coding-solution').locator('.answer')).toHaveAttribute('lang', 'en');
      await expect(page.getByTestId('coding-solution').locator('pre.solution')).toHaveAttribute('lang', 'en');
      await expect(page.locator('.grade.proposed')).toHaveAttribute('data-grade', 'again');
      await page.keyboard.press('Enter');
    } else {
      // A recall card proposes nothing: Space shows its answer, then a digit grades it.
      await page.keyboard.press('Space');
      await expect(page.getByTestId('mock-answer')).toBeVisible();
      await expect(page.getByTestId('mock-answer').locator('.answer')).toHaveAttribute('lang', 'en');
      await expect(page.getByTestId('proposed-grade')).toHaveCount(0);
      await page.keyboard.press('3');
    }
  }
  await expect(page.getByTestId('mock-report')).toBeVisible();
  await expect(page.getByTestId('mock-score')).toHaveText('50%');
  await expect(page.getByTestId('mock-time-row').filter({ hasText: 'timed out' })).toContainText('Again');
  expect(app.problems).toEqual([]);
});
