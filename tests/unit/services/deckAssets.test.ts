// Deck images are served from beside their deck file, and nothing else is: not files outside the deck's folder
// (by `..` or a symlink), not non-images, not decks that are not loaded.
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

const HEADS = join(import.meta.dirname, '../../fixtures/images/heads.png');
const ask = (deck: string, path: string) => c.app.deckAsset(new URLSearchParams({ deck, path }));

describe('deck images', () => {
  it('serves images beside the deck file (subfolders, non-ASCII names) and refuses everything else', () => {
    c = tempCollection();
    const deckDir = join(c.userDir, 'pics');
    mkdirSync(deckDir);
    writeFileSync(join(deckDir, 'pics.md'), deckText('pics', [{ id: 'p1', q: 'Heads?', a: '![heads](img/heads.png)' }]));
    mkdirSync(join(deckDir, 'img'));
    copyFileSync(HEADS, join(deckDir, 'img', 'heads.png'));
    copyFileSync(HEADS, join(deckDir, 'img', '正面 1.png'));
    copyFileSync(HEADS, join(c.root, 'outside.png'));
    symlinkSync(join(c.root, 'outside.png'), join(deckDir, 'img', 'link-out.png'));
    writeFileSync(join(deckDir, 'notes.txt'), 'not an image');
    c.app.sync();

    const ok = ask('pics', 'img/heads.png');
    expect(ok).toMatchObject({ ok: true, type: 'image/png' });
    if (ok.ok) expect(ok.bytes.equals(readFileSync(HEADS))).toBe(true);
    expect(ask('pics', 'img/正面 1.png')).toMatchObject({ ok: true });
    expect(ask('pics', './img/../img/heads.png')).toMatchObject({ ok: true });

    expect(ask('pics', '../../../outside.png')).toMatchObject({ ok: false, status: 403, message: expect.stringMatching(/outside the deck's folder/) });
    expect(ask('pics', 'img/link-out.png')).toMatchObject({ ok: false, status: 403 });
    expect(ask('pics', `${c.root}/outside.png`)).toMatchObject({ ok: false, status: 403 });
    expect(ask('pics', 'notes.txt')).toMatchObject({ ok: false, status: 403, message: expect.stringMatching(/Only images/) });
    expect(ask('pics', 'pics.md')).toMatchObject({ ok: false, status: 403 });
    expect(ask('pics', 'img/missing.png')).toMatchObject({ ok: false, status: 404 });
    expect(ask('nope', 'img/heads.png')).toMatchObject({ ok: false, status: 404 });
    expect(c.app.deckAsset(new URLSearchParams({ deck: 'pics' }))).toMatchObject({ ok: false, status: 400 });
  });
});
