// Finding and reading deck files on disk. Symlink loops, unreadable files and binary files become
// per-file errors; nothing here throws for one bad file.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { DeckFileError } from '../contract/deck';
import { message } from '../contract/messages';
import { realInside } from '../files/inside';

export interface DeckFolder {
  path: string;
  builtIn: boolean;
}

export interface FoundFile {
  path: string;
  folder: DeckFolder;
}

/**
 * Recursively lists `*.md` files, following symlinks that stay inside the folder once (a loop is skipped, not
 * followed forever). A symlink out of the folder (to a deck file or a folder) is reported, not read: a deck is the
 * files inside its folder, as its images are (deck-asset serving and export take only those), and an edit would
 * replace the link with a file anyway.
 */
export function listDeckFiles(folder: DeckFolder, errors: DeckFileError[]): FoundFile[] {
  const found: FoundFile[] = [];
  const visited = new Set<string>();
  const walk = (dir: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (error) {
      errors.push({ file: dir, line: 0, ...message('sync.folderUnreadable', { reason: (error as Error).message }) });
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      errors.push({ file: dir, line: 0, ...message('sync.folderUnreadable', { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }) });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      let stats;
      try {
        stats = statSync(path);
      } catch {
        continue; // A dangling symlink: nothing to load.
      }
      const isDeck = stats.isFile() && entry.name.toLowerCase().endsWith('.md');
      if (!stats.isDirectory() && !isDeck) continue;
      // Only a symlink can lead out: everything else in a folder inside the root is inside too.
      if (entry.isSymbolicLink() && !realInside(folder.path, path)) {
        errors.push({ file: path, line: 0, ...message('sync.symlinkOut', { folder: folder.path }) });
        continue;
      }
      if (stats.isDirectory()) walk(path);
      else found.push({ path, folder });
    }
  };
  walk(folder.path);
  return found;
}

export function readFileBytes(path: string): Uint8Array | DeckFileError {
  try {
    return readFileSync(path);
  } catch (error) {
    return { file: path, line: 0, ...message('sync.fileUnreadable', { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }) };
  }
}

export function contentHash(parts: readonly (string | null)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part === null ? '\u0000null' : `\u0001${part.length}:${part}`);
  return hash.digest('hex').slice(0, 24);
}
