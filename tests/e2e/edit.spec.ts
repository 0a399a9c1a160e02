// Issue #6 end to end: decks and cards edited in the app, the deck files on disk following every edit (and the
// app following edits made outside it), built-in decks forked on edit, browse and bulk actions, bad input.
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, deckFile } from './fixtures';

const PROOF = "const x = tf.tensor([1, 2, 3]);\ncheck.close('softmax sums to 1', tf.softmax(x).sum().dataSync()[0], 1, { atol: 1e-5 });\nlog('ok');";

const userFile = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.md')).map((name) => join(dir, name));

test('create a deck, write a card with a formula and a proof, run it, save, review it, edit it from the review', async ({ launchApp }) => {
  test.setTimeout(120_000);
  const app = await launchApp({ builtInDecks: {} });
  const { page } = app;
  await expect(page.getByTestId('deck-list')).toBeVisible();
  await page.keyboard.press('d');
  await page.getByTestId('new-deck-name').fill('面试 Interview');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('decks-notice')).toContainText('Created deck 面试 Interview');
  await page.getByTestId('add-card').click();

  await page.getByTestId('editor-front').fill('What does the softmax temperature $T$ do?');
  await page.getByTestId('editor-back').fill('Broken $\\frac{1}{$ math');
  // KaTeX errors show inline while typing; a fixed formula renders.
  await expect(page.getByTestId('preview-back').locator('.math-error')).toBeVisible();
  await page.getByTestId('editor-back').fill('$$p_i=\\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}$$\n\nLarger $T$, flatter distribution.');
  await expect(page.getByTestId('preview-back').locator('.katex-display')).toBeVisible();
  await page.getByTestId('editor-tags').fill('softmax temperature');
  await page.locator('.cm-content').click();
  await page.keyboard.insertText(PROOF);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('proof-verdict')).toHaveText(/Proof passed/, { timeout: 60_000 });
  await expect(page.locator('.proof-panel .checks')).toContainText('softmax sums to 1');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('editor-banner')).toContainText('Saved to');
  await page.keyboard.press('Escape'); // the first Esc leaves the code editor
  const [file] = userFile(app.userDeckDir);
  const saved = readFileSync(file, 'utf8');
  expect(saved).toContain('## What does the softmax temperature $T$ do? {#what-does-the-softmax-temperature-t-do tags="softmax temperature"}');
  expect(saved).toContain("```js proof\nconst x = tf.tensor([1, 2, 3]);");

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('decks-list')).toContainText('面试 Interview');
  await page.keyboard.press('Escape');
  await page.keyboard.press('s');
  const card = page.locator('article.card');
  await expect(card).toHaveAttribute('data-card-id', 'what-does-the-softmax-temperature-t-do');
  await page.keyboard.press('Space');
  await expect(card.locator('.katex-display')).toBeVisible();
  await page.keyboard.press('e');
  await expect(page.getByTestId('card-editor')).toHaveAttribute('data-card-id', 'what-does-the-softmax-temperature-t-do');
  await expect(page.getByTestId('editor-back')).toHaveValue(/Larger \$T\$/);
  await page.getByTestId('editor-back').fill('$$p_i=\\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}$$\n\nLarger $T$: flatter; smaller: sharper.');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('editor-banner')).toContainText('Saved to');
  const edited = readFileSync(file, 'utf8');
  expect(edited).toContain('Larger $T$: flatter; smaller: sharper.');
  // Only the answer line changed.
  const changed = saved.split('\n').filter((line, i) => edited.split('\n')[i] !== line);
  expect(changed).toEqual(['Larger $T$, flatter distribution.']);
  await page.keyboard.press('Escape');
  await expect(page.locator('article.card')).toHaveAttribute('data-card-id', 'what-does-the-softmax-temperature-t-do');
  expect(app.problems).toEqual([]);
});

test('an invalid card is not saved and nothing is lost; a file changed outside is picked up and never overwritten', async ({ launchApp }) => {
  const app = await launchApp({ builtInDecks: {}, userDecks: { 'mine.md': deckFile('mine', 'Mine', [{ id: 'm1', q: 'Momentum 动量?', a: 'Velocity.' }, { id: 'm2', q: 'Adam?', a: 'Moments.' }]) } });
  const { page } = app;
  const path = join(app.userDeckDir, 'mine.md');
  const original = readFileSync(path, 'utf8');
  await expect(page.getByTestId('deck-list')).toContainText('Mine');
  await page.keyboard.press('b');
  await page.getByTestId('browse-search').fill('动量');
  await expect(page.getByTestId('browse-total')).toHaveText('1 card');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('card-editor')).toHaveAttribute('data-card-id', 'm1');
  await page.getByTestId('editor-back').fill('Velocity.\n\n```python\nv = beta * v + g');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-errors')).toContainText('unterminated code fence');
  await expect(page.getByTestId('save-errors')).toContainText(`${path}:`);
  await expect(page.getByTestId('editor-back')).toHaveValue(/v = beta \* v \+ g/);
  expect(readFileSync(path, 'utf8')).toBe(original);

  // Someone edits the file in their editor (or git pull) while the card is open: the save is refused.
  const outside = original.replace('Velocity.', 'Velocity, edited in vim.');
  writeFileSync(path, outside);
  await page.getByTestId('editor-back').fill('My version.');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('editor-banner')).toContainText(/changed/);
  await expect(page.getByTestId('editor-back')).toHaveValue('My version.');
  expect(readFileSync(path, 'utf8')).toBe(outside);

  // The app shows the outside edit.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.keyboard.press('Escape');
  await page.getByTestId('browse-search').fill('vim');
  await expect(page.locator('.browse-row[data-card-id="m1"]')).toBeVisible();
  writeFileSync(path, outside.replace('## Adam?', '## Adam, renamed outside?'));
  await expect(async () => {
    await page.getByTestId('browse-search').fill('');
    await page.getByTestId('browse-search').fill('renamed outside');
    await expect(page.getByTestId('browse-total')).toHaveText('1 card', { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  expect(app.problems).toEqual([]);
});

test('editing a built-in card forks its deck into the user folder, keeping ids and scheduling', async ({ launchApp }) => {
  const builtIn = deckFile('opt', 'Optimizers', [{ id: 'o1', q: 'SGD?', a: 'Steps.' }, { id: 'o2', q: 'Adam?', a: 'Moments.' }]);
  const app = await launchApp({ builtInDecks: { 'opt.md': builtIn } });
  const { page } = app;
  await expect(page.getByTestId('deck-list')).toContainText('Optimizers');
  await page.keyboard.press('s');
  await expect(page.locator('article.card')).toHaveAttribute('data-card-id', 'o1');
  await page.keyboard.press('Space');
  await page.keyboard.press('4'); // Easy on o1
  await expect(page.locator('article.card')).toHaveAttribute('data-card-id', 'o2');
  await page.keyboard.press('Escape');
  await page.keyboard.press('b');
  await page.getByTestId('browse-search').fill('Adam');
  await page.keyboard.press('Enter'); // waits for the search it follows
  await expect(page.getByTestId('card-editor')).toContainText('built-in deck');
  await page.getByTestId('editor-back').fill('First and second moments, bias-corrected.');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('editor-banner')).toContainText('built-in deck was copied');
  const fork = readFileSync(join(app.userDeckDir, 'opt.md'), 'utf8');
  expect(fork).toContain('## Adam? {#o2}\n\nFirst and second moments, bias-corrected.');
  expect(fork).toContain('## SGD? {#o1}');
  await page.keyboard.press('Escape');
  await page.getByTestId('browse-search').fill('SGD');
  await expect(page.locator('.browse-row[data-card-id="o1"] .state')).toContainText('review');
  await page.keyboard.press('Escape');
  await expect(page.locator('tr[data-deck-id="opt"] .deck-meta')).not.toContainText('built-in');
  expect(app.problems).toEqual([]);
});

test('browse: multi-select, move, tag, suspend and undo; decks: rename, delete and undo', async ({ launchApp }) => {
  const app = await launchApp({
    builtInDecks: {},
    userDecks: {
      'a.md': deckFile('a', 'Deck A', [{ id: 'a1', q: '注意力 scaling?', a: '√d' }, { id: 'a2', q: 'LayerNorm?', a: 'μ σ' }, { id: 'a3', q: 'Dropout?', a: 'p' }]),
      'b.md': deckFile('b', 'Deck B', [{ id: 'b1', q: 'Cross-entropy?', a: 'NLL' }]),
    },
  });
  const { page } = app;
  await expect(page.getByTestId('deck-list')).toContainText('Deck B');
  await page.keyboard.press('b');
  await expect(page.getByTestId('browse-total')).toHaveText('4 cards');
  await page.locator('.browse-row[data-card-id="a1"]').click();
  await page.locator('.browse-row[data-card-id="a3"]').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('browse-selected')).toHaveText('3 selected');
  await page.getByTestId('bulk-tag').fill('week1');
  await page.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByTestId('browse-notice')).toContainText('Tagged 3 cards');
  expect(readFileSync(join(app.userDeckDir, 'a.md'), 'utf8')).toContain('## LayerNorm? {#a2 tags="week1"}');
  await page.getByTestId('bulk-suspend').click();
  await page.getByTestId('browse-search').fill('is:suspended');
  await expect(page.getByTestId('browse-total')).toHaveText('3 cards');
  await page.getByTestId('browse-list').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('browse-total')).toHaveText('0 cards');
  await page.getByTestId('browse-search').fill('tag:week1 注意');
  await expect(page.getByTestId('browse-total')).toHaveText('1 card');
  await page.getByTestId('browse-list').focus();
  await page.keyboard.press('Escape'); // clears the selection
  await page.getByTestId('move-target').selectOption('b');
  await page.getByTestId('bulk-move').click();
  await expect(page.getByTestId('browse-notice')).toContainText('Moved 1 card to Deck B');
  expect(readFileSync(join(app.userDeckDir, 'b.md'), 'utf8')).toContain('{#a1 tags="week1"}');
  expect(readFileSync(join(app.userDeckDir, 'a.md'), 'utf8')).not.toContain('{#a1');

  await page.keyboard.press('Escape');
  await page.keyboard.press('d');
  await page.locator('tr[data-deck-id="b"]').getByTestId('rename-deck').click();
  await page.getByTestId('rename-input').fill('Losses');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('decks-list')).toContainText('Losses');
  expect(readFileSync(join(app.userDeckDir, 'b.md'), 'utf8')).toContain('deck: Losses');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.locator('tr[data-deck-id="b"]').getByTestId('delete-deck').click();
  await expect(page.getByTestId('decks-notice')).toContainText('Deleted deck Losses');
  await expect(page.locator('tr[data-deck-id="b"]')).toHaveCount(0);
  // The edit history outlives the screen: leave, come back, and Undo still names what it undoes.
  await page.keyboard.press('Escape');
  await page.keyboard.press('d');
  await expect(page.getByTestId('decks-undo')).toHaveText('Undo delete deck');
  await page.getByTestId('decks-undo').click();
  await expect(page.locator('tr[data-deck-id="b"]')).toContainText('Losses');
  await expect(page.locator('tr[data-deck-id="b"]')).toContainText('2');
  expect(app.problems).toEqual([]);
});

test('bad deck files each get a clear message and the good decks keep working', async ({ launchApp }) => {
  const good = deckFile('good', 'Good', [{ id: 'g1', q: 'G?', a: 'g' }]);
  const app = await launchApp({ builtInDecks: {}, userDecks: { 'a-good.md': good, 'z-dup.md': deckFile('dup', 'Dup', [{ id: 'g1', q: 'Same id?', a: 'x' }]) } });
  writeFileSync(join(app.userDeckDir, 'binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02, 0xff]));
  writeFileSync(join(app.userDeckDir, 'latin1.md'), Buffer.from('---\nid: l\ndeck: Caf\xe9\nversion: 1\n---\n', 'latin1'));
  const page = await app.restart();
  await expect(page.getByTestId('deck-list')).toBeVisible();
  const errors = page.getByTestId('file-errors');
  await expect(errors).toContainText('binary.md');
  await expect(errors).toContainText('latin1.md');
  await expect(errors).toContainText('card id "g1" is already used');
  await expect(page.locator('tr[data-deck-id="good"]')).toBeVisible();
  await expect(page.locator('tr[data-deck-id="dup"]')).toHaveCount(0);
  // Importing a broken deck file through the UI is refused with the reason.
  await page.keyboard.press('d');
  await page.getByTestId('import-deck-file').setInputFiles({ name: 'broken.md', mimeType: 'text/markdown', buffer: Buffer.from('## no front matter\n') });
  await expect(page.getByTestId('decks-notice')).toContainText('not a valid deck file');
  expect(app.problems).toEqual([]);
});

test('a several-MB file of 5,000 cards beside a symlink loop: it loads, browse finds a card, and its edit changes only its lines', async ({ launchApp }) => {
  test.setTimeout(120_000);
  const long = 'x'.repeat(900);
  const cards = Array.from({ length: 5000 }, (_, i) => ({ id: `c${i}`, q: `Question ${i}?`, a: `Answer ${i} ${long}` }));
  const app = await launchApp({ builtInDecks: {}, userDecks: { 'big.md': deckFile('big', 'Big deck', cards) } });
  symlinkSync(app.userDeckDir, join(app.userDeckDir, 'loop'));
  const page = await app.restart();
  const path = join(app.userDeckDir, 'big.md');
  const before = readFileSync(path, 'utf8');
  expect(before.length).toBeGreaterThan(4_500_000);
  await expect(page.locator('tr[data-deck-id="big"]')).toBeVisible();
  await page.keyboard.press('b');
  await expect(page.getByTestId('browse-total')).toHaveText('5,000 cards');
  await page.getByTestId('browse-search').fill('"Question 4321?"');
  await expect(page.getByTestId('browse-total')).toHaveText('1 card');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('card-editor')).toHaveAttribute('data-card-id', 'c4321');
  await page.getByTestId('editor-back').fill('A short answer now.');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('editor-banner')).toContainText('Saved to');
  const after = readFileSync(path, 'utf8').split('\n');
  const changed = before.split('\n').flatMap((line, i) => (after[i] === line ? [] : [line.slice(0, 12)]));
  expect(changed).toEqual(['Answer 4321 ']);
  expect(app.problems).toEqual([]);
});

test('a deck folder added by path loads, follows outside edits, and a deleted folder is reported', async ({ launchApp }) => {
  const app = await launchApp({ builtInDecks: {} });
  const { page } = app;
  const repo = join(app.dataDir, '..', 'git-decks');
  mkdirSync(repo);
  writeFileSync(join(repo, 'ml.md'), deckFile('ml', 'ML basics', [{ id: 'ml1', q: 'Bias–variance?', a: 'Trade-off.' }]));
  await expect(page.getByTestId('deck-list')).toBeVisible();
  await page.keyboard.press('d');
  await page.getByTestId('folder-path').fill(repo);
  await page.getByTestId('add-folder').click();
  await expect(page.getByTestId('decks-list')).toContainText('ML basics');
  await expect(page.getByTestId('deck-folders')).toContainText(repo);
  // `git pull` changes the file: the app re-reads it. Node's recursive watcher on Linux scans the folder
  // asynchronously after it is set up, so a change in that first instant can be missed: each attempt writes the
  // file again (same content) until the app shows it, instead of sleeping for the scan first.
  const pulled = deckFile('ml', 'ML basics', [{ id: 'ml1', q: 'Bias–variance?', a: 'Trade-off.' }, { id: 'ml2', q: 'Overfitting?', a: 'High variance.' }]);
  await expect(async () => {
    writeFileSync(join(repo, 'ml.md'), pulled);
    await page.keyboard.press('Escape');
    await page.keyboard.press('d');
    await expect(page.locator('tr[data-deck-id="ml"] td').nth(1)).toHaveText('2', { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  rmSync(repo, { recursive: true });
  await expect(async () => {
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('file-errors')).toContainText('deck folder unreadable', { timeout: 500 });
    await page.keyboard.press('d');
  }).toPass({ timeout: 10_000 });
  expect(app.problems).toEqual([]);
});

test('export a built-in deck: the download is the exact file, and a folder export carries its images', async ({ launchApp }) => {
  const text = deckFile('pics', 'Pictures', [{ id: 'p1', q: 'Heads?', a: '![heads](img/heads.png)' }]);
  const app = await launchApp({ builtInDecks: { 'pics.md': text } });
  const { page } = app;
  await expect(page.getByTestId('deck-list')).toContainText('Pictures');
  await page.keyboard.press('d');
  const download = page.waitForEvent('download');
  await page.locator('tr[data-deck-id="pics"]').getByTestId('export-deck').click();
  const file = await (await download).path();
  expect(readFileSync(file, 'utf8')).toBe(text);
  const out = join(app.dataDir, '..', 'exported');
  page.once('dialog', (dialog) => void dialog.accept(out));
  await page.locator('tr[data-deck-id="pics"]').getByTestId('export-folder').click();
  await expect(page.getByTestId('decks-notice')).toContainText(`Exported ${join(out, 'pics.md')} with 0 images; not found: img/heads.png`);
  expect(readFileSync(join(out, 'pics.md'), 'utf8')).toBe(text);
  expect(app.problems).toEqual([]);
});
