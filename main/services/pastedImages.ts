// Images pasted or dropped into the card editor. They are saved beside the deck file, in `<deck file>.assets/`
// (the folder notes import uses). Each is named by its content, so pasting the same image twice makes one file
// and nothing is ever overwritten. The bytes must be an image (checked by signature, not by the name).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { writeFileAtomic } from '../files/atomicWrite';
import { sniffPastedImage } from '../files/imageTypes';
import type { LoadedDeckFile } from './collectionService';
import { AppError } from '../contract/errors';
import { message } from '../contract/messages';
import { errno } from './edit/fileText';

export const MAX_PASTED_IMAGE_BYTES = 10 * 1024 * 1024;

/** Saves the image for a card of `entry`'s deck; returns its path relative to the deck file and the Markdown to insert. */
export function savePastedImage(entry: LoadedDeckFile, fileName: string, bytes: Uint8Array): { path: string; markdown: string } {
  if (entry.file.folder.builtIn) {
    throw new AppError(message('image.builtInDeck'));
  }
  if (bytes.length === 0) throw new AppError(message('image.empty', { fileName }));
  if (bytes.length > MAX_PASTED_IMAGE_BYTES) throw new AppError(message('image.tooLarge', { fileName, bytes: bytes.length, limit: MAX_PASTED_IMAGE_BYTES }));
  const ext = sniffPastedImage(bytes);
  if (!ext) throw new AppError(message('image.unknownType', { fileName }));
  const stem = basename(fileName, extname(fileName)).replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'image';
  const name = `${stem}-${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}.${ext}`;
  const folderName = `${basename(entry.file.path, extname(entry.file.path))}.assets`;
  const target = join(dirname(entry.file.path), folderName, name);
  try {
    if (!existsSync(target)) {
      mkdirSync(dirname(target), { recursive: true });
      // Atomic: the name is the content's hash, so a half-written file would be taken as the image forever.
      writeFileAtomic(target, bytes);
    }
  } catch (error) {
    throw new AppError(message('image.cannotSave', { path: target, reason: errno(error) }));
  }
  const path = `${folderName}/${name}`;
  const alt = stem.replace(/[[\]]/g, '');
  return { path, markdown: /[\s()<>]/.test(path) ? `![${alt}](<${path}>)` : `![${alt}](${path})` };
}
