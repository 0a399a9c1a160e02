// Schema v9 (issue 16): deck presets, and scheduling state for FSRS beside SM-2.
// - card_state names the algorithm owning the card's state and gains FSRS's fields as typed columns: typed rather
//   than JSON so today's queue stays an index-only scan (a learning card is due at an instant, `due_at`, indexed) and
//   the statistics triggers keep reading the shared columns (interval_days is FSRS's scheduled days).
// - reviews keep the previous and the new state of whichever algorithm answered, in the same typed columns
//   (prev_/new_ fsrs_*, due_at, last_review_day; NULL on SM-2 rows), and `prev_scheduler` names the algorithm of the
//   previous state (an answer under FSRS can start from an SM-2 state), so undo restores it exactly. SQLite cannot
//   change a CHECK constraint, and `kind` gains 'learning' (an FSRS (re)learning step): the table is rebuilt, its
//   rows copied with their ids, and the totals' triggers (migration 007) created again.
// - presets: limits, scheduler, desired retention and FSRS weights (JSON, NULL = the defaults), shared by decks;
//   preset 1 is the default, holding the limits the settings had. A deck without a row in deck_presets uses it.
import { REVIEW_TOTALS_TRIGGERS } from './007_statistics';

/** FSRS's fields of a state, as columns named `${prefix}name` (card_state: no prefix; reviews: prev_ and new_). */
const stateFields = (prefix: string): string[] => [
  `${prefix}fsrs_stability REAL`,
  `${prefix}fsrs_difficulty REAL`,
  `${prefix}fsrs_phase TEXT CHECK (${prefix}fsrs_phase IN ('new', 'learning', 'review', 'relearning'))`,
  `${prefix}fsrs_step INTEGER`,
  `${prefix}due_at INTEGER`,
  `${prefix}last_review_day INTEGER`,
];

const OLD_REVIEW_COLUMNS = `id, card_id, reviewed_at, day, quality, kind,
  prev_ef_milli, prev_reps, prev_interval_days, prev_due_day, prev_lapses, prev_queue, prev_drill_day, prev_last_review_at,
  prev_version, new_ef_milli, new_reps, new_interval_days, new_due_day, new_lapses, new_queue, new_drill_day,
  duration_ms, scheduler`;

/** A setting's stored JSON when it is a plain whole number, else the default (as readSettings falls back). */
const settingOr = (key: string, fallback: number) =>
  `COALESCE((SELECT CAST(value AS INTEGER) FROM settings WHERE key = '${key}' AND value <> '' AND value NOT GLOB '*[^0-9]*'), ${fallback})`;

export const MIGRATION_009_PRESETS_FSRS = /* sql */ `
ALTER TABLE card_state ADD COLUMN scheduler TEXT NOT NULL DEFAULT 'sm2' CHECK (scheduler IN ('sm2', 'fsrs'));
${stateFields('').map((f) => `ALTER TABLE card_state ADD COLUMN ${f};`).join('\n')}
CREATE INDEX card_state_by_due_at ON card_state (deck_id, due_at) WHERE due_at IS NOT NULL;

DROP TRIGGER review_totals_add;
DROP TRIGGER review_totals_remove;
DROP TRIGGER review_totals_follow_card;
CREATE TABLE reviews_v9 (
  id                  INTEGER PRIMARY KEY,
  card_id             TEXT NOT NULL,
  reviewed_at         INTEGER NOT NULL,
  day                 INTEGER NOT NULL,
  quality             INTEGER NOT NULL CHECK (quality BETWEEN 0 AND 5),
  kind                TEXT NOT NULL CHECK (kind IN ('new', 'review', 'drill', 'learning')),
  prev_ef_milli       INTEGER NOT NULL,
  prev_reps           INTEGER NOT NULL,
  prev_interval_days  INTEGER NOT NULL,
  prev_due_day        INTEGER,
  prev_lapses         INTEGER NOT NULL,
  prev_queue          TEXT NOT NULL,
  prev_drill_day      INTEGER,
  prev_last_review_at INTEGER,
  prev_version        INTEGER NOT NULL,
  new_ef_milli        INTEGER NOT NULL,
  new_reps            INTEGER NOT NULL,
  new_interval_days   INTEGER NOT NULL,
  new_due_day         INTEGER,
  new_lapses          INTEGER NOT NULL,
  new_queue           TEXT NOT NULL,
  new_drill_day       INTEGER,
  duration_ms         INTEGER NOT NULL,
  scheduler           TEXT NOT NULL,
  prev_scheduler      TEXT,
  ${[...stateFields('prev_'), ...stateFields('new_')].join(',\n  ')}
);
INSERT INTO reviews_v9 (${OLD_REVIEW_COLUMNS}) SELECT ${OLD_REVIEW_COLUMNS} FROM reviews;
DROP TABLE reviews;
ALTER TABLE reviews_v9 RENAME TO reviews;
CREATE INDEX reviews_by_day ON reviews (day, kind);
CREATE INDEX reviews_by_card ON reviews (card_id);
${REVIEW_TOTALS_TRIGGERS}

CREATE TABLE presets (
  id                INTEGER PRIMARY KEY,
  name              TEXT NOT NULL UNIQUE,
  new_per_day       INTEGER NOT NULL CHECK (new_per_day >= 0),
  reviews_per_day   INTEGER NOT NULL CHECK (reviews_per_day >= 0),
  scheduler         TEXT NOT NULL DEFAULT 'sm2' CHECK (scheduler IN ('sm2', 'fsrs')),
  desired_retention REAL NOT NULL DEFAULT 0.9 CHECK (desired_retention BETWEEN 0.7 AND 0.99),
  fsrs_weights      TEXT
);
INSERT INTO presets (id, name, new_per_day, reviews_per_day)
  VALUES (1, 'Default', ${settingOr('newPerDay', 20)}, ${settingOr('reviewsPerDay', 200)});

CREATE TABLE deck_presets (
  deck_id   TEXT PRIMARY KEY,
  preset_id INTEGER NOT NULL REFERENCES presets (id) ON DELETE CASCADE
);
CREATE INDEX deck_presets_by_preset ON deck_presets (preset_id);
`;
