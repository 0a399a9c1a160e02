// Schema v8: per card of a deck imported from notes, what the last import wrote (issue 14). A re-import compares
// three ways — this baseline, the deck as the user left it, the notes now — so it never overwrites the user's
// edits and tells a renamed section from a new one. The text is kept, not only its hash: matching a section to
// its card needs the words. Import bookkeeping, like history, so it lives with history here, not in the deck file.
export const MIGRATION_008_IMPORT_BASELINES = /* sql */ `
CREATE TABLE import_baselines (
  deck_id TEXT NOT NULL,
  card_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  -- 1: the user's card kept beside the notes' version of it ("keep both"); re-imports carry it over unmatched.
  detached INTEGER NOT NULL DEFAULT 0,
  imported_at INTEGER NOT NULL,
  PRIMARY KEY (deck_id, card_id)
) WITHOUT ROWID;
`;
