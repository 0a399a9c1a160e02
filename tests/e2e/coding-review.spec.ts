// Reviewing a coding card (issue 17 step 2): write code in the editor, run the card's tests with Ctrl+Enter (a wrong
// attempt, then a right one), see the proposed grade, confirm it, and find the attempt kept after a restart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { CODING_DECK, RIGHT, SOLUTION_LINE, WRONG } from './codingFixture';


test('solve a coding card: a wrong attempt, a right one, the proposed grade confirmed, the attempt kept', async ({ launchApp }) => {
  test.setTimeout(120_000);
  const app = await launchApp({ builtInDecks: { 'coding.md': CODING_DECK } });
  let page = app.page;
  await expect(page.getByTestId('deck-list')).toContainText('Coding review');
  await page.keyboard.press('s');
  const card = page.locator('article.card');
  await expect(card).toHaveAttribute('data-card-id', 'cr-softmax');
  const editor = page.getByTestId('code-editor');
  await expect(editor).toContainText('return x; // TODO');
  // Nothing ran by itself, nothing to grade yet, and the solution is nowhere on the page.
  await expect(page.getByTestId('test-results')).toHaveCount(0);
  await expect(page.locator('.grade')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(SOLUTION_LINE);

  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(WRONG);
  await page.keyboard.press('Control+Enter');
  const results = page.getByTestId('test-results');
  await expect(results).toHaveAttribute('data-state', 'fail', { timeout: 60_000 });
  await expect(results).toContainText('1/3 checks');
  await expect(results.locator('li.bad')).toHaveCount(2);
  await expect(results.locator('li.bad').first()).toContainText('inputs: rows [1, 2, 3], [1000, 1001, 1002], [-5, 0, 5]');
  await expect(results.locator('li.bad .detail').first()).toContainText(/actual .*expected/);
  await expect(page.locator('body')).not.toContainText(SOLUTION_LINE);
  await expect(page.getByTestId('proposed-grade')).toHaveCount(1);
  await expect(page.locator('.grade.proposed')).toHaveAttribute('data-quality', '1'); // never passed yet: Again

  // Digits typed in the editor are code, never a grade.
  await page.keyboard.press('End');
  await page.keyboard.type(' // 1 2 3 4');
  await expect(editor).toContainText('// 1 2 3 4');
  await expect(card).toHaveAttribute('data-card-id', 'cr-softmax');

  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(RIGHT);
  await page.keyboard.press('Control+Enter');
  await expect(results).toHaveAttribute('data-state', 'pass', { timeout: 60_000 });
  await expect(results).toContainText('3/3 checks');
  await expect(page.locator('.grade.proposed')).toHaveAttribute('data-quality', '3'); // passed after a fix: Hard
  await expect(page.locator('.grade.proposed')).toContainText('Hard');
  await expect(page.locator('body')).not.toContainText(SOLUTION_LINE);

  // Esc leaves the editor for the proposed grade; its key confirms it.
  await page.keyboard.press('Escape');
  await expect(page.locator('.grade.proposed')).toBeFocused();
  await page.keyboard.press('2');
  await expect(card).toHaveAttribute('data-card-id', 'cr-plain');
  await expect(page.getByTestId('progress')).toContainText('1 done');

  // Hard keeps a new card in today's drill: after a restart it comes back with the attempt kept.
  page = await app.restart();
  await expect(page.getByTestId('deck-list')).toContainText('Coding review');
  await page.keyboard.press('s');
  await expect(page.locator('article.card')).toHaveAttribute('data-card-id', 'cr-plain');
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(page.locator('article.card')).toHaveAttribute('data-card-id', 'cr-softmax');
  await expect(page.getByTestId('last-attempt')).toContainText(/last time: passed in \d+ (s|min)/);
  // The starter is the default; the kept code comes back on request.
  await expect(page.getByTestId('code-editor')).toContainText('return x; // TODO');
  await page.getByTestId('restore-attempt').click();
  await expect(page.getByTestId('code-editor')).toContainText('return tf.softmax(x);');

  // Show solution reveals the reference and the answer text, and proposes Again.
  await page.getByTestId('show-solution').click();
  await expect(page.getByTestId('coding-solution')).toContainText(SOLUTION_LINE);
  await expect(page.getByTestId('coding-solution')).toContainText('subtracting the row maximum');
  // The answer and the reference are card content in the deck's language (front matter lang: en).
  await expect(page.getByTestId('coding-solution').locator('.answer')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('coding-solution').locator('pre.solution')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.grade.proposed')).toHaveAttribute('data-quality', '1');
  expect(app.problems).toEqual([]);
});

test('the card editor edits a coding card\'s starter, solution and test; Run tests the proof on the solution', async ({ launchApp }) => {
  test.setTimeout(90_000);
  const app = await launchApp({ builtInDecks: {}, userDecks: { 'coding.md': CODING_DECK } });
  const { page } = app;
  await expect(page.getByTestId('deck-list')).toContainText('Coding review');
  await page.keyboard.press('s');
  await expect(page.locator('article.card')).toHaveAttribute('data-card-id', 'cr-softmax');
  await page.keyboard.press('e');
  await expect(page.getByTestId('card-editor')).toHaveAttribute('data-card-id', 'cr-softmax');
  await expect(page.getByTestId('editor-starter-code')).toContainText('return x; // TODO');
  await expect(page.getByTestId('editor-solution-code')).toContainText(SOLUTION_LINE);
  await expect(page.getByTestId('proof-editor')).toContainText('each row sums to 1');

  await page.getByTestId('run-proof').click();
  await expect(page.locator('.proof-panel')).toHaveAttribute('data-state', 'pass', { timeout: 60_000 });

  await page.getByTestId('editor-starter-code').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\n// hint: subtract the row max');
  await expect(page.getByTestId('dirty')).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('editor-banner')).toContainText('Saved');
  const text = readFileSync(join(app.userDeckDir, 'coding.md'), 'utf8');
  expect(text).toContain('  return x; // TODO\n}\n// hint: subtract the row max\n```\n\n```js solution\n');
  expect(text.replace('\n// hint: subtract the row max', '')).toBe(CODING_DECK);
  expect(app.problems).toEqual([]);
});
