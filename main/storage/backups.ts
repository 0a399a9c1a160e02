// Daily backups with VACUUM INTO (a consistent copy even under WAL; never copy the open file), keeping the last 7.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyFileAtomic } from '../files/atomicWrite';
import type { Db } from './database';

export const BACKUPS_KEPT = 7;
const BACKUP_NAME = /^proofdeck-(\d{4}-\d{2}-\d{2})\.sqlite$/;

/** Newest first, full paths. */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .reverse()
    .map((name) => join(dir, name));
}

/** Makes today's backup unless it exists; returns its path, or null when one was already there. */
export function backupOncePerDay(db: Db, dir: string, isoDate: string): string | null {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `proofdeck-${isoDate}.sqlite`);
  if (existsSync(target)) return null;
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  db.prepare('VACUUM INTO ?').run(partial);
  renameSync(partial, target);
  for (const old of listBackups(dir).slice(BACKUPS_KEPT)) rmSync(old, { force: true });
  return target;
}

/**
 * Puts a backup in place of the database file. The file it replaces is moved aside (never deleted), with its
 * WAL and shared-memory files, so nothing is lost even if the user picked the wrong backup.
 */
export function restoreBackupFile(databasePath: string, backupPath: string, stamp: string): string {
  const aside = `${databasePath}.replaced-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(databasePath + suffix)) renameSync(databasePath + suffix, aside + suffix);
  }
  // Atomic and durable: a crash mid-copy must not leave half a database where the app will open it.
  copyFileAtomic(backupPath, databasePath, { durable: true });
  return aside;
}
