// The deck folders the app loads: the built-in decks, the user's default folder, and folders the user added (kept in
// <data dir>/deck-folders.json and watched here; the entry points watch the first two). A watched folder that is
// deleted or unmounted does not always produce an event, so the added folders' presence is also checked on demand.
import { existsSync, mkdirSync } from 'node:fs';
import type { DeckFolderInfo } from '../contract/api';
import { AppError } from '../contract/errors';
import { message } from '../contract/messages';
import { userDeckDir } from '../config/dataDir';
import type { DeckFolder } from './deckFiles';
import { checkNewFolder, readExtraFolders, writeExtraFolders } from './deckFolders';
import { watchDeckFolders } from './watch';

export interface DeckFolderServiceOptions {
  dataDir: string;
  builtInDeckDir: string;
  /** Re-reads every deck folder (their set or their contents changed). */
  resync(): void;
}

export function createDeckFolderService(options: DeckFolderServiceOptions) {
  const defaultDir = userDeckDir(options.dataDir);
  mkdirSync(defaultDir, { recursive: true });
  let extra = readExtraFolders(options.dataDir);
  let stopWatching = (): void => {};
  const presence = () => extra.map((path) => existsSync(path)).join();
  let lastPresence = presence();

  function folders(): DeckFolder[] {
    return [
      ...(existsSync(options.builtInDeckDir) ? [{ path: options.builtInDeckDir, builtIn: true }] : []),
      { path: defaultDir, builtIn: false },
      ...extra.map((path) => ({ path, builtIn: false })),
    ];
  }

  function watchExtra(): void {
    stopWatching();
    stopWatching = extra.length ? watchDeckFolders(extra, () => options.resync()) : () => {};
  }

  function info(): DeckFolderInfo[] {
    return folders().map((folder) => ({
      path: folder.path,
      kind: folder.builtIn ? 'built-in' : folder.path === defaultDir ? 'default' : 'added',
      available: existsSync(folder.path),
    }));
  }

  function change(next: string[]): DeckFolderInfo[] {
    writeExtraFolders(options.dataDir, next);
    extra = next;
    lastPresence = presence();
    watchExtra();
    options.resync();
    return info();
  }

  watchExtra();
  return {
    folders,
    info,
    add: (path: string) => change([...extra, checkNewFolder(path, folders().map((f) => f.path), options.builtInDeckDir)]),
    remove(path: string): DeckFolderInfo[] {
      if (!extra.includes(path)) throw new AppError(message('folder.notAdded', { path }));
      return change(extra.filter((p) => p !== path));
    },
    /** One stat per added folder; re-reads when one appeared or vanished since the last look. */
    resyncIfMoved(): void {
      const now = presence();
      if (now === lastPresence) return;
      lastPresence = now;
      options.resync();
    },
    close: () => stopWatching(),
  };
}

export type DeckFolderService = ReturnType<typeof createDeckFolderService>;
