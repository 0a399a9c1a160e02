// Images beside a deck file show in the review and in the editor's preview (served by the host from the deck's
// folder only), in Markdown and in card HTML alike; an image pasted into the editor lands beside the deck file.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, deckFile, repoRoot } from './fixtures';

const IMAGES = join(repoRoot, 'tests/fixtures/images');

test('a card shows the images beside its deck file, in the review and in the editor preview', async ({ launchApp }) => {
  const text = deckFile('pics', 'Pictures', [{ id: 'p1', q: 'Which side is red?', a: 'Heads: ![heads](img/heads.png)\n\n<img src="img/tails%20side.png" alt="tails">' }]);
  const app = await launchApp({ builtInDecks: {}, userDecks: { 'pics.md': text } });
  mkdirSync(join(app.userDeckDir, 'img'));
  copyFileSync(join(IMAGES, 'heads.png'), join(app.userDeckDir, 'img', 'heads.png'));
  copyFileSync(join(IMAGES, 'tails.png'), join(app.userDeckDir, 'img', 'tails side.png'));
  const page = await app.restart();
  await expect(page.getByTestId('deck-list')).toContainText('Pictures');
  await page.keyboard.press('s');
  await page.keyboard.press('Space');
  const answer = page.getByTestId('answer');
  const width = (alt: string) => answer.locator(`img[alt="${alt}"]`).evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : -1));
  await expect.poll(() => width('heads')).toBe(24);
  await expect.poll(() => width('tails')).toBe(12);
  await page.keyboard.press('e');
  const preview = page.getByTestId('preview-back').locator('img[alt="heads"]');
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(24);
  expect(app.problems).toEqual([]);
});

test('an image pasted into the answer is saved beside the deck file, shown in the preview and linked in the card', async ({ launchApp }) => {
  const app = await launchApp({ builtInDecks: {}, userDecks: { 'optim.md': deckFile('optim', 'Optimizers', [{ id: 'o1', q: 'Adam?', a: 'Moments.' }]) } });
  const { page } = app;
  await expect(page.getByTestId('deck-list')).toContainText('Optimizers');
  await page.keyboard.press('b');
  await page.getByTestId('browse-search').fill('Adam');
  await expect(page.getByTestId('browse-total')).toHaveText('1 card');
  await page.keyboard.press('Enter');
  const answer = page.getByTestId('editor-back');
  await expect(answer).toHaveValue('Moments.');
  await answer.click();
  await page.keyboard.press('End');
  const png = readFileSync(join(IMAGES, 'heads.png')).toString('base64');
  // What the browser hands a page when an image is pasted from the clipboard.
  await answer.evaluate((area, base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'adam curve.png', { type: 'image/png' }));
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, png);
  await expect(answer).toHaveValue(/^Moments\.\n\n!\[adam-curve\]\(optim\.assets\/adam-curve-[0-9a-f]{10}\.png\)$/);
  const preview = page.getByTestId('preview-back').locator('img[alt="adam-curve"]');
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(24);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('editor-banner')).toContainText('Saved to');
  const saved = readFileSync(join(app.userDeckDir, 'optim.md'), 'utf8');
  const [, path] = /\((optim\.assets\/[^)]+)\)/.exec(saved)!;
  expect(readFileSync(join(app.userDeckDir, path))).toEqual(readFileSync(join(IMAGES, 'heads.png')));
  expect(app.problems).toEqual([]);
});
