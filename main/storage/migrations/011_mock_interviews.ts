// Schema v11 (issue 18): mock interviews and their answers. A mock keeps its selection (canonical JSON, so the
// same decks and tags compare equal as text: the report's "last mock on the same selection"), its settings, the
// seed its order came from, and when it started and finished. Its questions are rows from the start (grade NULL
// until answered), so an unfinished mock still shows what it asked. Answers live here, not in `reviews`: a mock
// without rescheduling must leave the review log and the statistics as they were.
export const MIGRATION_011_MOCK_INTERVIEWS = /* sql */ `
CREATE TABLE mock_interviews (
  id                   INTEGER PRIMARY KEY,
  selection            TEXT NOT NULL,
  question_count       INTEGER NOT NULL CHECK (question_count >= 1),
  seconds_per_question INTEGER NOT NULL CHECK (seconds_per_question >= 1),
  reschedule           INTEGER NOT NULL CHECK (reschedule IN (0, 1)),
  seed                 INTEGER NOT NULL,
  started_at           INTEGER NOT NULL,
  finished_at          INTEGER
);
CREATE INDEX mock_interviews_by_selection ON mock_interviews (selection, finished_at);

CREATE TABLE mock_answers (
  mock_id     INTEGER NOT NULL REFERENCES mock_interviews (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  card_id     TEXT NOT NULL,
  topics      TEXT NOT NULL,
  grade       TEXT CHECK (grade IN ('again', 'hard', 'good', 'easy')),
  ms          INTEGER,
  revealed    INTEGER NOT NULL DEFAULT 0 CHECK (revealed IN (0, 1)),
  timed_out   INTEGER NOT NULL DEFAULT 0 CHECK (timed_out IN (0, 1)),
  answered_at INTEGER,
  PRIMARY KEY (mock_id, position)
) WITHOUT ROWID;
`;
