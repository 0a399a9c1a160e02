// The one recursive walk over a folder the app owns (deck folders, the data dir). It never leaves the folder's real
// path: a symlink whose target lies outside is reported and not followed (one pointing at /usr once made a deck
// walk read all of /usr), a folder already walked (a loop, a link to an ancestor) is skipped, and names starting
// with '.' are not entered. Nothing here throws for one bad entry.
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import { realInside } from './inside';

export interface FolderVisitor {
  /** Whether a file name is of interest; only those are stat'ed through links and handed to `file`. */
  wants(name: string): boolean;
  /** A wanted file (or a symlink to one) whose real path is inside the root; `stats` are the target's. */
  file(path: string, stats: Stats): void;
  /** An entry whose name starts with '.': never entered nor followed; `entry` is the link itself, not its target. */
  hidden?(path: string, entry: Dirent): void;
  /** A symlink (to a folder, or to a wanted file) that leads out of the root: not followed. */
  linkOut(path: string): void;
  /** A folder that cannot be resolved or listed, with the reason. */
  unreadable(path: string, reason: string): void;
}

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Walks `root` depth first, entries in name order. */
export function walkInside(root: string, visit: FolderVisitor): void {
  const visited = new Set<string>();
  const walk = (dir: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (error) {
      visit.unreadable(dir, (error as Error).message);
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort(byName);
    } catch (error) {
      visit.unreadable(dir, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.name.startsWith('.')) {
        visit.hidden?.(path, entry);
        continue;
      }
      let stats: Stats;
      try {
        stats = statSync(path);
      } catch {
        continue; // A dangling symlink or a loop of links (ELOOP): nothing to read.
      }
      const wanted = stats.isFile() && visit.wants(entry.name);
      if (!stats.isDirectory() && !wanted) continue;
      // Only a symlink can lead out: everything else in a folder inside the root is inside too.
      if (entry.isSymbolicLink() && !realInside(root, path)) {
        visit.linkOut(path);
        continue;
      }
      if (stats.isDirectory()) walk(path);
      else visit.file(path, stats);
    }
  };
  walk(root);
}
