// Extra deck folders the user added, kept in <data dir>/deck-folders.json (a list of absolute paths).
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { writeFileAtomic } from '../files/atomicWrite';
import { realTargetInside } from '../files/inside';
import { EditError, errno, readIfExists } from './editErrors';

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
export function checkNewFolder(path: string, existing: readonly string[]): string {
  if (!isAbsolute(path)) throw new EditError('bad-request', `Give the folder's full path (it starts with / or a drive letter): ${path}`);
  let real: string;
  try {
    real = realpathSync(path);
    if (!statSync(real).isDirectory()) throw new EditError('bad-request', `${path} is a file, not a folder.`);
  } catch (error) {
    if (error instanceof EditError) throw error;
    throw new EditError('bad-request', `Cannot open the folder ${path} (${errno(error)}).`);
  }
  for (const other of existing) {
    // realTargetInside: a listed folder may be gone (an unplugged drive); it still may not be overlapped.
    const inOther = realTargetInside(other, real) !== null;
    const holdsOther = realTargetInside(real, other) !== null;
    if (inOther && holdsOther) throw new EditError('bad-request', `${path} is already a deck folder.`);
    if (inOther || holdsOther) {
      throw new EditError('bad-request', `${path} overlaps the deck folder ${other}: each deck file must belong to one folder.`);
    }
  }
  return real;
}

export function writeExtraFolders(dataDir: string, folders: readonly string[]): void {
  writeFileAtomic(folderListPath(dataDir), `${JSON.stringify(folders, null, 2)}\n`);
}
