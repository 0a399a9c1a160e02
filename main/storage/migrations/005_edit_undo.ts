// Schema v5: the edit history (undo of in-app edits) is kept in the database, so a deleted card or deck can still
// be brought back after a restart. Each row is one undo step; its payload is JSON written by services/undoLog.ts
// (file patches: only the changed middle of each file, not whole files).
export const MIGRATION_005_EDIT_UNDO = /* sql */ `
CREATE TABLE edit_undo (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`;
