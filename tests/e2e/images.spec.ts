// Images beside a deck file show in the review and in the editor's preview (served by the host from the deck's
// folder only), in Markdown and in card HTML alike.
import { copyFileSync, mkdirSync } from 'node:fs';
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
