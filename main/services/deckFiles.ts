// Finding and reading deck files on disk. Symlink loops, unreadable files and binary files become
// per-file errors; nothing here throws for one bad file.
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DeckFileError } from '../contract/deck';
import { message } from '../contract/messages';

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
      errors.push({ file: dir, line: 0, ...message('sync.folderUnreadable', { reason: (error as Error).message }) });
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (error) {
      errors.push({ file: dir, line: 0, ...message('sync.folderUnreadable', { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }) });
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
    return { file: path, line: 0, ...message('sync.fileUnreadable', { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }) };
  }
}

/**
 * Temp file in the same folder + rename: a crash leaves the old file or the new one, never half of one. The temp
 * name is unique and the temp is removed when the write fails (a full disk leaves no stray file). `durable` also
 * flushes the data to disk before the rename (notes import, where one fsync costs nothing that matters).
 */
export function writeFileAtomic(path: string, text: string, { durable = false } = {}): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeSync(fd, text);
      if (durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    throw error;
  }
}

export function contentHash(parts: readonly (string | null)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part === null ? '\u0000null' : `\u0001${part.length}:${part}`);
  return hash.digest('hex').slice(0, 24);
}
