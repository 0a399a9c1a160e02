// Exporting a deck: its exact file text, alone (download) or into a folder with the images it references at the
// same relative paths, so the folder imports back as it was. Only images really inside the deck's folder are
// copied: an image path that is (or passes through) a symlink out of it is reported missing, never copied.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { serializeDeck } from '../../core/deck';
import { copyFileAtomic, writeFileAtomic } from '../../files/atomicWrite';
import { realInside, realTargetInside } from '../../files/inside';
import type { LoadedDeckFile } from '../collectionService';
import { imageReferences } from '../deckImages';
import { AppError } from '../../contract/errors';
import { message } from '../../contract/messages';
import { errno } from './fileText';

export function exportDeck(entry: LoadedDeckFile): { fileName: string; text: string } {
  return { fileName: basename(entry.file.path), text: serializeDeck(entry.parsed) };
}

export function exportDeckToFolder(entry: LoadedDeckFile, folder: string): { path: string; images: string[]; missingImages: string[] } {
  if (!isAbsolute(folder)) throw new AppError(message('edit.exportNotAbsolute', { folder }));
  const text = serializeDeck(entry.parsed);
  const target = join(folder, basename(entry.file.path));
  if (existsSync(target)) throw new AppError(message('edit.exportExists', { path: target }));
  const images: string[] = [];
  const missingImages: string[] = [];
  const sourceDir = dirname(entry.file.path);
  for (const ref of imageReferences(text)) {
    const from = realInside(entry.file.folder.path, resolve(sourceDir, ref));
    // The copy goes where the reference points from the exported file: the path as written, not the real one.
    const to = resolve(folder, relative(sourceDir, resolve(sourceDir, ref)));
    if (!from || !statSync(from).isFile() || !realTargetInside(folder, to)) {
      missingImages.push(ref);
      continue;
    }
    try {
      mkdirSync(dirname(to), { recursive: true });
      copyFileAtomic(from, to);
      images.push(ref);
    } catch (error) {
      throw new AppError(message('edit.cannotCopyImage', { ref, to, reason: errno(error) }));
    }
  }
  try {
    mkdirSync(folder, { recursive: true });
    writeFileAtomic(target, text);
  } catch (error) {
    throw new AppError(message('edit.cannotWriteExport', { path: target, reason: errno(error) }));
  }
  return { path: target, images, missingImages };
}
