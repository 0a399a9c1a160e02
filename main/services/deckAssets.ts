// Images a deck's cards show (`![](img/x.png)` beside the deck file, as notes import and folder export write
// them). Both transports serve them at DECK_ASSET_PATH?deck=<id>&path=<path relative to the deck file> — a query,
// not a URL path, so the browser cannot fold `..` segments into another deck's id. Only image files inside the
// deck's own folder are served.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { IMAGE_TYPES, imageType } from '../files/imageTypes';
import { realInside } from '../files/inside';
import type { LoadedDeckFile } from './collectionService';

export const DECK_ASSET_PATH = '/deck-asset';

const MAX_BYTES = 32 * 1024 * 1024;

/** An SVG can carry scripts: opened on its own (not as an <img>) it still runs none and loads nothing. */
export const DECK_ASSET_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

export type DeckAsset = { ok: true; bytes: Buffer; type: string } | { ok: false; status: 400 | 403 | 404; message: string };

export function readDeckAsset(loaded: ReadonlyMap<string, LoadedDeckFile>, params: URLSearchParams): DeckAsset {
  const deckId = params.get('deck');
  const path = params.get('path');
  if (!deckId || !path || path.includes('\0')) return { ok: false, status: 400, message: 'Give deck=<deck id>&path=<image path relative to the deck file>.' };
  const type = imageType(path);
  if (!type) return { ok: false, status: 403, message: `Only images are served from deck folders (${Object.keys(IMAGE_TYPES).join(' ')}).` };
  const entry = loaded.get(deckId);
  if (!entry) return { ok: false, status: 404, message: `No loaded deck "${deckId}".` };
  const candidate = resolve(dirname(entry.file.path), path);
  const real = realInside(entry.file.folder.path, candidate);
  if (!real) {
    // Missing is 404; there but outside (by `..` or a symlink out) is 403.
    if (existsSync(candidate)) return { ok: false, status: 403, message: `${path} is outside the deck's folder.` };
    return { ok: false, status: 404, message: `${path} is not beside the deck file ${entry.file.path}.` };
  }
  try {
    const stat = statSync(real);
    if (!stat.isFile()) return { ok: false, status: 404, message: `${path} is not a file.` };
    if (stat.size > MAX_BYTES) return { ok: false, status: 403, message: `${path} is over ${MAX_BYTES / 1024 / 1024} MB.` };
    return { ok: true, bytes: readFileSync(real), type };
  } catch (error) {
    return { ok: false, status: 404, message: `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).` };
  }
}
