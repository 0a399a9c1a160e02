// Export: the exact deck file plus its images at the same relative paths, re-importable as it was.
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { imageReferences } from '../../../main/services/deckImages';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

describe('export to a folder', () => {
  it('finds relative image references only', () => {
    expect(imageReferences('![a](img/a.png) ![b](<img/b c.png> "t") ![u](https://x/y.png) <img src="d%20e.png" width=3> ![abs](/etc/x.png) ![d](data:image/png;base64,AA)'))
      .toEqual(['img/a.png', 'img/b c.png', 'd e.png']);
  });

  it('writes the deck file byte for byte with its images beside it, and the copy re-imports identically', async () => {
    const text = deckText('pics', [{ id: 'p1', q: 'Heads?', a: '![heads](img/heads.png)\n\n![gone](img/missing.png) ![web](https://example.com/x.png)' }]);
    c = tempCollection({ builtIn: { 'pics.md': text } });
    mkdirSync(join(c.builtInDir, 'img'));
    writeFileSync(join(c.builtInDir, 'img', 'heads.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const out = join(c.root, 'export');
    const result = await c.app.api.exportDeckToFolder({ deckId: 'pics', folder: out });
    expect(result).toEqual({ path: join(out, 'pics.md'), images: ['img/heads.png'], missingImages: ['img/missing.png'] });
    expect(readFileSync(join(out, 'pics.md'), 'utf8')).toBe(text);
    expect(readFileSync(join(out, 'img', 'heads.png'))).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await expect(c.app.api.exportDeckToFolder({ deckId: 'pics', folder: out })).rejects.toThrow(/already exists/);
    // Re-import: the user's copy replaces the built-in deck in place, same ids, same text.
    await c.app.api.importDeckFile({ fileName: 'pics.md', text: readFileSync(join(out, 'pics.md'), 'utf8') });
    expect(readFileSync(join(c.userDir, 'pics.md'), 'utf8')).toBe(text);
    expect((await c.app.api.getCard({ cardId: 'p1' })).card.backMd).toContain('![heads](img/heads.png)');
    expect(existsSync(join(c.userDir, 'pics.md'))).toBe(true);
  });

  it('does not follow an image symlink out of the deck folder: the outside file is not copied but reported missing', async () => {
    const text = deckText('pics', [{ id: 'p1', q: 'Heads?', a: '![in](img/in.png) ![out](img/out.png)' }]);
    c = tempCollection({ user: { 'pics.md': text } });
    mkdirSync(join(c.userDir, 'img'));
    writeFileSync(join(c.userDir, 'img', 'in.png'), 'inside');
    writeFileSync(join(c.root, 'secret.png'), 'outside the deck folder');
    symlinkSync(join(c.root, 'secret.png'), join(c.userDir, 'img', 'out.png'));
    const out = join(c.root, 'export');
    const result = await c.app.api.exportDeckToFolder({ deckId: 'pics', folder: out });
    expect(result).toEqual({ path: join(out, 'pics.md'), images: ['img/in.png'], missingImages: ['img/out.png'] });
    expect(readFileSync(join(out, 'img', 'in.png'), 'utf8')).toBe('inside');
    expect(existsSync(join(out, 'img', 'out.png'))).toBe(false);
  });
});
