// Images pasted or dropped into the card editor. They are saved beside the deck file, in `<deck file>.assets/`
// (the folder notes import uses). Each is named by its content, so pasting the same image twice makes one file
// and nothing is ever overwritten. The bytes must be an image (checked by signature, not by the name).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { LoadedDeckFile } from './collectionService';
import { AppError } from '../contract/errors';
import { message } from '../contract/messages';
import { errno } from './edit/fileText';

export const MAX_PASTED_IMAGE_BYTES = 10 * 1024 * 1024;

const SIGNATURES: { ext: string; test: (b: Uint8Array) => boolean }[] = [
  { ext: 'png', test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: 'gif', test: (b) => String.fromCharCode(...b.subarray(0, 4)) === 'GIF8' },
  { ext: 'webp', test: (b) => String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP' },
];

/** Saves the image for a card of `entry`'s deck; returns its path relative to the deck file and the Markdown to insert. */
export function savePastedImage(entry: LoadedDeckFile, fileName: string, bytes: Uint8Array): { path: string; markdown: string } {
  if (entry.file.folder.builtIn) {
    throw new AppError(message('image.builtInDeck'));
  }
  if (bytes.length === 0) throw new AppError(message('image.empty', { fileName }));
  if (bytes.length > MAX_PASTED_IMAGE_BYTES) throw new AppError(message('image.tooLarge', { fileName, bytes: bytes.length, limit: MAX_PASTED_IMAGE_BYTES }));
  const kind = SIGNATURES.find((signature) => signature.test(bytes));
  if (!kind) throw new AppError(message('image.unknownType', { fileName }));
  const stem = basename(fileName, extname(fileName)).replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'image';
  const name = `${stem}-${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}.${kind.ext}`;
  const folderName = `${basename(entry.file.path, extname(entry.file.path))}.assets`;
  const target = join(dirname(entry.file.path), folderName, name);
  try {
    if (!existsSync(target)) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes, { flag: 'wx' });
    }
  } catch (error) {
    throw new AppError(message('image.cannotSave', { path: target, reason: errno(error) }));
  }
  const path = `${folderName}/${name}`;
  const alt = stem.replace(/[[\]]/g, '');
  return { path, markdown: /[\s()<>]/.test(path) ? `![${alt}](<${path}>)` : `![${alt}](${path})` };
}
