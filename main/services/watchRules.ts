// The deck watcher's decisions, kept pure so they are tested without a disk: which subfolders get a watcher, what an
// event from one of them asks for, and where to wait for a deck folder that is gone. watch.ts is the IO around them.
import { dirname, relative, sep } from 'node:path';
import { ATOMIC_TEMP_PATTERN } from '../files/atomicWrite';

/**
 * Whether a subfolder of a deck folder is watched. Hidden folders (`.git`, editors' state) are not loaded by the deck
 * walk (files/folderWalk.ts) so their churn is no change; `<deck>.assets/` holds only images, which are read when
 * shown and never synced.
 */
export function watchesSubfolder(name: string): boolean {
  return !name.startsWith('.') && !name.toLowerCase().endsWith('.assets');
}

/** A deck file by name, as the deck walk decides (deckFiles.listDeckFiles): `*.md`, any case, not hidden. */
const isDeckFileName = (name: string) => !name.startsWith('.') && name.toLowerCase().endsWith('.md');

export interface EventAction {
  /** Re-read the deck files (after the debounce). */
  resync: boolean;
  /** Re-list the folders to watch: an entry appeared or vanished (a subfolder, or the watched folder itself). */
  rescan: boolean;
}

const NOTHING: EventAction = { resync: false, rescan: false };

/**
 * What one event of a non-recursive `fs.watch` on a watched folder asks for. `name` is an entry of that folder (or
 * the folder's own name when it was deleted or moved). 'rename' is how inotify reports an entry created, deleted or
 * moved; 'change' is a write or a metadata change, which matters only for a deck file.
 */
export function folderEventAction(event: string, name: string | null): EventAction {
  // No name: the platform could not say what changed, so assume anything did.
  if (name === null || name === '') return { resync: true, rescan: true };
  // ProofDeck's own temp (and any hidden file: editors' swap files) is never loaded; its rename onto the deck file
  // reports the deck file's name.
  if (ATOMIC_TEMP_PATTERN.test(name) || name.startsWith('.')) return NOTHING;
  if (isDeckFileName(name)) return { resync: true, rescan: false };
  return event === 'rename' ? { resync: false, rescan: true } : NOTHING;
}

/**
 * The folder to watch while `folder` does not exist: its nearest existing ancestor, whose events say when the next
 * component toward `folder` appears. Null when not even the root of the file system exists (nothing to watch).
 */
export function nearestExistingAncestor(folder: string, exists: (path: string) => boolean): string | null {
  let current = folder;
  for (;;) {
    const parent = dirname(current);
    if (parent === current) return null;
    if (exists(parent)) return parent;
    current = parent;
  }
}

/** Whether an event in `ancestor` may be the next step toward `folder` appearing (its name is that next component). */
export function ancestorEventMatters(ancestor: string, folder: string, name: string | null): boolean {
  if (name === null || name === '') return true;
  return relative(ancestor, folder).split(sep)[0] === name;
}

/**
 * A watcher is keyed by path and inode: a folder deleted and made again at the same path is a new inode, and the
 * old watcher (on the deleted inode) stays silent forever, so it must be replaced, not kept.
 */
export const watchKey = (path: string, ino: number | bigint): string => `${ino}:${path}`;

/** Which watchers to open and which to close to go from the `current` keys to the `wanted` ones. */
export function diffWatches(current: Iterable<string>, wanted: Iterable<string>): { open: string[]; close: string[] } {
  const have = new Set(current);
  const want = new Set(wanted);
  return { open: [...want].filter((k) => !have.has(k)), close: [...have].filter((k) => !want.has(k)) };
}
