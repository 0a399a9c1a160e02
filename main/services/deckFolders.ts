// Extra deck folders the user added, kept in <data dir>/deck-folders.json (a list of absolute paths).
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { AppError } from '../contract/errors';
import { message } from '../contract/messages';
import { writeFileAtomic } from '../files/atomicWrite';
import { realTargetInside } from '../files/inside';
import { errno, readIfExists } from './edit/fileText';

export function folderListPath(dataDir: string): string {
  return join(dataDir, 'deck-folders.json');
}

export function readExtraFolders(dataDir: string): string[] {
  const text = readIfExists(folderListPath(dataDir));
  if (text === null) return [];
  try {
    const list: unknown = JSON.parse(text);
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string' && isAbsolute(p)) : [];
  } catch {
    return []; // A damaged list only loses the extra folders, never their cards' scheduling.
  }
}

/** Checks a folder the user wants to add; returns its canonical path. */
export function checkNewFolder(path: string, existing: readonly string[], builtInDeckDir: string): string {
  if (!isAbsolute(path)) throw new AppError(message('folder.notAbsolute', { path }));
  let real: string;
  try {
    real = realpathSync(path);
    if (!statSync(real).isDirectory()) throw new AppError(message('folder.isFile', { path }));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(message('folder.cannotOpen', { path, reason: errno(error) }));
  }
  // The built-in decks are loaded read-only whether or not their folder exists here; adding them (or a folder
  // around or inside them) as a writable folder would load each deck twice or make shipped files editable.
  if (realTargetInside(builtInDeckDir, real) !== null || realTargetInside(real, builtInDeckDir) !== null) {
    throw new AppError(message('folder.builtInDecks', { path, builtIn: builtInDeckDir }));
  }
  for (const other of existing) {
    // realTargetInside: a listed folder may be gone (an unplugged drive); it still may not be overlapped.
    const inOther = realTargetInside(other, real) !== null;
    const holdsOther = realTargetInside(real, other) !== null;
    if (inOther && holdsOther) throw new AppError(message('folder.alreadyAdded', { path }));
    if (inOther || holdsOther) {
      throw new AppError(message('folder.overlaps', { path, other }));
    }
  }
  return real;
}

export function writeExtraFolders(dataDir: string, folders: readonly string[]): void {
  writeFileAtomic(folderListPath(dataDir), `${JSON.stringify(folders, null, 2)}\n`);
}
