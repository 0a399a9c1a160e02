// Where the desktop app finds better-sqlite3 built for Electron's ABI (node_modules holds the Node build, which
// serves the tests and browser mode). Pure, so the choice is tested under Node; main/index.ts only asks the disk.
import { join } from 'node:path';

export interface BindingPlace {
  isPackaged: boolean;
  /** Electron's `process.resourcesPath` (where electron-builder's extraResources land). */
  resourcesPath: string;
  /** The checkout's root, ending in '/' (the app runs from it when not packaged). */
  appRoot: string;
  /** PROOFDECK_SQLITE_BINDING. */
  envBinding: string | undefined;
}

/** In a package: its own resource (see electron-builder.yml's extraResources). */
export const PACKAGED_BINDING = join('native', 'better_sqlite3.node');

/**
 * The paths to try, in order. A packaged app ignores PROOFDECK_SQLITE_BINDING: the fuses switch off NODE_OPTIONS and
 * ELECTRON_RUN_AS_NODE so that no environment variable can make the installed app run other code, and a variable
 * naming a native library to load would undo that.
 */
export function sqliteBindingCandidates(place: BindingPlace): string[] {
  if (place.isPackaged) return [join(place.resourcesPath, PACKAGED_BINDING)];
  return [place.envBinding, `${place.appRoot}native/electron/better_sqlite3.node`].filter((p): p is string => Boolean(p));
}

/**
 * The binding to load: the first candidate that exists; undefined from a checkout without one (better-sqlite3's
 * own build is tried, which fails with its ABI message). A package without its binding is a broken installation,
 * said in words for the start-up dialog.
 */
export function chooseSqliteBinding(place: BindingPlace, exists: (path: string) => boolean): string | undefined {
  const candidates = sqliteBindingCandidates(place);
  const found = candidates.find(exists);
  if (!found && place.isPackaged) {
    throw new Error(`This installation of ProofDeck lacks its database engine (${candidates[0]}). Reinstall ProofDeck.`);
  }
  return found;
}
