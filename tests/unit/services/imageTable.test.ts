// One image table (main/files/imageTypes.ts) for every place that handles deck images: an image type that notes or
// folder import copies is one deck-asset serving serves, `.ico` included; what is not an image is neither.
import { formatMessage } from '../../../main/contract/messages';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IMAGE_TYPES, imageType, sniffPastedImage } from '../../../main/files/imageTypes';
import { resolveNotesImage } from '../../../main/services/notesImport';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

// An ICO header (reserved 0, type 1 = icon, one image); the bytes only need to come back unchanged.
const ICO = Buffer.from([0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x10, 0x10]);
const HEADS = readFileSync(join(import.meta.dirname, '../../fixtures/images/heads.png'));

describe('the image table', () => {
  it('types images by extension, any case, and nothing else', () => {
    expect(imageType('img/Icon.ICO')).toBe('image/x-icon');
    expect(imageType('a.JPG')).toBe('image/jpeg');
    expect(imageType('a.svg')).toBe('image/svg+xml');
    expect(imageType('notes.txt')).toBeNull();
    expect(imageType('deck.md')).toBeNull();
    expect(imageType('png')).toBeNull();
    expect(Object.keys(IMAGE_TYPES).sort()).toEqual(['.avif', '.bmp', '.gif', '.ico', '.jpeg', '.jpg', '.png', '.svg', '.webp']);
  });

  it('types pasted bytes by their signature only: an icon or an SVG is not a pasted image', () => {
    expect(sniffPastedImage(HEADS)).toBe('png');
    expect(sniffPastedImage(ICO)).toBeNull();
    expect(sniffPastedImage(Buffer.from('<svg/>'))).toBeNull();
  });
});

describe('.ico images', () => {
  it('are served from the deck folder as image/x-icon', () => {
    c = tempCollection({ user: { 'icons.md': deckText('icons', [{ id: 'i1', q: 'Icon?', a: '![icon](img/app.ico)' }]) } });
    mkdirSync(join(c.userDir, 'img'));
    writeFileSync(join(c.userDir, 'img', 'app.ico'), ICO);
    c.app.sync();
    const asset = c.app.deckAsset(new URLSearchParams({ deck: 'icons', path: 'img/app.ico' }));
    expect(asset).toMatchObject({ ok: true, type: 'image/x-icon' });
    if (asset.ok) expect(asset.bytes.equals(ICO)).toBe(true);
  });

  it('are found by notes import', () => {
    c = tempCollection();
    writeFileSync(join(c.root, 'app.ico'), ICO);
    writeFileSync(join(c.root, 'notes.txt'), 'x');
    expect(resolveNotesImage('app.ico', c.root)).toBe(join(c.root, 'app.ico'));
    expect(resolveNotesImage('notes.txt', c.root)).toBeNull();
  });

  it('are copied by folder import, and a non-image reference is not copied but reported', async () => {
    c = tempCollection();
    const source = join(c.root, 'to-import');
    mkdirSync(join(source, 'img'), { recursive: true });
    writeFileSync(join(source, 'd.md'), deckText('d', [{ id: 'd1', q: 'D?', a: '![icon](img/app.ico) ![text](img/notes.txt)' }]));
    writeFileSync(join(source, 'img', 'app.ico'), ICO);
    writeFileSync(join(source, 'img', 'notes.txt'), 'not an image');
    const outcome = await c.app.api.importDeckFolder({ path: source });
    expect(formatMessage(outcome.message)).toContain('1 image copied; images not found: img/notes.txt');
    expect(readFileSync(join(c.userDir, 'to-import', 'img', 'app.ico')).equals(ICO)).toBe(true);
    expect(c.app.deckAsset(new URLSearchParams({ deck: 'd', path: 'img/app.ico' }))).toMatchObject({ ok: true, type: 'image/x-icon' });
  });
});
