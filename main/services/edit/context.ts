// What every edit works on: the open database, the decks as last loaded, and where user files go.
import type { DeckFileError } from '../../contract/deck';
import type { Db } from '../../storage/database';
import type { LoadedDeckFile } from '../collectionService';

export interface EditContext {
  db: Db;
  /** Loaded files by deck id (the sync's map); edits keep it current. */
  loaded: Map<string, LoadedDeckFile>;
  userDeckDir: string;
  /** The shipped read-only decks: never a source for a folder import (that would fork every built-in deck). */
  builtInDeckDir: string;
  /** Where deleted deck files are copied first, so nothing is lost even after the app restarts. */
  trashDir: string;
  now: number;
  /** The full reconcile of every deck folder (after deletions, imports and undo). */
  resync(): { fileErrors: DeckFileError[] };
}
