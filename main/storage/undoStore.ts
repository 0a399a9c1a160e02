// The edit history's rows (migration 005): push, peek and pop, newest first, at most `limit` kept.
import type { Db } from './database';

export interface UndoRow {
  id: number;
  label: string;
  payload: string;
}

export function pushUndo(db: Db, row: { label: string; payload: string; now: number }, limit: number): void {
  db.transaction(() => {
    db.prepare(`INSERT INTO edit_undo (label, payload, created_at) VALUES (?, ?, ?)`).run(row.label, row.payload, row.now);
    db.prepare(`DELETE FROM edit_undo WHERE id NOT IN (SELECT id FROM edit_undo ORDER BY id DESC LIMIT ?)`).run(limit);
  })();
}

export function lastUndo(db: Db): UndoRow | undefined {
  return db.prepare(`SELECT id, label, payload FROM edit_undo ORDER BY id DESC LIMIT 1`).get() as UndoRow | undefined;
}

export function lastUndoLabel(db: Db): string | null {
  return (db.prepare(`SELECT label FROM edit_undo ORDER BY id DESC LIMIT 1`).pluck().get() as string | undefined) ?? null;
}

export function deleteUndo(db: Db, id: number): void {
  db.prepare(`DELETE FROM edit_undo WHERE id = ?`).run(id);
}
