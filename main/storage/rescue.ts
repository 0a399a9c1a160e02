// Rescue of answers from a damaged database before a backup replaces it. better-sqlite3 ships neither SQLite's
// recover extension nor sqlite_dbpage, so this reads what still reads: the reviews table by ranges of ids, each
// range that fails split in two until single rows, and every unreadable row skipped.
import Database from 'better-sqlite3';
import type { Db } from './database';

const REVIEW_COLUMNS = [
  'card_id', 'reviewed_at', 'day', 'quality', 'kind',
  'prev_ef_milli', 'prev_reps', 'prev_interval_days', 'prev_due_day', 'prev_lapses', 'prev_queue', 'prev_drill_day',
  'prev_last_review_at', 'prev_version',
  'new_ef_milli', 'new_reps', 'new_interval_days', 'new_due_day', 'new_lapses', 'new_queue', 'new_drill_day',
  'duration_ms', 'scheduler',
  // Migration 009 (FSRS beside SM-2): the previous state's algorithm and both states' FSRS fields.
  'prev_scheduler', 'prev_fsrs_stability', 'prev_fsrs_difficulty', 'prev_fsrs_phase', 'prev_fsrs_step', 'prev_due_at',
  'prev_last_review_day', 'new_fsrs_stability', 'new_fsrs_difficulty', 'new_fsrs_phase', 'new_fsrs_step', 'new_due_at',
  'new_last_review_day',
] as const;
export type RescuedReview = Record<(typeof REVIEW_COLUMNS)[number], string | number | null> & { id: number };

/** A badly damaged table can fail on every id; past this many failed reads the rest is given up. */
const MAX_FAILED_READS = 20_000;
const RANGE = 4096;

const tryRead = <T>(read: () => T): T | null => {
  try {
    return read();
  } catch {
    return null;
  }
};

/** The newest answer's time in a database file (null when it has none). */
export function newestReviewAt(path: string, nativeBinding?: string): number | null {
  const db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return (db.prepare('SELECT MAX(reviewed_at) FROM reviews').pluck().get() as number | null) ?? null;
  } finally {
    db.close();
  }
}

/**
 * Every readable review row answered after `after` (all rows when null), oldest first. The damaged file is opened
 * read-only, so SQLite never checkpoints or rolls anything back into it. Never throws: what cannot be read is lost.
 */
export function readReviewsAfter(path: string, after: number | null, nativeBinding?: string): RescuedReview[] {
  const db = tryRead(() => new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) }));
  if (!db) return [];
  try {
    // A file damaged before this version migrated it lacks the newer columns: they read as NULL (an SM-2 answer).
    const present = new Set(tryRead(() => (db.pragma('table_info(reviews)') as { name: string }[]).map((c) => c.name)) ?? REVIEW_COLUMNS);
    const columns = REVIEW_COLUMNS.map((c) => (present.has(c) ? c : `NULL AS ${c}`)).join(', ');
    const range = tryRead(() => db.prepare(`SELECT id, ${columns} FROM reviews WHERE id BETWEEN ? AND ? AND reviewed_at > ?`));
    if (!range) return [];
    const low = tryRead(() => db.prepare('SELECT MIN(id) FROM reviews').pluck().get() as number | null) ?? 1;
    // Without the table's last id (its b-tree's right edge is damaged), read on until a long run of ids is empty.
    const high = tryRead(() => db.prepare('SELECT MAX(id) FROM reviews').pluck().get() as number | null);
    const rows: RescuedReview[] = [];
    let failed = 0;
    const read = (from: number, to: number): void => {
      if (failed > MAX_FAILED_READS) return;
      const found = tryRead(() => range.all(from, to, after ?? Number.MIN_SAFE_INTEGER) as RescuedReview[]);
      if (found) rows.push(...found);
      else if (from === to) failed++;
      else {
        const middle = Math.floor((from + to) / 2);
        read(from, middle);
        read(middle + 1, to);
      }
    };
    if (high !== null) {
      for (let from = low; from <= high; from += RANGE) read(from, Math.min(high, from + RANGE - 1));
    } else {
      for (let from = low, empty = 0; empty < 16 && failed <= MAX_FAILED_READS; from += RANGE) {
        const before = rows.length + failed;
        read(from, from + RANGE - 1);
        empty = rows.length + failed === before ? empty + 1 : 0;
      }
    }
    return rows.sort((a, b) => Number(a.reviewed_at) - Number(b.reviewed_at) || a.id - b.id);
  } finally {
    db.close();
  }
}

/**
 * Adds rescued answers to a (restored) database and replays them onto their cards: each answer sets the card's
 * scheduling to its `new_*` columns, oldest first, so a card answered several times ends in its newest state, and
 * its version moves forward once per answer as it would have. Cards the database does not have are skipped, and
 * so is a row the schema refuses (a damaged value). One transaction: all of it or none.
 */
export function replayReviews(db: Db, rows: readonly RescuedReview[]): { rescued: number; skipped: number } {
  const hasCard = db.prepare('SELECT 1 FROM card_state WHERE card_id = ?').pluck();
  const insert = db.prepare(`INSERT INTO reviews (${REVIEW_COLUMNS.join(', ')}) VALUES (${REVIEW_COLUMNS.map((c) => `@${c}`).join(', ')})`);
  const replay = db.prepare(`UPDATE card_state SET ef_milli = @new_ef_milli, reps = @new_reps, interval_days = @new_interval_days,
      due_day = @new_due_day, lapses = @new_lapses, queue = @new_queue, drill_day = @new_drill_day,
      scheduler = @scheduler, fsrs_stability = @new_fsrs_stability, fsrs_difficulty = @new_fsrs_difficulty,
      fsrs_phase = @new_fsrs_phase, fsrs_step = @new_fsrs_step, due_at = @new_due_at, last_review_day = @new_last_review_day,
      last_review_at = @reviewed_at, version = version + 1 WHERE card_id = @card_id`);
  let rescued = 0;
  let skipped = 0;
  db.transaction(() => {
    for (const { id: _id, ...row } of rows) {
      if (!hasCard.get(row.card_id)) {
        skipped++;
        continue;
      }
      const applied = tryRead(() => db.transaction(() => (insert.run(row), replay.run(row)))());
      if (applied) rescued++;
      else skipped++;
    }
  })();
  return { rescued, skipped };
}
