// One containment rule everywhere (main/files/inside.ts): a symlink that leads out of a deck folder is not part of
// the deck. Loading reports it instead of reading the file behind it; symlinks that stay inside still work.
import { formatMessage } from '../../../main/contract/messages';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
});
