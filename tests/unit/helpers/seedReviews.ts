// Writes review histories (e.g. synthetic ones drawn from a known forgetting curve) into a collection's review log,
// as rows of the real `reviews` table of a real SQLite file. Only what the history reads is meaningful (card, time,
// day, grade); the state columns hold placeholders, as no test of history reads them.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { CardHistory } from '../../../main/core/scheduler/evaluate';

/** Inserts every answer of `histories` for the card ids given in the same order (cards that exist in card_state). */
export function seedReviews(dataDir: string, histories: readonly CardHistory[], cardIds: readonly string[]): number {
  const db = new Database(join(dataDir, 'proofdeck.sqlite'));
  try {
    const insert = db.prepare(`INSERT INTO reviews (card_id, reviewed_at, day, quality, kind, prev_ef_milli, prev_reps,
      prev_interval_days, prev_lapses, prev_queue, prev_version, new_ef_milli, new_reps, new_interval_days, new_lapses,
      new_queue, duration_ms, scheduler) VALUES (?, ?, ?, ?, ?, 2500, 0, 0, 0, 'review', 0, 2500, 0, 0, 0, 'review', 2000, 'fsrs')`);
    let rows = 0;
    db.transaction(() => {
      histories.forEach((h, i) => {
        h.answers.forEach((a, k) => {
          insert.run(cardIds[i], a.reviewedAt, a.day, a.quality, k === 0 ? 'new' : 'review');
          rows++;
        });
      });
    })();
    return rows;
  } finally {
    db.close();
  }
}
