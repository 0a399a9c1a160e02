// A write killed between creating its temp file and the rename leaves the temp behind: hidden, as large as the
// file it was replacing (22 crashes during saves once left four 20 MB ones). At start the app removes files of
// exactly ProofDeck's own temp pattern, and nothing else: another program's `.x.md.swp`, `x.md.tmp` or `4913` is
// none of its business. A second ProofDeck process writing at that moment loses only its temp: its rename then
// fails and its save is refused, leaving the old file.
import { unlinkSync } from 'node:fs';
import { ATOMIC_TEMP_PATTERN } from './atomicWrite';
import { walkInside } from './folderWalk';

/** Removes ProofDeck temp files under each root (the deck walk's rules: never out of a root's real path). */
export function removeStaleTemps(roots: readonly string[]): string[] {
  const removed: string[] = [];
  const nothing = (): void => {};
  for (const root of roots) {
    walkInside(root, {
      wants: () => false,
      file: nothing,
      linkOut: nothing,
      unreadable: nothing,
      hidden(path, entry) {
        // isFile() is the entry itself (lstat): a symlink with a temp-like name is not ours to follow or remove.
        if (!entry.isFile() || !ATOMIC_TEMP_PATTERN.test(entry.name)) return;
        try {
          unlinkSync(path);
          removed.push(path);
        } catch {
          // A read-only folder keeps it; it harms nothing but space, and the next start tries again.
        }
      },
    });
  }
  return removed;
}
