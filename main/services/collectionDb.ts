// Opening, closing and replacing the collection's database. The rule: the database is never silently replaced.
// A lost file with backups beside it is a problem the user resolves; a read-only folder is reported as such; a
// full disk still shows the collection (read-only); a backup that fails is a warning, never a failed start.
import { existsSync, statSync } from 'node:fs';
import type { BackupInfo, RestoreReport } from '../contract/api';
import { message, type Message } from '../contract/messages';
import { backupDir, databasePath } from '../config/dataDir';
import { backupNow, backupOncePerDay, fileStamp, listBackups, moveDatabaseAside, restoreBackupFile } from '../storage/backups';
import { assertNotLost, assertWritable, DatabaseProblem, openDatabase, openSnapshot, type Db } from '../storage/database';
import { newestReviewAt, readReviewsAfter, replayReviews } from '../storage/rescue';

export interface DbPlace {
  dataDir: string;
  nativeBinding?: string;
}

export interface OpenedDb {
  db: Db;
  /** Set when the disk is full: `db` is a read-only in-memory copy, and every change is refused with it. */
  diskFull: Message | null;
  warnings: Message[];
}

const reasonOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** Throws DatabaseProblem when the user must choose (restore, start empty) or fix something first. */
export function openCollectionDb(place: DbPlace, options: { acceptNew: boolean; isoDate: string }): OpenedDb {
  const path = databasePath(place.dataDir);
  assertWritable(place.dataDir, path);
  if (!options.acceptNew) assertNotLost(path, listBackups(backupDir(place.dataDir)).length);
  let db: Db;
  try {
    db = openDatabase(path, { nativeBinding: place.nativeBinding });
  } catch (error) {
    if (!(error instanceof DatabaseProblem && error.problem.code === 'db.diskFull')) throw error;
    return openDiskFull(place);
  }
  return { db, diskFull: null, warnings: backupWarnings(() => backupOncePerDay(db, backupDir(place.dataDir), options.isoDate), place) };
}

export function openDiskFull(place: DbPlace): OpenedDb {
  const path = databasePath(place.dataDir);
  const diskFull = message('db.diskFull', { path });
  return { db: openSnapshot(path, { nativeBinding: place.nativeBinding }), diskFull, warnings: [diskFull] };
}

function backupWarnings(take: () => unknown, place: DbPlace): Message[] {
  try {
    take();
    return [];
  } catch (error) {
    return [message('db.backupFailed', { dir: backupDir(place.dataDir), reason: reasonOf(error) })];
  }
}

/** A backup of an open, writable collection (at shutdown, before a restore); a failure is returned, not thrown. */
export function backupOpen(opened: OpenedDb, place: DbPlace, kind: 'shutdown' | 'before-restore', now: number): Message | null {
  if (opened.diskFull) return null;
  return backupWarnings(() => backupNow(opened.db, backupDir(place.dataDir), kind, now), place)[0] ?? null;
}

export function problemInfo(problem: DatabaseProblem, place: DbPlace) {
  const backups: BackupInfo[] = problem.canReplace ? listBackups(backupDir(place.dataDir)) : [];
  return { message: problem.problem, backups, canStartEmpty: problem.canReplace };
}

const hasContent = (path: string): boolean => existsSync(path) && statSync(path).size > 0;

/**
 * Rescues the answers the damaged file holds beyond the backup, puts the backup in place (the damaged file moved
 * aside), then replays the rescued answers into it. `damaged` is false when an open, healthy collection is rolled
 * back on purpose: then nothing is rescued.
 */
export function restoreWithRescue(place: DbPlace, backup: string, damaged: boolean, now: number): RestoreReport {
  const path = databasePath(place.dataDir);
  const rows = damaged && hasContent(path) ? readReviewsAfter(path, newestReviewAt(backup, place.nativeBinding), place.nativeBinding) : [];
  restoreBackupFile(path, backup, fileStamp(now));
  if (rows.length === 0) return { backup, rescued: 0, skipped: 0 };
  const db = openDatabase(path, { nativeBinding: place.nativeBinding });
  try {
    return { backup, ...replayReviews(db, rows) };
  } finally {
    db.close();
  }
}

/** Moves the lost or damaged file aside (kept) so that an empty collection can start; the backups are not touched. */
export function setAsideForEmptyStart(place: DbPlace, now: number): void {
  moveDatabaseAside(databasePath(place.dataDir), fileStamp(now));
}
