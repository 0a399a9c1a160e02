// Where notes imports keep their baselines: the collection database (ARCHITECTURE.md "Notes import"). The app
// passes its open database; the CLI opens the data dir's own, which a running app may hold open too (WAL mode
// and a busy timeout let both write).
import { existsSync, mkdirSync } from 'node:fs';
import { backupDir, databasePath } from '../config/dataDir';
import { listBackups } from '../storage/backups';
import { openDatabase, type Db } from '../storage/database';
import { readImportBaselines, replaceImportBaselines } from '../storage/importBaselineStore';
import type { ImportBaselines } from './notesImport';

export function databaseBaselines(db: () => Db, now: () => number): ImportBaselines {
  return {
    read: (deckId) => readImportBaselines(db(), deckId),
    replace: (deckId, baselines) => replaceImportBaselines(db(), deckId, baselines, now()),
  };
}

export interface CliCollection {
  baselines: ImportBaselines | null;
  close(): void;
}

/**
 * The data dir's database for the CLI. A missing one is created, as the app would on first start — unless backups
 * exist: then it was lost, and creating an empty one would hide that from the app's start-up check, so the import
 * runs without baselines (each card then compares with its deck text).
 */
export function openCliCollection(dataDir: string, now: () => number = Date.now): CliCollection {
  const path = databasePath(dataDir);
  if (!existsSync(path) && listBackups(backupDir(dataDir)).length > 0) return { baselines: null, close: () => {} };
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(path);
  return { baselines: databaseBaselines(() => db, now), close: () => db.close() };
}
