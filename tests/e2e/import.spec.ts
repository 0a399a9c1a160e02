import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, deckFile, repoRoot } from './fixtures';

const notes = [
  '# 1 my interview notes',
  '',
  '## 1.1 什么是 softmax 温度？',
  '',
  '温度 $T$ 越大分布越平：$p_i=\\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}$。',
  '',
  '<img src="E:\\code\\note\\photos\\softmax.png" style="zoom: 67%;" />',
  '',
  '## 1.2 为什么要 warmup？',
  '',
  '- Adam 早期 $v_t$ 估计不准',
  '- 大学习率一开始容易发散',
  '',
  '## 1.3 空的标题',
  '',
].join('\r\n');

test('import a notes file through the UI, then review one of its cards', async ({ launchApp }) => {
  const app = await launchApp({ builtInDecks: { 'one.md': deckFile('one', 'One', [{ id: 'o1', q: 'Q?', a: 'A' }]) } });
  const { page } = app;
  await page.getByRole('button', { name: /Import notes/ }).click();
  await page.getByTestId('notes-file').setInputFiles({ name: 'interview.md', mimeType: 'text/markdown', buffer: Buffer.from(notes, 'utf8') });
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('my interview notes');
  await expect(page.getByTestId('preview-cards').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('preview-skipped')).toContainText('空的标题');
  await expect(page.getByTestId('preview-missing-images')).toContainText('softmax.png');
  await page.getByTestId('import-commit').click();

  await expect(page.getByTestId('deck-list')).toContainText('my interview notes');
  const written = readdirSync(app.userDeckDir).filter((name) => name.endsWith('.md'));
  expect(written).toHaveLength(1);
  const deckText = readFileSync(join(app.userDeckDir, written[0]), 'utf8');
  expect(deckText).not.toContain('zoom');
  expect(deckText).toMatch(/## 什么是 softmax 温度？ \{#/);

  const row = page.locator('tr', { hasText: 'my interview notes' });
  await row.getByRole('button', { name: /Study/ }).click();
  const card = page.locator('article.card');
  await expect(card).toContainText('什么是 softmax 温度？');
  await page.keyboard.press('Space');
  await expect(card.locator('.answer .katex').first()).toBeVisible();
  await expect(card.locator('.answer')).toContainText(/missing image/i);
  await page.keyboard.press('3');
  await expect(card).toContainText('为什么要 warmup？');
  expect(app.problems).toEqual([]);
});

test('import notes by their path: the images beside them are copied with the deck and show in the card', async ({ launchApp }) => {
  const app = await launchApp({ builtInDecks: {} });
  const { page } = app;
  const notesDir = join(app.dataDir, '..', 'my-notes');
  mkdirSync(join(notesDir, 'photos'), { recursive: true });
  copyFileSync(join(repoRoot, 'tests/fixtures/notes/interview-notes.md'), join(notesDir, 'interview-notes.md'));
  copyFileSync(join(repoRoot, 'tests/fixtures/notes/photos/heads.png'), join(notesDir, 'photos', 'heads.png'));
  await expect(page.getByTestId('deck-list')).toBeVisible();
  await page.keyboard.press('i');
  await page.getByTestId('notes-path').fill(join(notesDir, 'missing.md'));
  await page.getByTestId('notes-path-preview').click();
  await expect(page.getByTestId('import-error')).toContainText('ENOENT');
  await page.getByTestId('notes-path').fill(join(notesDir, 'interview-notes.md'));
  await page.getByTestId('notes-path-preview').click();
  // Only the two Windows paths of another machine are missing; photos/heads.png was found beside the notes.
  const missing = page.getByTestId('preview-missing-images').locator('li');
  await expect(missing).toHaveCount(2);
  for (const item of await missing.all()) await expect(item).toContainText('E:\\code\\note');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('deck-list')).toContainText('interview-notes');
  await page.keyboard.press('b');
  await page.getByTestId('browse-search').fill('多头的作用');
  await expect(page.getByTestId('browse-total')).toHaveText('1 card');
  await page.keyboard.press('Enter');
  const image = page.getByTestId('preview-back').locator('img[alt="heads diagram"]');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  expect(app.problems).toEqual([]);
});
