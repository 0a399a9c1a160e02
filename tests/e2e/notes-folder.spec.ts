// Issue 13's closing scenario, browser mode: the two messy notes files of one folder (Typora math, generic headings,
// reference lists, HTML entities) imported together by the folder's full path, as a user types it. The batch
// preview lists a skipped reference section with its reason and lets the user include it; the decks then sit under
// their folder in the home tree in natural order; a spaced `$ x $` formula reviews as KaTeX under a generic
// heading worded with its parent.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, repoRoot } from './fixtures';

test('a folder of messy notes: skipped sections in the preview, decks under the folder, math and questions as the author meant', async ({ launchApp }) => {
  const app = await launchApp({ builtInDecks: {} });
  const { page } = app;
  const notes = join(app.dataDir, '..', 'messy');
  cpSync(join(repoRoot, 'tests/fixtures/notes/messy'), notes, { recursive: true });

  await page.getByRole('button', { name: /Import notes/ }).click();
  await page.getByTestId('notes-batch-paths').fill(notes);
  await page.getByTestId('notes-batch-preview').click();
  const sections = page.getByTestId('notes-batch-deck');
  await expect(sections).toHaveCount(2);
  // Files in name order: ch10-… before ch3-…; the entity in "Chapter 10&nbsp;Optimization" is decoded.
  await expect(sections.nth(0).locator('summary')).toContainText('messy::Chapter 10 Optimization');
  const chapter3 = sections.nth(1);
  await expect(chapter3.locator('summary')).toContainText('messy::第三章 经典网络');
  await chapter3.locator('summary').click();
  await expect(chapter3.locator('.batch-cards')).toContainText('LeNet-5 · 模型介绍');

  // The reference list is skipped, with its reason, and can be included from this deck's section.
  const skipped = chapter3.getByTestId('preview-skipped');
  await expect(skipped).toContainText('参考文献');
  await expect(skipped).toContainText('a reference list');
  await expect(chapter3.locator('.batch-cards')).not.toContainText('参考文献');
  const include = chapter3.getByRole('checkbox', { name: 'Include “参考文献” as a card' });
  await include.check();
  await expect(chapter3.locator('.batch-cards')).toContainText('参考文献');
  await expect(include).toBeChecked();
  // The other deck's skipped list is its own, untouched.
  await sections.nth(0).locator('summary').click();
  await expect(sections.nth(0).getByTestId('preview-skipped')).toContainText('References');
  await expect(sections.nth(0).getByRole('checkbox', { name: 'Include “References” as a card' })).not.toBeChecked();
  await page.getByTestId('notes-batch-commit').click();

  // The folder's row, then its two decks in natural order (the ch3 deck, 第三章, before the ch10 one).
  const rows = page.getByTestId('deck-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute('data-tree-key', 'messy');
  await expect(rows.nth(1)).toHaveAttribute('data-tree-key', 'messy::第三章 经典网络');
  await expect(rows.nth(2)).toHaveAttribute('data-tree-key', 'messy::Chapter 10 Optimization');

  // Study the ch3 deck (second visible row) until the LeNet card: its answer's `$ 32\times32 $` is KaTeX.
  await page.keyboard.press('2');
  const card = page.locator('article.card');
  const question = card.locator('.question, .front').first();
  for (let answered = 0; ; answered++) {
    await expect(page.getByTestId('progress')).toHaveAttribute('aria-valuenow', String(answered));
    if ((await question.innerText()).trim() === 'LeNet-5 · 模型介绍') break;
    expect(answered, 'the LeNet card comes up in the session').toBeLessThan(20);
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
  }
  await page.keyboard.press('Space');
  const answer = page.getByTestId('answer');
  await expect(answer).toContainText('LeCun');
  await expect(answer.locator('.katex').first()).toBeVisible();
  await expect(answer.locator('.katex')).toHaveCount(1);
  await expect(answer.locator('.math-error')).toHaveCount(0);
  expect(await answer.innerText()).not.toContain('$');
  expect(app.problems).toEqual([]);
});
