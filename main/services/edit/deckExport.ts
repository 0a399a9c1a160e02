// Exporting a deck: its text as a download, or the file and the images it references (same relative paths) into a
// folder, a copy that imports again anywhere.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AppError } from '../../contract/errors';
import { message } from '../../contract/messages';
import { serializeDeck } from '../../core/deck';
import type { LoadedDeckFile } from '../collectionService';
import { imageReferences } from '../deckImages';
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
    const from = resolve(sourceDir, ref);
    const inside = from.startsWith(entry.file.folder.path + sep);
    const to = resolve(folder, relative(sourceDir, from));
    if (!inside || !existsSync(from) || !to.startsWith(resolve(folder) + sep)) {
      missingImages.push(ref);
      continue;
    }
    try {
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
      images.push(ref);
    } catch (error) {
      throw new AppError(message('edit.cannotCopyImage', { ref, to, reason: errno(error) }));
    }
  }
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(target, text);
  } catch (error) {
    throw new AppError(message('edit.cannotWriteExport', { path: target, reason: errno(error) }));
  }
  return { path: target, images, missingImages };
}
