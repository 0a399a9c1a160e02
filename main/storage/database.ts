// Opening the database safely: a file that is not SQLite or fails integrity_check is never written to, so the
// user's history can still be rescued from it or from a backup.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
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
    throw new DatabaseProblem(message('db.unreadable', { path, reason: (error as Error).message }), path);
  }
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
