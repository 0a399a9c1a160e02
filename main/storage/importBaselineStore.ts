// What the last notes import wrote per card (migration 008): read before a re-import, replaced after it.
import { createHash } from 'node:crypto';
import type { Db } from './database';

export interface StoredBaseline {
  id: string;
  question: string;
  answer: string;
  detached?: boolean;
}

/** A quick equality check between a card's text and its baseline, without comparing long answers. */
export function baselineHash(card: { question: string; answer: string }): string {
  return createHash('sha256').update(card.question).update('\u0000').update(card.answer).digest('hex');
}

export function readImportBaselines(db: Db, deckId: string): StoredBaseline[] {
  const rows = db.prepare(`SELECT card_id, question, answer, detached FROM import_baselines WHERE deck_id = ? ORDER BY position`).all(deckId) as {
    card_id: string; question: string; answer: string; detached: number;
  }[];
  return rows.map((row) => ({ id: row.card_id, question: row.question, answer: row.answer, ...(row.detached ? { detached: true } : {}) }));
}

/** The deck's baselines become exactly `cards` (a card no longer imported has none). One transaction. */
export function replaceImportBaselines(db: Db, deckId: string, cards: readonly StoredBaseline[], now: number): void {
  const insert = db.prepare(`INSERT INTO import_baselines (deck_id, card_id, position, question, answer, text_hash, detached, imported_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    db.prepare(`DELETE FROM import_baselines WHERE deck_id = ?`).run(deckId);
    cards.forEach((card, position) => insert.run(deckId, card.id, position, card.question, card.answer, baselineHash(card), card.detached ? 1 : 0, now));
  })();
}
