// The deck tree of issue 13: notes files imported together from one folder sit under their folder's row, in
// natural order; the row folds (remembered across a restart), shows its decks' counts summed, and studying it
// studies both decks. Browser mode: the notes are given by their full paths, as a user types them.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, repoRoot } from './fixtures';

test('two notes files from one folder become two decks under the folder, foldable and studied together', async ({ launchApp }) => {
  const app = await launchApp({ builtInDecks: {} });
  let page = app.page;
  const notes = join(app.dataDir, '..', '面试笔记');
  cpSync(join(repoRoot, 'tests/fixtures/notes/tree/面试笔记'), notes, { recursive: true });

  // Import both files at once; the preview has one section per deck.
  await page.getByRole('button', { name: /Import notes/ }).click();
  await page.getByTestId('notes-batch-paths').fill(`${join(notes, '第十章.md')}\n${join(notes, '第二章.md')}`);
  await page.getByTestId('notes-batch-preview').click();
  const sections = page.getByTestId('notes-batch-deck');
  await expect(sections).toHaveCount(2);
  await expect(sections.nth(0)).toContainText('面试笔记::第十章 循环神经网络');
  await sections.nth(1).locator('summary').click();
  await expect(sections.nth(1)).toContainText('精确率与召回率');
  await page.getByTestId('notes-batch-commit').click();

  // The tree: the folder's row, then its chapters in natural order (第二章 before 第十章), counts summed.
  const rows = page.getByTestId('deck-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute('data-tree-key', '面试笔记');
  await expect(rows.nth(1)).toHaveAttribute('data-tree-key', '面试笔记::第二章 模型评估');
  await expect(rows.nth(2)).toHaveAttribute('data-tree-key', '面试笔记::第十章 循环神经网络');
  await expect(rows.nth(0)).toHaveAttribute('aria-expanded', 'true');
  await expect(rows.nth(1).getByTestId('count-new')).toHaveText('4');
  await expect(rows.nth(2).getByTestId('count-new')).toHaveText('2');
  await expect(rows.nth(0).getByTestId('count-new')).toHaveText('6');

  // Fold with the mouse, unfold with the keyboard; the folded state survives a restart.
  await rows.nth(0).getByTestId('tree-toggle').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toHaveAttribute('aria-expanded', 'false');
  await rows.nth(0).focus();
  await page.keyboard.press('ArrowRight');
  await expect(rows).toHaveCount(3);
  await page.keyboard.press('ArrowLeft');
  await expect(rows).toHaveCount(1);
  page = await app.restart();
  const rowsAfter = page.getByTestId('deck-row');
  await expect(rowsAfter.nth(0)).toHaveAttribute('aria-expanded', 'false');
  await expect(rowsAfter).toHaveCount(1);

  // `1` studies the first visible row, the folder: its session holds the cards of both chapters.
  await page.keyboard.press('1');
  await expect(page.getByTestId('session-counts').locator('.new')).toHaveText('6');
  const card = page.locator('article.card');
  const questions: string[] = [];
  for (let i = 0; i < 6; i++) {
    await expect(page.getByTestId('progress')).toHaveAttribute('aria-valuenow', String(i));
    questions.push((await card.locator('.question, .front').first().innerText()).trim());
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
  }
  await expect(page.getByTestId('summary')).toBeVisible();
  expect(questions).toContain('精确率与召回率');
  expect(questions).toContain('LSTM 的门');
  expect(app.problems).toEqual([]);
});
