// One containment rule everywhere (main/files/inside.ts): a symlink that leads out of a deck folder is not part of
// the deck. Loading reports it instead of reading the file behind it; symlinks that stay inside still work.
import { formatMessage } from '../../../main/contract/messages';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listDeckFiles } from '../../../main/services/deckFiles';
import type { DeckFileError } from '../../../main/contract/deck';
import { afterEach, describe, expect, it } from 'vitest';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

describe('symlinks out of a deck folder', () => {
  it('a deck file or a folder linked from outside is reported, not loaded; links inside the folder still load', async () => {
    c = tempCollection({ user: { 'home.md': deckText('home', [{ id: 'h', q: 'H?' }]) } });
    const elsewhere = join(c.root, 'elsewhere');
    mkdirSync(join(elsewhere, 'more'), { recursive: true });
    writeFileSync(join(elsewhere, 'outside.md'), deckText('outside', [{ id: 'o', q: 'O?' }]));
    writeFileSync(join(elsewhere, 'more', 'deeper.md'), deckText('deeper', [{ id: 'd', q: 'D?' }]));
    symlinkSync(join(elsewhere, 'outside.md'), join(c.userDir, 'outside.md'));
    symlinkSync(join(elsewhere, 'more'), join(c.userDir, 'more'));
    mkdirSync(join(c.userDir, 'inner'));
    writeFileSync(join(c.userDir, 'inner', 'inner.md'), deckText('inner', [{ id: 'i', q: 'I?' }]));
    symlinkSync(join(c.userDir, 'inner'), join(c.userDir, 'inner-link'));
    c.app.sync();
    const overview = await c.app.api.overview();
    expect(overview.decks.map((d) => d.id).sort()).toEqual(['home', 'inner']);
    const outside = overview.fileErrors.filter((e) => /symlink out of the deck folder/.test(formatMessage(e)));
    expect(outside.map((e) => e.file).sort()).toEqual([join(c.userDir, 'more'), join(c.userDir, 'outside.md')]);
  });

  it('a folder import refuses a folder that links a deck from outside it, naming the link', async () => {
    c = tempCollection();
    const source = join(c.root, 'to-import');
    mkdirSync(source);
    writeFileSync(join(source, 'a.md'), deckText('a', [{ id: 'a1', q: 'A?' }]));
    writeFileSync(join(c.root, 'stray.md'), deckText('stray', [{ id: 's1', q: 'S?' }]));
    symlinkSync(join(c.root, 'stray.md'), join(source, 'stray.md'));
    await expect(c.app.api.importDeckFolder({ path: source })).rejects.toThrow(/stray\.md:0: a symlink out of the deck folder/);
  });

  it('a symlink to a big outside folder (/usr) is one error naming the link; nothing under it is listed', async () => {
    c = tempCollection({ user: { 'home.md': deckText('home', [{ id: 'h', q: 'H?' }]) } });
    symlinkSync('/usr', join(c.userDir, 'usr'));
    const errors: DeckFileError[] = [];
    const files = listDeckFiles({ path: c.userDir, builtIn: false }, errors);
    expect(files.map((f) => f.path)).toEqual([join(c.userDir, 'home.md')]);
    expect(errors).toEqual([{ file: join(c.userDir, 'usr'), line: 0, code: 'sync.symlinkOut', params: { folder: c.userDir } }]);
    c.app.sync();
    expect((await c.app.api.overview()).fileErrors.map((e) => e.file)).toEqual([join(c.userDir, 'usr')]);
  });

  it('symlink loops and a link to an ancestor inside the folder are walked once, without errors', () => {
    c = tempCollection({ user: { 'home.md': deckText('home', [{ id: 'h', q: 'H?' }]) } });
    mkdirSync(join(c.userDir, 'sub', 'deeper'), { recursive: true });
    writeFileSync(join(c.userDir, 'sub', 'deeper', 'deep.md'), deckText('deep', [{ id: 'd', q: 'D?' }]));
    symlinkSync(c.userDir, join(c.userDir, 'sub', 'deeper', 'to-root')); // An ancestor inside: already walked.
    symlinkSync(join(c.userDir, 'sub'), join(c.userDir, 'sub', 'deeper', 'to-sub'));
    symlinkSync(join(c.userDir, 'loop-b'), join(c.userDir, 'loop-a')); // a → b → a: ELOOP, nothing to read.
    symlinkSync(join(c.userDir, 'loop-a'), join(c.userDir, 'loop-b'));
    symlinkSync(join(c.userDir, 'self.md'), join(c.userDir, 'self.md'));
    const errors: DeckFileError[] = [];
    const files = listDeckFiles({ path: c.userDir, builtIn: false }, errors);
    expect(files.map((f) => f.path)).toEqual([join(c.userDir, 'home.md'), join(c.userDir, 'sub', 'deeper', 'deep.md')]);
    expect(errors).toEqual([]);
  });

  it('a link inside the folder to an ancestor of the folder is reported, not walked (it would hold the folder again)', () => {
    c = tempCollection({ user: { 'home.md': deckText('home', [{ id: 'h', q: 'H?' }]) } });
    symlinkSync(c.root, join(c.userDir, 'up'));
    const errors: DeckFileError[] = [];
    const files = listDeckFiles({ path: c.userDir, builtIn: false }, errors);
    expect(files.map((f) => f.path)).toEqual([join(c.userDir, 'home.md')]);
    expect(errors.map((e) => [e.file, e.code])).toEqual([[join(c.userDir, 'up'), 'sync.symlinkOut']]);
  });
});
