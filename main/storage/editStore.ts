// Database side of in-app edits. An edit rewrites one or two deck files and reconciles just those decks with
// `applyDeckFiles` (collectionStore.ts, the same per-deck rules as the start-up sync), which is what keeps a save
// within milliseconds on a 100,000-card collection.
import type { CardQueue, CardView } from '../contract/api';
import type { Db } from './database';
export { applyDeckFiles, type DeckApplyChanges } from './collectionStore';
import { CARD_COLUMNS, cardViewOf, type CardRow } from './rows';

export interface CardLocation {
  id: string;
  deckId: string;
  contentHash: string;
  removed: boolean;
}

export function cardLocations(db: Db, cardIds: readonly string[]): Map<string, CardLocation> {
  const rows = db.prepare(`SELECT id, deck_id, content_hash, removed_at FROM cards WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(cardIds)) as { id: string; deck_id: string; content_hash: string; removed_at: number | null }[];
  return new Map(rows.map((r) => [r.id, { id: r.id, deckId: r.deck_id, contentHash: r.content_hash, removed: r.removed_at !== null }]));
}

/** Every card id ever seen (removed ones too: reusing one would resurrect its history in the wrong card). */
export function takenCardIds(db: Db): Set<string> {
  return new Set((db.prepare(`SELECT id FROM cards`).pluck().all() as string[]));
}

export function takenDeckIds(db: Db): Set<string> {
  return new Set((db.prepare(`SELECT id FROM decks`).pluck().all() as string[]));
}

export interface QueueSnapshot {
  cardId: string;
  queue: CardQueue;
}

/** Suspends or unsuspends; returns the previous queues (for undo). An unsuspended card goes back to new or review. */
/** Suspends or unsuspends the named cards that exist (not removed); returns their queues before, for undo. */
export function setSuspended(db: Db, cardIds: readonly string[], suspended: boolean): QueueSnapshot[] {
  return db.transaction(() => {
    const before = db.prepare(`SELECT s.card_id AS cardId, s.queue FROM card_state s JOIN cards c ON c.id = s.card_id
      WHERE c.removed_at IS NULL AND s.card_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(cardIds)) as QueueSnapshot[];
    const ids = JSON.stringify(before.map((row) => row.cardId));
    if (suspended) {
      db.prepare(`UPDATE card_state SET queue = 'suspended', version = version + 1
        WHERE queue <> 'suspended' AND card_id IN (SELECT value FROM json_each(?))`).run(ids);
    } else {
      db.prepare(`UPDATE card_state SET queue = CASE WHEN reps = 0 AND due_day IS NULL THEN 'new' ELSE 'review' END, version = version + 1
        WHERE queue = 'suspended' AND card_id IN (SELECT value FROM json_each(?))`).run(ids);
    }
    return before;
  })();
}

export function restoreQueues(db: Db, snapshot: readonly QueueSnapshot[]): void {
  const update = db.prepare(`UPDATE card_state SET queue = ?, version = version + 1 WHERE card_id = ? AND queue <> ?`);
  db.transaction(() => {
    for (const { cardId, queue } of snapshot) update.run(queue, cardId, queue);
  })();
}

export function cardView(db: Db, cardId: string): CardView | null {
  const row = db.prepare(`SELECT ${CARD_COLUMNS} FROM cards c JOIN card_state s ON s.card_id = c.id WHERE c.id = ?`).get(cardId) as CardRow | undefined;
  return row ? cardViewOf(row) : null;
}
