// Schema v1. Deck files own card content; these tables own scheduling, history, proof results and settings.
export const MIGRATION_001_INIT = /* sql */ `
CREATE TABLE decks (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  description TEXT,
  source_path TEXT NOT NULL,
  read_only   INTEGER NOT NULL,
  built_in    INTEGER NOT NULL,
  -- 1 while the deck's file loads without errors; a broken file hides its cards but keeps their history.
  available   INTEGER NOT NULL DEFAULT 1,
  file_error  TEXT,
  synced_at   INTEGER NOT NULL
);

CREATE TABLE cards (
  id           TEXT PRIMARY KEY,
  deck_id      TEXT NOT NULL,
  position     INTEGER NOT NULL,
  front_md     TEXT NOT NULL,
  back_md      TEXT NOT NULL,
  proof_code   TEXT,
  proof_lang   TEXT,
  tags         TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL,
  -- Set when the card's id vanished from its file; cleared if it comes back. History is never deleted.
  removed_at   INTEGER,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX cards_by_deck ON cards (deck_id, position);

CREATE TABLE card_state (
  card_id        TEXT PRIMARY KEY REFERENCES cards (id),
  ef_milli       INTEGER NOT NULL DEFAULT 2500,
  reps           INTEGER NOT NULL DEFAULT 0,
  interval_days  INTEGER NOT NULL DEFAULT 0,
  due_day        INTEGER,
  lapses         INTEGER NOT NULL DEFAULT 0,
  queue          TEXT NOT NULL DEFAULT 'new' CHECK (queue IN ('new', 'review', 'suspended')),
  drill_day      INTEGER,
  last_review_at INTEGER,
  version        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX card_state_by_due ON card_state (queue, due_day);
CREATE INDEX card_state_by_drill ON card_state (drill_day) WHERE drill_day IS NOT NULL;

-- One row per answer, never edited. Undo restores prev_* and deletes the row.
CREATE TABLE reviews (
  id                  INTEGER PRIMARY KEY,
  card_id             TEXT NOT NULL,
  reviewed_at         INTEGER NOT NULL,
  day                 INTEGER NOT NULL,
  quality             INTEGER NOT NULL CHECK (quality BETWEEN 0 AND 5),
  kind                TEXT NOT NULL CHECK (kind IN ('new', 'review', 'drill')),
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
  scheduler           TEXT NOT NULL
);
CREATE INDEX reviews_by_day ON reviews (day, kind);
CREATE INDEX reviews_by_card ON reviews (card_id);

-- The latest result per card and backend.
CREATE TABLE proof_runs (
  card_id      TEXT NOT NULL,
  backend      TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  device       TEXT NOT NULL,
  ok           INTEGER NOT NULL,
  ms           REAL NOT NULL,
  ran_at       INTEGER NOT NULL,
  PRIMARY KEY (card_id, backend)
);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;
