// Opening the database safely: a file that is not SQLite or fails integrity_check is never written to, so the
// user's history can still be rescued from it or from a backup.
import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, openSync, readFileSync, readSync, statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../contract/errors';
import { message, type Message } from '../contract/messages';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;
export type Durability = 'NORMAL' | 'FULL';

/** The database exists but cannot be used safely. The app reports it and offers a backup. */
export class DatabaseProblem extends AppError {
  constructor(
    problem: Message,
    readonly path: string,
  ) {
    super(problem);
    this.name = 'DatabaseProblem';
  }

  /** False when replacing the file cannot help (the folder is read-only): no restore or fresh start is offered. */
  get canReplace(): boolean {
    return this.problem.code !== 'db.readOnly';
  }
}

const isEmptyOrMissing = (path: string): boolean => !existsSync(path) || statSync(path).size === 0;

/**
 * A missing or empty database is a new collection only when nothing shows there was one. Backups or a `-wal`
 * beside it mean the file was lost: starting empty would let the daily rotation delete the good backups.
 */
export function assertNotLost(path: string, backupCount: number): void {
  if (!isEmptyOrMissing(path)) return;
  const wal = !isEmptyOrMissing(`${path}-wal`);
  if (backupCount > 0 || wal) throw new DatabaseProblem(message('db.missing', { path, backups: backupCount, wal }), path);
}

/** A read-only folder or file is its own problem: it is not damage, and no restore could write there anyway. */
export function assertWritable(dataDir: string, path: string): void {
  for (const target of [dataDir, path, `${path}-wal`, `${path}-shm`]) {
    if (!existsSync(target)) continue;
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      throw new DatabaseProblem(message('db.readOnly', { path: target, reason: (error as NodeJS.ErrnoException).code ?? String(error) }), path);
    }
  }
}

const LOW_SPACE_BYTES = 1024 * 1024;

/**
 * SQLite reports a full disk as SQLITE_FULL, but growing the WAL index fails as SQLITE_IOERR_SHMSIZE (a plain I/O
 * error): for those, the free space on the folder's file system decides.
 */
export function isDiskFull(error: unknown, dir: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return true;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_IOERR')) return false;
  try {
    const fs = statfsSync(dir);
    return fs.bavail * fs.bsize < LOW_SPACE_BYTES;
  } catch {
    return false;
  }
}

const SQLITE_HEADER = 'SQLite format 3\0';

function assertLooksLikeSqlite(path: string): void {
  if (!existsSync(path) || statSync(path).size === 0) return;
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new DatabaseProblem(message('db.notSqlite', { path }), path);
  }
}

export interface OpenOptions {
  durability?: Durability;
  /** A better-sqlite3 binary built for Electron's ABI (see README); the Node build is used otherwise. */
  nativeBinding?: string;
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  assertLooksLikeSqlite(path);
  let db: Db;
  try {
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    if (isDiskFull(error, dirname(path))) throw new DatabaseProblem(message('db.diskFull', { path }), path);
    throw new DatabaseProblem(message('db.cannotOpen', { path, reason: (error as Error).message }), path);
  }
  try {
    const check = db.pragma('integrity_check') as { integrity_check: string }[];
    if (check.length !== 1 || check[0].integrity_check !== 'ok') {
      const detail = check.slice(0, 3).map((row) => row.integrity_check).join('; ');
      throw new DatabaseProblem(message('db.integrity', { path, detail }), path);
    }
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.durability ?? 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseProblem) throw error;
    if (isDiskFull(error, dirname(path))) throw new DatabaseProblem(message('db.diskFull', { path }), path);
    throw new DatabaseProblem(message('db.unreadable', { path, reason: (error as Error).message }), path);
  }
}

/**
 * The collection as it is on disk, in memory and read-only: on a full disk SQLite cannot even grow the WAL index
 * a reader needs, yet the user should still see their collection. The header is switched from WAL to rollback
 * journal mode in the copy (an in-memory database cannot be in WAL mode); the file itself is not touched.
 * What a crash left in the `-wal` is not in the copy.
 */
export function openSnapshot(path: string, options: OpenOptions = {}): Db {
  const bytes = readFileSync(path);
  if (bytes.length > 19) bytes[18] = bytes[19] = 1;
  const db = new Database(bytes, { readonly: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  const check = db.pragma('integrity_check', { simple: true });
  if (check !== 'ok') {
    db.close();
    throw new DatabaseProblem(message('db.integrity', { path, detail: String(check) }), path);
  }
  return db;
}

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new DatabaseProblem(message('db.newerSchema', { version: current, known: MIGRATIONS.length }), db.name);
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

export function setDurability(db: Db, durability: Durability): void {
  db.pragma(`synchronous = ${durability}`);
}
