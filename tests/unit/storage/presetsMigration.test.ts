// Migration 009 (issue 16) on a real SQLite file written by the previous schema, and the FSRS state's round trip
// through card_state's typed columns.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFsrsScheduler } from '../../../main/core/scheduler';
import type { FsrsCardState } from '../../../main/core/scheduler/state';
import { migrate } from '../../../main/storage/database';
import { MIGRATIONS } from '../../../main/storage/migrations';
import { createPresetStore } from '../../../main/storage/presetStore';
import { readSettings } from '../../../main/storage/settingsStore';
import { columnsOf, stateOf, STATE_COLUMNS, type StateRow } from '../../../main/storage/rows';

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** A database as version 8 of the app left it: a card answered twice, limits changed in the settings. */
function version8(): Database.Database {
  dir = mkdtempSync(join(tmpdir(), 'proofdeck-m9-'));
  const db = new Database(join(dir, 'proofdeck.sqlite'));
  for (const [i, sql] of MIGRATIONS.slice(0, 8).entries()) {
    db.exec(sql);
    db.pragma(`user_version = ${i + 1}`);
  }
  db.exec(`INSERT INTO decks VALUES ('d', 'D', NULL, '/x/d.md', 0, 0, 1, NULL, 0);
    INSERT INTO cards (id, deck_id, position, front_md, back_md, content_hash, created_at, updated_at) VALUES ('c1', 'd', 0, 'Q', 'A', 'h', 0, 0);
    INSERT INTO card_state (card_id, deck_id, ef_milli, reps, interval_days, due_day, queue, version) VALUES ('c1', 'd', 2600, 2, 6, 20006, 'review', 2);
    INSERT INTO settings VALUES ('newPerDay', '7'), ('reviewsPerDay', '"broken"');
    INSERT INTO reviews (id, card_id, reviewed_at, day, quality, kind, prev_ef_milli, prev_reps, prev_interval_days, prev_lapses, prev_queue, prev_version,
      new_ef_milli, new_reps, new_interval_days, new_due_day, new_lapses, new_queue, duration_ms, scheduler)
      VALUES (41, 'c1', 1000, 20000, 4, 'new', 2500, 0, 0, 0, 'new', 0, 2500, 1, 1, 20001, 0, 'review', 3000, 'sm2'),
             (57, 'c1', 2000, 20000, 5, 'drill', 2500, 1, 1, 0, 'review', 1, 2600, 2, 6, 20006, 0, 'review', 1000, 'sm2');`);
  return db;
}

describe('migration 009: presets and FSRS state', () => {
  it('keeps every answer with its id, seeds the default preset from the settings, and allows FSRS learning answers', () => {
    const db = version8();
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare(`SELECT id, kind, quality, new_due_day, scheduler, prev_scheduler, new_fsrs_phase FROM reviews ORDER BY id`).all()).toEqual([
      { id: 41, kind: 'new', quality: 4, new_due_day: 20001, scheduler: 'sm2', prev_scheduler: null, new_fsrs_phase: null },
      { id: 57, kind: 'drill', quality: 5, new_due_day: 20006, scheduler: 'sm2', prev_scheduler: null, new_fsrs_phase: null },
    ]);
    // An unreadable setting falls back to the default, as readSettings does.
    expect(createPresetStore(db).list()).toEqual([
      { id: 1, name: 'Default', newPerDay: 7, reviewsPerDay: 200, scheduler: 'sm2', desiredRetention: 0.9, fsrsWeights: null },
    ]);
    expect(readSettings(db)).toMatchObject({ newPerDay: 7, reviewsPerDay: 200 });
    expect(stateOf(db.prepare(`SELECT ${STATE_COLUMNS} FROM card_state`).get() as StateRow)).toMatchObject({ algorithm: 'sm2', efMilli: 2600, dueDay: 20006 });
    // The rebuilt table still feeds the statistics' totals, and takes the new kind.
    db.prepare(`INSERT INTO reviews (card_id, reviewed_at, day, quality, kind, prev_ef_milli, prev_reps, prev_interval_days, prev_lapses, prev_queue,
      prev_version, new_ef_milli, new_reps, new_interval_days, new_lapses, new_queue, duration_ms, scheduler)
      VALUES ('c1', 3000, 20001, 1, 'learning', 2600, 2, 6, 0, 'review', 2, 2600, 3, 0, 1, 'review', 500, 'fsrs')`).run();
    expect(db.prepare(`SELECT day, kind, answers, ms FROM review_day_totals ORDER BY day, kind`).all()).toEqual([
      { day: 20000, kind: 'drill', answers: 1, ms: 1000 },
      { day: 20000, kind: 'new', answers: 1, ms: 3000 },
      { day: 20001, kind: 'learning', answers: 1, ms: 500 },
    ]);
    db.prepare(`DELETE FROM reviews WHERE id = 57`).run();
    expect(db.prepare(`SELECT answers FROM review_deck_totals WHERE kind = 'drill'`).pluck().get()).toBe(0);
    expect(() => db.prepare(`UPDATE reviews SET kind = 'cram' WHERE id = 41`).run()).toThrow(/CHECK/);
    db.close();
  });

  it('round-trips an FSRS state through card_state\'s columns exactly', () => {
    const db = version8();
    migrate(db);
    const fsrs = createFsrsScheduler();
    let state: FsrsCardState = fsrs.newState();
    state = fsrs.answer(state, 4, { now: Date.UTC(2026, 10, 26, 12), today: 20418 }).next;
    expect(state.phase).toBe('learning');
    const columns = columnsOf(state, 2600);
    db.prepare(`UPDATE card_state SET scheduler = @scheduler, ef_milli = @efMilli, reps = @reps, interval_days = @intervalDays,
      due_day = @dueDay, lapses = @lapses, queue = @queue, drill_day = @drillDay, fsrs_stability = @fsrsStability,
      fsrs_difficulty = @fsrsDifficulty, fsrs_phase = @fsrsPhase, fsrs_step = @fsrsStep, due_at = @dueAt, last_review_day = @lastReviewDay`).run(columns);
    const row = db.prepare(`SELECT ${STATE_COLUMNS} FROM card_state`).get() as StateRow;
    expect(stateOf(row)).toEqual(state);
    expect(row.ef_milli).toBe(2600);
    db.close();
  });
});
