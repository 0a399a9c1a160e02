// Issue #6, deck folders: import a whole folder of deck files (with their images) by typing its path in browser
// mode, or through the system's dialog in Electron ("Choose…"), and find its decks on the home screen and in Browse.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, deckFile, repoRoot } from './fixtures';

/** A folder as a user keeps one in Git: two deck files, one in a subfolder, and the picture one of them shows. */
function prepareFolder(root: string): string {
  const folder = join(root, 'interview-decks');
  mkdirSync(join(folder, 'nlp', 'img'), { recursive: true });
  writeFileSync(join(folder, 'optim.md'), deckFile('optim', 'Optimizers', [{ id: 'op1', q: 'Why bias-correct Adam?', a: 'Zero-initialised moments.' }]));
  writeFileSync(join(folder, 'nlp', 'attention.md'), deckFile('attn', '注意力 Attention', [{ id: 'at1', q: 'Why scale by √d?', a: '![heads](img/heads.png)' }]));
  copyFileSync(join(repoRoot, 'tests/fixtures/notes/photos/heads.png'), join(folder, 'nlp', 'img', 'heads.png'));
  return folder;
}

test('import a folder by path: its decks are on the home screen and in Browse, with their images; undo removes them', async ({ launchApp, appMode }) => {
  const app = await launchApp({ builtInDecks: {} });
  const { page } = app;
  const folder = prepareFolder(join(app.dataDir, '..'));
  await expect(page.getByTestId('deck-list')).toBeVisible();
  await page.keyboard.press('d');
  // Browser mode has no dialog that could give the host a path: only the path fields.
  if (appMode === 'browser') await expect(page.getByRole('button', { name: 'Choose…' })).toHaveCount(0);

  await page.getByTestId('import-folder-path').fill('interview-decks');
  await page.getByTestId('import-folder').click();
  await expect(page.getByTestId('decks-notice')).toContainText('full path');
  await page.getByTestId('import-folder-path').fill(folder);
  await page.getByTestId('import-folder').click();
  await expect(page.getByTestId('decks-notice')).toContainText(`Imported 2 decks from ${folder}`);
  await expect(page.getByTestId('decks-notice')).toContainText('1 image copied');
  await expect(page.getByTestId('import-folder-path')).toHaveValue('');
  const copy = join(app.userDeckDir, 'interview-decks');
  expect(readFileSync(join(copy, 'nlp', 'img', 'heads.png'))).toEqual(readFileSync(join(folder, 'nlp', 'img', 'heads.png')));

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('deck-list')).toContainText('Optimizers');
  await expect(page.getByTestId('deck-list')).toContainText('注意力 Attention');
  await page.keyboard.press('b');
  await page.getByTestId('browse-search').fill('deck:attn');
  await expect(page.getByTestId('browse-total')).toHaveText('1 card');
  await expect(page.locator('.browse-row[data-card-id="at1"]')).toContainText('Why scale by √d?');

  await page.keyboard.press('Escape');
  await page.keyboard.press('d');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('decks-notice')).toContainText('Undid import folder');
  await expect(page.locator('tr[data-deck-id="optim"]')).toHaveCount(0);
  expect(app.problems).toEqual([]);
});

test('a folder with a broken deck file imports nothing and lists the problem with its line', async ({ launchApp }) => {
  const app = await launchApp({ builtInDecks: {} });
  const { page } = app;
  const folder = prepareFolder(join(app.dataDir, '..'));
  writeFileSync(join(folder, 'broken.md'), '---\nid: broken\ndeck: Broken\nversion: 1\n---\n\n## Fence?\n\n```python\nnever closed\n');
  await expect(page.getByTestId('deck-list')).toBeVisible();
  await page.keyboard.press('d');
  await page.getByTestId('import-folder-path').fill(folder);
  await page.getByTestId('import-folder').click();
  await expect(page.getByTestId('decks-notice')).toContainText(`Nothing was imported from ${folder}`);
  await expect(page.getByTestId('decks-notice')).toContainText(`${join(folder, 'broken.md')}:9:`);
  await expect(page.getByTestId('decks-list')).not.toContainText('Optimizers');
  expect(app.problems).toEqual([]);
});

test('Electron: "Choose…" opens the system dialog; cancelling does nothing, a chosen folder is imported', async ({ launchApp, appMode }) => {
  test.skip(appMode !== 'electron', 'native dialogs exist only in the Electron app (browser mode types paths)');
  const app = await launchApp({ builtInDecks: {} });
  const { page } = app;
  const folder = prepareFolder(join(app.dataDir, '..'));
  // The system dialog cannot be driven from a test: the main process's dialog answers instead, first "Cancel",
  // then the prepared folder, and remembers what it was asked.
  await app.electronApp!.evaluate(({ dialog }, chosen) => {
    const answers = [{ canceled: true, filePaths: [] as string[] }, { canceled: false, filePaths: [chosen] }];
    const asked: unknown[] = [];
    (globalThis as { dialogsAsked?: unknown[] }).dialogsAsked = asked;
    dialog.showOpenDialog = (async (...args: unknown[]) => {
      asked.push(args.at(-1));
      return answers.shift() ?? { canceled: true, filePaths: [] };
    }) as typeof dialog.showOpenDialog;
  }, folder);
  await expect(page.getByTestId('deck-list')).toBeVisible();
  await page.keyboard.press('d');
  await page.getByTestId('choose-import-folder').click();
  await page.getByTestId('choose-import-folder').click();
  await expect(page.getByTestId('decks-notice')).toContainText(`Imported 2 decks from ${folder}`);
  await expect(page.locator('tr[data-deck-id="attn"]')).toContainText('注意力 Attention');
  const asked = await app.electronApp!.evaluate(() => (globalThis as { dialogsAsked?: { title?: string; properties?: string[] }[] }).dialogsAsked);
  expect(asked).toEqual([
    expect.objectContaining({ title: 'Import a folder of deck files', properties: ['openDirectory'] }),
    expect.objectContaining({ title: 'Import a folder of deck files', properties: ['openDirectory'] }),
  ]);
  expect(app.problems).toEqual([]);
});
