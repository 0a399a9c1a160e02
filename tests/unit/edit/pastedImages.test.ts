// Images pasted into the editor are saved beside the deck file, named by content, and only real images are taken.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

const HEADS = readFileSync(join(import.meta.dirname, '../../fixtures/images/heads.png'));
const add = (deckId: string, fileName: string, bytes: Buffer) => c.app.api.addCardImage({ deckId, fileName, base64: bytes.toString('base64') });

describe('addCardImage', () => {
  it('saves the image in <deck>.assets/ beside the deck file, once per content, and the deck serves it', async () => {
    c = tempCollection({ user: { 'optim.md': deckText('optim', [{ id: 'a', q: 'A?' }]) } });
    const first = await add('optim', 'Screenshot 2026 (1).png', HEADS);
    expect(first.path).toMatch(/^optim\.assets\/Screenshot-2026-1-[0-9a-f]{10}\.png$/);
    expect(first.markdown).toBe(`![Screenshot-2026-1](${first.path})`);
    expect(readFileSync(join(c.userDir, first.path)).equals(HEADS)).toBe(true);
    expect(await add('optim', 'Screenshot 2026 (1).png', HEADS)).toEqual(first);
    expect(c.app.deckAsset(new URLSearchParams({ deck: 'optim', path: first.path }))).toMatchObject({ ok: true, type: 'image/png' });
  });

  it('refuses what is not an image, empty files, built-in decks and unknown decks', async () => {
    c = tempCollection({ user: { 'u.md': deckText('u', [{ id: 'a', q: 'A?' }]) }, builtIn: { 'b.md': deckText('b', [{ id: 'b1', q: 'B?' }]) } });
    await expect(add('u', 'evil.png', Buffer.from('<svg onload="alert(1)"></svg>'))).rejects.toThrow(/not a PNG, JPEG, GIF or WebP image/);
    await expect(add('u', 'empty.png', Buffer.alloc(0))).rejects.toThrow(/is empty/);
    await expect(add('b', 'x.png', HEADS)).rejects.toThrow(/built-in deck.*save the card once/);
    await expect(add('nope', 'x.png', HEADS)).rejects.toThrow(/not loaded/);
  });
});
