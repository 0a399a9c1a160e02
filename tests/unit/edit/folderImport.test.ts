// Importing a folder of deck files: real folders, real SQLite. All or nothing: a bad file or a clashing id writes
// nothing and names every problem as file:line; one undo removes what the import added.
import { formatMessage } from '../../../main/contract/messages';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x01]);

/** Every file under `dir` with its bytes, to show that a refused import left the user's folder as it was. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = readFileSync(path).toString('base64');
    }
  };
  walk(dir);
  return out;
}

function writeTree(root: string, files: Record<string, string | Buffer>): string {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

async function learn(cardId: string) {
  const step = await c.app.api.nextCard({ deckId: null });
  expect(step.next?.card.id).toBe(cardId);
  await c.app.api.answerCard({ deckId: null, cardId, quality: 5, version: step.next!.card.state.version, durationMs: 1 });
}

describe('import a deck folder', () => {
  it('copies every deck file and the images they reference (same relative paths), skipping hidden folders and loops', async () => {
    c = tempCollection();
    const ml = deckText('ml', [{ id: 'ml1', q: 'Bias–variance?', a: '![curve](img/curve.png)' }], 'ML basics');
    const deep = deckText('deep', [{ id: 'd1', q: '注意力?', a: '![heads](../img/heads.png) <img src="pics/a%20b.png"> ![web](https://example.com/x.png) ![gone](pics/missing.png)' }]);
    const source = writeTree(join(c.root, 'interview decks'), {
      'ml.md': ml,
      'nested/deep.md': deep,
      'img/curve.png': PNG,
      'img/heads.png': PNG,
      'img/unused.png': PNG,
      'nested/pics/a b.png': PNG,
      'nested/blob.bin': Buffer.from([0, 1, 2, 3]),
      // A hidden folder (a Git repository's) is not part of the decks, even where its files look like decks.
      '.git/clash.md': deckText('other', [{ id: 'ml1', q: 'Clash?' }]),
    });
    symlinkSync(source, join(source, 'nested', 'loop'));

    const outcome = await c.app.api.importDeckFolder({ path: source });
    const into = join(c.userDir, 'interview-decks');
    expect(formatMessage(outcome.message)).toContain(`Imported 2 decks from ${source}; 2 new in ${into}; 3 images copied; images not found: pics/missing.png`);
    expect(outcome.cardIds.sort()).toEqual(['d1', 'ml1']);
    expect(outcome.undoLabel).toBe('import folder');
    expect(Object.keys(snapshot(into)).sort()).toEqual(['img/curve.png', 'img/heads.png', 'ml.md', 'nested/deep.md', 'nested/pics/a b.png']);
    expect(readFileSync(join(into, 'ml.md'), 'utf8')).toBe(ml);
    expect(readFileSync(join(into, 'nested', 'deep.md'), 'utf8')).toBe(deep);
    expect(readFileSync(join(into, 'nested', 'pics', 'a b.png'))).toEqual(PNG);
    expect((await c.app.api.overview()).decks.map((d) => [d.id, d.name, d.cardCount]).sort()).toEqual([['deep', 'deep', 1], ['ml', 'ML basics', 1]]);
    expect((await c.app.api.browseCards({ query: '注意力', sort: 'deck', descending: false, offset: 0, limit: 10 })).rows.map((r) => r.id)).toEqual(['d1']);
    // Importing the same folder again finds its decks already there and changes nothing.
    expect(formatMessage((await c.app.api.importDeckFolder({ path: source })).message)).toMatch(/Nothing to import/);
  });

  it('updates the user\'s deck with the same id in place, keeping its scheduling; undo restores it and removes the rest', async () => {
    const mine = deckText('mine', [{ id: 'm1', q: 'Momentum?' }]);
    c = tempCollection({ user: { 'mine.md': mine } });
    await learn('m1');
    const before = snapshot(c.userDir);
    const updated = deckText('mine', [{ id: 'm1', q: 'Momentum, updated?', a: '![v](img/v.png)' }, { id: 'm2', q: 'Nesterov?' }]);
    const source = writeTree(join(c.root, 'from-git'), { 'mine.md': updated, 'img/v.png': PNG, 'new.md': deckText('new', [{ q: 'No id yet?' }]) });

    const outcome = await c.app.api.importDeckFolder({ path: source });
    expect(formatMessage(outcome.message)).toContain('1 new in');
    expect(formatMessage(outcome.message)).toContain('1 updated in place');
    expect(readFileSync(join(c.userDir, 'mine.md'), 'utf8')).toBe(updated);
    expect(readFileSync(join(c.userDir, 'img', 'v.png'))).toEqual(PNG);
    expect((await c.app.api.getCard({ cardId: 'm1' })).card).toMatchObject({ frontMd: 'Momentum, updated?', state: { reps: 1 } });
    // The id the sync generated for the card without one is in the copy, not in the source folder.
    expect(readFileSync(join(c.userDir, 'from-git', 'new.md'), 'utf8')).toContain('{#no-id-yet}');
    expect(readFileSync(join(source, 'new.md'), 'utf8')).not.toContain('{#');

    const undone = await c.app.api.undoEdit();
    expect(formatMessage(undone.message)).toBe('Undid import folder');
    expect(snapshot(c.userDir)).toEqual(before);
    expect(existsSync(join(c.userDir, 'from-git'))).toBe(false);
    expect((await c.app.api.overview()).decks.map((d) => d.id)).toEqual(['mine']);
    expect((await c.app.api.getCard({ cardId: 'm1' })).card).toMatchObject({ frontMd: 'Momentum?', state: { reps: 1 } });
  });

  it('one broken file: nothing is written and the error names it with its line', async () => {
    c = tempCollection({ user: { 'mine.md': deckText('mine', [{ id: 'm1', q: 'M?' }]) } });
    const before = snapshot(c.userDir);
    const source = writeTree(join(c.root, 'src'), {
      'good.md': deckText('good', [{ id: 'g1', q: 'Good?', a: '![x](x.png)' }]),
      'x.png': PNG,
      'sub/broken.md': '---\nid: broken\ndeck: Broken\nversion: 1\n---\n\n## Fence?\n\n```python\nnever closed\n',
    });
    const error = await c.app.api.importDeckFolder({ path: source }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Nothing was imported from .*src \(1 problem; fix them and import again\):\n/);
    expect((error as Error).message).toMatch(new RegExp(`${join(source, 'sub', 'broken.md')}:9: .*unterminated`));
    expect(snapshot(c.userDir)).toEqual(before);
    expect((await c.app.api.overview()).decks.map((d) => d.id)).toEqual(['mine']);
    expect(formatMessage((await c.app.api.undoEdit()).message)).toBe('Nothing to undo');
  });

  it('ids that clash with the collection or inside the folder, an image that would replace another: nothing written, each listed', async () => {
    const pics = deckText('pics', [{ id: 'p1', q: 'P?', a: '![p](img/p.png)' }]);
    c = tempCollection({ user: { 'a.md': deckText('a', [{ id: 'x1', q: 'X?' }]), 'pics.md': pics }, builtIn: { 'opt.md': deckText('opt', [{ id: 'o1', q: 'Adam?' }]) } });
    writeTree(c.userDir, { 'img/p.png': 'the user\'s own picture' });
    const before = snapshot(c.userDir);
    const source = writeTree(join(c.root, 'src'), {
      'b.md': deckText('b', [{ id: 'b1', q: 'B?' }, { id: 'x1', q: 'Same id as in a?' }]),
      'c.md': deckText('c', [{ id: 'b1', q: 'Same id as in b?' }]),
      'd.md': deckText('b', [{ id: 'd1', q: 'Same deck id as b?' }]),
      // A built-in deck's id is fine: the copy replaces it, as a fork does.
      'opt.md': deckText('opt', [{ id: 'o1', q: 'Adam, mine?' }]),
      // Updates the user's deck pics in place, but its picture differs from the one already beside that deck.
      'pics.md': pics.replace('P?', 'P, updated?'),
      'img/p.png': PNG,
    });
    const message = await c.app.api.importDeckFolder({ path: source }).then(() => '', (e: Error) => e.message);
    const problems = message.split('\n').slice(1);
    expect(problems).toEqual([
      `${join(source, 'b.md')}:11: card id "x1" is already used in deck "a" (${join(c.userDir, 'a.md')})`,
      `${join(source, 'c.md')}:7: card id "b1" is also used in ${join(source, 'b.md')}:7`,
      `${join(source, 'd.md')}:2: deck id "b" is also the id of ${join(source, 'b.md')}`,
      `${join(source, 'pics.md')}:9: image img/p.png would replace a different file at ${join(c.userDir, 'img', 'p.png')}`,
    ]);
    expect(message.split('\n')[0]).toContain('(4 problems;');
    expect(snapshot(c.userDir)).toEqual(before);
    expect((await c.app.api.overview()).decks.map((d) => d.id).sort()).toEqual(['a', 'opt', 'pics']);
  });

  it('a binary file and a non-UTF-8 file named .md: both named with a clear reason, nothing written', async () => {
    c = tempCollection();
    const source = writeTree(join(c.root, 'src'), {
      'good.md': deckText('good', [{ id: 'g1', q: 'G?' }]),
      'photo.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0a, 0x00, 0x01]),
      'gbk.md': Buffer.from('---\nid: gbk\ndeck: \xc4\xe3\xba\xc3\nversion: 1\n---\n', 'latin1'),
    });
    const message = await c.app.api.importDeckFolder({ path: source }).then(() => '', (e: Error) => e.message);
    expect(message).toContain('(2 problems;');
    expect(message).toContain(`${join(source, 'gbk.md')}:3: not UTF-8`);
    expect(message).toContain(`${join(source, 'photo.md')}:2: binary content`);
    expect(readdirSync(c.userDir)).toEqual([]);
  });

  it('refuses an empty folder, a relative path, a file, a missing folder and the user\'s own deck folder', async () => {
    c = tempCollection();
    const empty = writeTree(join(c.root, 'empty'), { '.hidden/deck.md': deckText('h', [{ id: 'h1', q: 'H?' }]), 'notes.txt': 'not a deck' });
    await expect(c.app.api.importDeckFolder({ path: empty })).rejects.toThrow(/has no deck files \(\*\.md, hidden folders skipped\); nothing was imported/);
    await expect(c.app.api.importDeckFolder({ path: 'decks/mine' })).rejects.toThrow(/full path/);
    await expect(c.app.api.importDeckFolder({ path: join(empty, 'notes.txt') })).rejects.toThrow(/is a file, not a folder/);
    await expect(c.app.api.importDeckFolder({ path: join(c.root, 'missing') })).rejects.toThrow(/Cannot open the folder .*ENOENT/);
    await expect(c.app.api.importDeckFolder({ path: c.userDir })).rejects.toThrow(/overlaps the deck folder/);
    expect(readdirSync(c.userDir)).toEqual([]);
  });
});
