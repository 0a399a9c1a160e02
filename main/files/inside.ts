// The one "is this inside that folder" rule: both paths are resolved with realpath (symlinks followed), and a path
// counts when it is the folder itself or strictly inside it. Comparing unresolved paths is what let a symlink in a
// deck folder carry export (and once asset serving) to a file elsewhere; every containment check in main/ uses this.
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * The real path of `candidate` (relative paths are taken from `root`) when it exists and is `root` or inside it;
 * null when it escapes (`..`, a symlink out) or does not exist. Use the returned path: it is the one that was checked.
 */
export function realInside(root: string, candidate: string): string | null {
  let realRoot: string;
  let real: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(resolve(root, candidate));
  } catch {
    return null;
  }
  return contains(realRoot, real) ? real : null;
}

/**
 * For a path that may not exist yet (a file about to be written, a folder about to be made): where it would really
 * land, through the symlinks of its nearest existing ancestor, when that is `root` or inside it; else null.
 * `root` may not exist yet either.
 */
export function realTargetInside(root: string, target: string): string | null {
  const real = realFuturePath(resolve(root, target));
  return contains(realFuturePath(resolve(root)), real) ? real : null;
}

/** The realpath of the nearest existing ancestor, with the missing rest appended. */
export function realFuturePath(absolute: string): string {
  const missing: string[] = [];
  let at = absolute;
  while (!existsSync(at) && dirname(at) !== at) {
    missing.unshift(basename(at));
    at = dirname(at);
  }
  try {
    return join(realpathSync(at), ...missing);
  } catch {
    return absolute; // Vanished or unreadable meanwhile: nothing real to follow, so compare the path as written.
  }
}

function contains(realRoot: string, real: string): boolean {
  const rel = relative(realRoot, real);
  // `..x` is a name inside; only `..` as a whole segment climbs out. Another drive on Windows gives an absolute path.
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
