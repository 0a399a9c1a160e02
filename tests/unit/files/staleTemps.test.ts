// Start-up removes the temp files an interrupted atomic write left (ProofDeck's own pattern only) from the data dir
// and every writable deck folder, recursively and never through a link out of the folder.
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ATOMIC_TEMP_PATTERN } from '../../../main/files/atomicWrite';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

/** What a killed writeFileAtomic leaves: half of the new text under the temp name. */
const ours = (name: string, hex = 'a1b2c3d4e5f6') => `.${name}.proofdeck-${hex}.tmp`;
/** Other programs' temp and swap files, and names that only resemble ours. */
const LOOK_ALIKES = ['.x.md.tmp', 'x.proofdeck.tmp', '.x.md.proofdeck-12345.tmp', '.x.md.swp', '4913', '.x.md.proofdeck-A1B2C3D4E5F6.tmp', 'x.md~'];

function plant(folder: string, temps: string[]): string[] {
  mkdirSync(folder, { recursive: true });
  for (const name of [...temps, ...LOOK_ALIKES]) writeFileSync(join(folder, name), '---\nid: half\ndeck: Hal');
  return temps.map((name) => join(folder, name));
}

describe('stale ProofDeck temp files', () => {
  it('are removed at start from the data dir and every writable deck folder, recursively; look-alikes stay', async () => {
    c = tempCollection({ user: { 'a.md': deckText('a', [{ id: 'a1', q: 'A?' }]) } });
    const added = join(c.root, 'added');
    mkdirSync(added);
    writeFileSync(join(added, 'b.md'), deckText('b', [{ id: 'b1', q: 'B?' }]));
    await c.app.api.addDeckFolder({ path: added });
    c.app.close();
    const planted = [
      ...plant(c.dataDir, [ours('proofdeck.sqlite'), ours('deck-folders.json')]),
      ...plant(c.userDir, [ours('a.md'), ours('a.md', '0123456789ab')]),
      ...plant(join(c.userDir, 'nested', 'deeper'), [ours('n.md')]),
      ...plant(join(c.userDir, 'a.assets'), [ours('diagram.png')]),
      ...plant(added, [ours('b.md')]),
      ...plant(join(c.dataDir, 'trash'), [ours('1764158400000-a.md')]),
    ];
    const folders = [c.dataDir, c.userDir, join(c.userDir, 'nested', 'deeper'), join(c.userDir, 'a.assets'), added, join(c.dataDir, 'trash')];
    c.reopen();
    for (const path of planted) expect(existsSync(path), path).toBe(false);
    for (const folder of folders) {
      const left = readdirSync(folder);
      expect(left.filter((name) => ATOMIC_TEMP_PATTERN.test(name)), folder).toEqual([]);
      for (const name of LOOK_ALIKES) expect(left, folder).toContain(name);
    }
    expect((await c.app.api.overview()).decks.map((d) => d.id).sort()).toEqual(['a', 'b']);
  });

  it('are not looked for through a symlink out of a deck folder, nor removed when they are a symlink', async () => {
    c = tempCollection();
    const outside = join(c.root, 'outside');
    const [outsideTemp] = plant(outside, [ours('x.md')]);
    symlinkSync(outside, join(c.userDir, 'linked'));
    const target = join(c.root, 'target.md');
    writeFileSync(target, 'keep');
    const linkNamedLikeOurs = join(c.userDir, ours('y.md'));
    symlinkSync(target, linkNamedLikeOurs);
    c.reopen();
    expect(existsSync(outsideTemp)).toBe(true);
    expect(existsSync(linkNamedLikeOurs)).toBe(true);
    expect(readdirSync(outside).sort()).toEqual([ours('x.md'), ...LOOK_ALIKES].sort());
  });
});
