// Finding and reading deck files on disk. Symlink loops, unreadable files and binary files become
// per-file errors; nothing here throws for one bad file.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DeckFileError } from '../contract/deck';

export interface DeckFolder {
  path: string;
  builtIn: boolean;
}

export interface FoundFile {
  path: string;
  folder: DeckFolder;
}

/** Recursively lists `*.md` files, following symlinks once (a loop is skipped, not followed forever). */
export function listDeckFiles(folder: DeckFolder, errors: DeckFileError[]): FoundFile[] {
  const found: FoundFile[] = [];
  const visited = new Set<string>();
  const walk = (dir: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (error) {
      errors.push({ file: dir, line: 0, message: `deck folder unreadable: ${(error as Error).message}` });
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (error) {
      errors.push({ file: dir, line: 0, message: `deck folder unreadable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      let stats;
      try {
        stats = statSync(path);
      } catch {
        continue; // A dangling symlink: nothing to load.
      }
      if (stats.isDirectory()) walk(path);
      else if (stats.isFile() && name.toLowerCase().endsWith('.md')) found.push({ path, folder });
    }
  };
  walk(folder.path);
  return found;
}

export function readFileBytes(path: string): Uint8Array | DeckFileError {
  try {
    return readFileSync(path);
  } catch (error) {
    return { file: path, line: 0, message: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}

export function contentHash(parts: readonly (string | null)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part === null ? '\u0000null' : `\u0001${part.length}:${part}`);
  return hash.digest('hex').slice(0, 24);
}
