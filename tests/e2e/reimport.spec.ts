// Issue 14 end to end in browser mode: notes imported by path, some cards reviewed, one card edited in the app; the
// notes on disk then get renamed headings and edited bodies (one of them the card edited in the app) and are
// imported again. Every reviewed card keeps its history, and the card edited in both places is offered as a
// conflict; "keep mine" keeps the app's text.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, repoRoot, callApi } from './fixtures';

const FIXTURES = join(repoRoot, 'tests/fixtures/notes/reimport');

test('re-import after renaming and editing headings keeps every history and offers the app edit as a conflict', async ({ launchApp }) => {
  const app = await launchApp({ builtInDecks: {} });
  const { page } = app;
  const notesDir = join(app.dataDir, '..', 'notes');
  mkdirSync(notesDir, { recursive: true });
  const notesPath = join(notesDir, 'cnn-面经.md');
  copyFileSync(join(FIXTURES, 'cnn-面经.md'), notesPath);

  /** Back to the deck list, from whichever screen (editor → browse → home): Escape until the list shows. */
  const goHome = () => expect(async () => {
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('deck-list')).toBeVisible({ timeout: 1000 });
  }).toPass();
  const importByPath = async () => {
    await page.getByRole('button', { name: /Import notes/ }).click();
    await page.getByTestId('notes-path').fill(notesPath);
    await page.getByTestId('notes-path-preview').click();
    await expect(page.getByTestId('import-preview')).toContainText('CNN 经典网络面经');
  };
  await importByPath();
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('deck-list')).toContainText('CNN 经典网络面经');

  // Review three cards in the study screen.
  await page.locator('tr', { hasText: 'CNN 经典网络面经' }).getByRole('button', { name: /Study/ }).click();
  const card = page.locator('article.card');
  for (const question of ['模型介绍', '参数量', '模型介绍']) {
    await expect(card).toContainText(question);
    await page.keyboard.press('Space');
    await expect(card.locator('.answer')).toBeVisible();
    await page.keyboard.press('4');
  }
  await expect(card).toContainText('为什么用 Dropout？');

  const deckId = (await callApi(page, 'overview')).decks.find((d: { name: string }) => d.name === 'CNN 经典网络面经').id;
  const ids: string[] = (await callApi(page, 'browseIds', { query: `deck:${deckId}`, sort: 'created', descending: false }));
  const history = async (cardIds: string[]) => Promise.all(cardIds.map(async (cardId) => {
    const { card: view } = await callApi(page, 'getCard', { cardId });
    return { cardId, question: view.frontMd as string, reps: view.state.reps as number, dueDay: view.state.dueDay as number | null };
  }));
  const before = (await history(ids)).filter((h) => h.reps > 0);
  expect(before).toHaveLength(3);
  const alexnet = before[2]; // AlexNet's 模型介绍, edited in the app and in the notes

  // Edit that card in the app.
  await goHome();
  await page.keyboard.press('b');
  await page.getByTestId('browse-search').fill('GTX 580');
  await expect(page.getByTestId('browse-total')).toHaveText('1 card');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('card-editor')).toHaveAttribute('data-card-id', alexnet.cardId);
  const back = page.getByTestId('editor-back');
  await back.fill((await back.inputValue()).replace('并行训练。', '并行训练（我的补充：模型并行）。'));
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('editor-banner')).toContainText('Saved to');

  // The notes change on disk: two headings renamed, bodies edited, a section moved to an appendix.
  copyFileSync(join(FIXTURES, 'cnn-面经.edited.md'), notesPath);
  await goHome();
  await importByPath();
  await expect(page.getByTestId('reimport-changes')).toContainText('2 renamed · 2 edited · 1 moved · 0 new');
  const conflict = page.getByTestId('conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toHaveAttribute('data-card-id', alexnet.cardId);
  await expect(conflict.getByTestId('conflict-mine')).toContainText('我的补充：模型并行');
  await expect(conflict.getByTestId('conflict-theirs')).toContainText('比第二名低 10 个百分点以上');
  await conflict.getByLabel('Keep mine').check();
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('deck-list')).toContainText('CNN 经典网络面经');

  const after = await history(before.map((h) => h.cardId));
  expect(after.map(({ cardId, reps, dueDay }) => ({ cardId, reps, dueDay }))).toEqual(before.map(({ cardId, reps, dueDay }) => ({ cardId, reps, dueDay })));
  expect(after[0].question).toBe('LeNet 网络结构'); // renamed in the notes, same card
  const deckText = readFileSync(join(app.userDeckDir, `${deckId}.md`), 'utf8');
  expect(deckText).toContain('我的补充：模型并行');
  expect(deckText).not.toContain('比第二名低 10 个百分点以上');
});
