// Schema v10 (issue 17): the user's last attempt at each coding card — the code they last ran, whether it passed,
// checks passed/total, how many runs that review took and the time to solve — shown the next time the card comes
// up ("last time: passed in 4 min") and restorable into the editor. One row per card (the last attempt, not a log):
// history of grades stays in `reviews`. Never in proof_runs, which records the card's own proof.
export const MIGRATION_010_CODE_ATTEMPTS = /* sql */ `
CREATE TABLE code_attempts (
  card_id TEXT PRIMARY KEY REFERENCES cards (id),
  code TEXT NOT NULL,
  passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
  checks_passed INTEGER NOT NULL CHECK (checks_passed >= 0),
  checks_total INTEGER NOT NULL CHECK (checks_total >= checks_passed),
  runs INTEGER NOT NULL CHECK (runs >= 1),
  solve_ms INTEGER NOT NULL CHECK (solve_ms >= 0),
  attempted_at INTEGER NOT NULL
);
`;
