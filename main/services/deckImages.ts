// Images that deck files reference, and the file copies that move them with their decks (export, folder import).
import { mkdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import { AppError } from '../contract/errors';
import { message } from '../contract/messages';
import { errno } from './edit/fileText';
import { copyFileAtomic } from '../files/atomicWrite';

/** Relative image paths a deck's Markdown references (`![](x.png)`, `<img src="x.png">`); URLs and absolute paths are not files of the deck. */
export function imageReferences(markdown: string): string[] {
  const refs = new Set<string>();
  for (const match of markdown.matchAll(/!\[[^\]]*\]\(\s*(?:<([^>]+)>|([^)\s]+))(?:\s+"[^"]*")?\s*\)|<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)) {
    const raw = match[1] ?? match[2] ?? match[3];
    let ref = raw;
    try {
      ref = decodeURI(raw);
    } catch {
      // A stray % is part of the file name.
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || isAbsolute(ref) || ref.startsWith('#')) continue;
    refs.add(ref.split(/[?#]/)[0]);
  }
  return [...refs];
}

/**
 * Removes files and then folders an operation created (folders only when empty: the user may have put something
 * there since). Missing ones are fine; this runs while undoing or rolling back, so it never throws.
 */
export function removeCreated(files: readonly string[], folders: readonly string[]): void {
  for (const file of files) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone, or not ours to force.
    }
  }
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty (the user's own files) or already gone.
    }
  }
}

/** Copies each file to a path that must not exist yet; on a failure removes the copies made so far and refuses. */
export function copyNewFiles(copies: readonly { from: string; to: string }[], newFolders: readonly string[]): string[] {
  const done: string[] = [];
  for (const { from, to } of copies) {
    try {
      mkdirSync(dirname(to), { recursive: true });
      // A file that appeared since the plan was checked is never overwritten.
      copyFileAtomic(from, to, { overwrite: false });
      done.push(to);
    } catch (error) {
      removeCreated(done, newFolders);
      throw new AppError(message('folder.cannotCopy', { from, to, reason: errno(error) }));
    }
  }
  return done;
}
