// Backups with VACUUM INTO (a consistent copy even under WAL; never copy the open file). Three kinds, named so
// they never collide: one a day at start (`proofdeck-YYYY-MM-DD.sqlite`, the last 7 kept), one at each clean
// shutdown (`proofdeck-shutdown-<stamp>.sqlite`) and one right before a restore replaces an open collection
// (`proofdeck-before-restore-<stamp>.sqlite`), the last 3 of each of those kept.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo, BackupKind } from '../contract/api';
import { copyFileAtomic } from '../files/atomicWrite';
import type { Db } from './database';

export const BACKUPS_KEPT: Record<BackupKind, number> = { daily: 7, shutdown: 3, 'before-restore': 3 };
const DAILY = /^proofdeck-(\d{4}-\d{2}-\d{2})\.sqlite$/;
const STAMPED = /^proofdeck-(shutdown|before-restore)-(\d{4}-\d{2}-\d{2}T[\d-]+Z(?:-\d{3})?)\.sqlite$/;

function parseBackup(dir: string, name: string): BackupInfo | null {
  const daily = DAILY.exec(name);
  if (daily) return { path: join(dir, name), kind: 'daily', takenAt: daily[1] };
  const stamped = STAMPED.exec(name);
  return stamped ? { path: join(dir, name), kind: stamped[1] as BackupKind, takenAt: stamped[2] } : null;
}

/**
 * Newest first, every kind. `takenAt` sorts as text: a daily backup's date sorts before the same day's stamped
 * ones, which is when it was taken (at the day's first start).
 */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    // No folder, or something in its place (the backup that needs it reports that): there are no backups to list.
    return [];
  }
  return names
    .map((name) => parseBackup(dir, name))
    .filter((backup): backup is BackupInfo => backup !== null)
    .sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0));
}

/** A file name part from a clock reading: `2026-11-26T12-00-00-000Z`. */
export const fileStamp = (epochMs: number): string => new Date(epochMs).toISOString().replace(/[:.]/g, '-');

function vacuumInto(db: Db, target: string): void {
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  db.prepare('VACUUM INTO ?').run(partial);
  renameSync(partial, target);
}

function prune(dir: string, kind: BackupKind): void {
  for (const old of listBackups(dir).filter((b) => b.kind === kind).slice(BACKUPS_KEPT[kind])) rmSync(old.path, { force: true });
}

/** Makes today's backup unless it exists; returns its path, or null when one was already there. */
export function backupOncePerDay(db: Db, dir: string, isoDate: string): string | null {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `proofdeck-${isoDate}.sqlite`);
  if (existsSync(target)) return null;
  vacuumInto(db, target);
  prune(dir, 'daily');
  return target;
}

/** A shutdown or before-restore backup; two in the same millisecond get a counter rather than overwrite. */
export function backupNow(db: Db, dir: string, kind: Exclude<BackupKind, 'daily'>, epochMs: number): string {
  mkdirSync(dir, { recursive: true });
  const stamp = fileStamp(epochMs);
  let target = join(dir, `proofdeck-${kind}-${stamp}.sqlite`);
  for (let n = 1; existsSync(target); n++) target = join(dir, `proofdeck-${kind}-${stamp}-${String(n).padStart(3, '0')}.sqlite`);
  vacuumInto(db, target);
  prune(dir, kind);
  return target;
}

/** Moves the database file aside with its WAL and shared-memory files (never deleted); returns the new name. */
export function moveDatabaseAside(databasePath: string, stamp: string): string {
  const aside = `${databasePath}.replaced-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(databasePath + suffix)) renameSync(databasePath + suffix, aside + suffix);
  }
  return aside;
}

/**
 * Puts a backup in place of the database file. The file it replaces is moved aside (never deleted), with its
 * WAL and shared-memory files, so nothing is lost even if the user picked the wrong backup.
 */
export function restoreBackupFile(databasePath: string, backupPath: string, stamp: string): string {
  const aside = moveDatabaseAside(databasePath, stamp);
  // Atomic and durable: a crash mid-copy must not leave half a database where the app will open it.
  copyFileAtomic(backupPath, databasePath, { durable: true });
  return aside;
}
