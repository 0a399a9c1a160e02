// Schema v6: answer undo belongs to the session that answered — its scope (one deck, or all decks when deck_id is
// NULL) and its study day — and survives a restart, as edit undo does. One row per undoable answer; undo removes
// the row in the transaction that restores the card. Rows of past days are cleared; each scope keeps the last 500.
export const MIGRATION_006_ANSWER_UNDO = /* sql */ `
CREATE TABLE answer_undo (
  review_id INTEGER PRIMARY KEY,
  deck_id   TEXT,
  day       INTEGER NOT NULL
);
CREATE INDEX answer_undo_by_scope ON answer_undo (deck_id, day, review_id);
`;
