// Picks up deck files changed outside the app (an editor, `git pull`) while it runs. Events are debounced:
// editors write a file in several steps, and one re-sync after they settle is enough.
//
// One non-recursive fs.watch per folder (the deck folder and each watched subfolder, see watchRules.ts), not one
// recursive watch: on Linux, Node 20's recursive watch goes silent for a file once it has been replaced by a rename
// (how vim, VS Code, JetBrains editors and atomic writes save), so only the first outside save was seen
// (../shared/design/FACTS.md). A watch on the folder sees every entry renamed into it, however often.
//
// A deck folder that is deleted is followed by watching its nearest existing ancestor for the next path component
// to reappear, rather than re-checking on a timer: the reappearance is seen at once and nothing runs while nothing
// happens. Timers are only for re-arming after a failure (a watcher's error, a folder that cannot be watched), with a
// growing delay so a folder that stays unwatchable costs a few readdirs a minute, never a busy loop.
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { ancestorEventMatters, diffWatches, folderEventAction, nearestExistingAncestor, watchesSubfolder, watchKey } from './watchRules';

/** Events of one burst (a tree removed, a checkout) are looked at together before the folders are listed again. */
const RESCAN_DELAY_MS = 50;
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 30_000;

export function watchDeckFolders(folders: readonly string[], onChange: () => void, debounceMs = 300): () => void {
  let timer: NodeJS.Timeout | null = null;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      try {
        onChange();
      } catch (error) {
        process.stderr.write(`ProofDeck: re-reading deck files failed: ${(error as Error).message}\n`);
      }
    }, debounceMs);
  };
  const watches = folders.map((folder) => watchFolder(folder, schedule));
  return () => {
    if (timer) clearTimeout(timer);
    for (const stop of watches) stop();
  };
}

interface Wanted {
  /** watchKey → what to watch there. */
  targets: Map<string, { path: string; ancestor: boolean }>;
  /** A folder could not be listed or stat'ed: try again later. */
  incomplete: boolean;
}

/** The folder and its watched subfolders, or, when it is gone, its nearest existing ancestor. */
function wantedWatches(root: string): Wanted {
  const targets: Wanted['targets'] = new Map();
  let incomplete = false;
  const add = (path: string, ancestor: boolean): boolean => {
    try {
      const stats = statSync(path);
      if (!stats.isDirectory()) return false;
      targets.set(watchKey(path, stats.ino), { path, ancestor });
      return true;
    } catch {
      return false;
    }
  };
  // Symlinked folders are not entered (Dirent.isDirectory is false for a link): one inside the folder leads to a
  // folder already watched where it really is, one leading out is not loaded (files/folderWalk.ts).
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && watchesSubfolder(e.name)).map((e) => e.name);
    } catch {
      incomplete = true;
      return;
    }
    for (const name of names) if (add(join(dir, name), false)) walk(join(dir, name));
  };
  if (add(root, false)) walk(root);
  else {
    const ancestor = nearestExistingAncestor(root, (path) => add(path, true));
    if (ancestor === null) incomplete = true;
  }
  return { targets, incomplete };
}

/** Keeps one folder's watchers matching what is on disk; returns the function that stops them. */
function watchFolder(root: string, resync: () => void): () => void {
  const open = new Map<string, FSWatcher>();
  let stopped = false;
  let rescanTimer: NodeJS.Timeout | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let retryMs = RETRY_FIRST_MS;

  const scheduleRescan = (delay = RESCAN_DELAY_MS) => {
    if (stopped || rescanTimer) return;
    rescanTimer = setTimeout(() => {
      rescanTimer = null;
      rescan(false);
    }, delay);
  };
  const retryLater = () => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      rescan(false);
    }, retryMs);
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  };

  const openWatcher = (key: string, path: string, ancestor: boolean): void => {
    const watcher = watch(path, (event, name) => {
      if (ancestor) {
        if (ancestorEventMatters(path, root, name)) scheduleRescan();
        return;
      }
      const action = folderEventAction(event, name);
      if (action.resync) resync();
      if (action.rescan) scheduleRescan();
    });
    // EPERM (Windows, a folder being deleted), a folder gone under the watcher: drop it and re-arm later.
    watcher.on('error', () => {
      watcher.close();
      if (open.get(key) === watcher) open.delete(key);
      retryLater();
    });
    open.set(key, watcher);
  };

  function rescan(initial: boolean): void {
    if (stopped) return;
    const { targets, incomplete } = wantedWatches(root);
    let failed = incomplete;
    const { open: toOpen, close: toClose } = diffWatches(open.keys(), targets.keys());
    for (const key of toClose) {
      open.get(key)!.close();
      open.delete(key);
    }
    for (const key of toOpen) {
      const { path, ancestor } = targets.get(key)!;
      try {
        openWatcher(key, path, ancestor);
      } catch {
        failed = true; // Removed meanwhile, no permission, the system's watch limit (ENOSPC): try again later.
      }
    }
    // Folders came or went: deck files may have come or gone with them, some before their folder was watched.
    if (!initial && (toOpen.length || toClose.length)) resync();
    if (failed) retryLater();
    else retryMs = RETRY_FIRST_MS;
  }

  rescan(true);
  return () => {
    stopped = true;
    if (rescanTimer) clearTimeout(rescanTimer);
    if (retryTimer) clearTimeout(retryTimer);
    for (const watcher of open.values()) watcher.close();
    open.clear();
  };
}
