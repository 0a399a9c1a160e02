// Finding and reading deck files on disk. Symlink loops, unreadable files, binary files and files too large to load
// become per-file errors; nothing here throws for one bad file.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { DECK_FILE_MAX_BYTES, type DeckFileError } from '../contract/deck';
import { message } from '../contract/messages';
import { walkInside } from '../files/folderWalk';

export interface DeckFolder {
  path: string;
  builtIn: boolean;
}

export interface FoundFile {
  path: string;
  folder: DeckFolder;
}

/**
 * Recursively lists `*.md` files (files/folderWalk.ts: symlinks followed only inside the folder, loops skipped). A
 * symlink out of the folder (to a deck file or a folder) is reported, not read: a deck is the files inside its
 * folder, as its images are (deck-asset serving and export take only those), and an edit would replace the link
 * with a file anyway.
 */
export function listDeckFiles(folder: DeckFolder, errors: DeckFileError[]): FoundFile[] {
  const found: FoundFile[] = [];
  walkInside(folder.path, {
    wants: (name) => name.toLowerCase().endsWith('.md'),
    file: (path) => found.push({ path, folder }),
    linkOut: (path) => errors.push({ file: path, line: 0, ...message('sync.symlinkOut', { folder: folder.path }) }),
    unreadable: (path, reason) => errors.push({ file: path, line: 0, ...message('sync.folderUnreadable', { reason }) }),
  });
  return found;
}

/** The file's bytes; a file over DECK_FILE_MAX_BYTES is refused from its size alone, never read. */
export function readFileBytes(path: string): Uint8Array | DeckFileError {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return unreadable(path, error);
  }
  try {
    // fstat on the open file: the size checked is the size of the file read, even if the path is replaced meanwhile.
    const { size } = fstatSync(fd);
    if (size > DECK_FILE_MAX_BYTES) return { file: path, line: 0, ...message('deck.tooLarge', { size, limit: DECK_FILE_MAX_BYTES }) };
    return readFileSync(fd);
  } catch (error) {
    return unreadable(path, error);
  } finally {
    closeSync(fd);
  }
}

const unreadable = (path: string, error: unknown): DeckFileError =>
  ({ file: path, line: 0, ...message('sync.fileUnreadable', { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }) });

export function contentHash(parts: readonly (string | null)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part === null ? '\u0000null' : `\u0001${part.length}:${part}`);
  return hash.digest('hex').slice(0, 24);
}
