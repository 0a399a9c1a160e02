// The review history of a preset's decks, card by card, for the FSRS optimizer and the "which scheduler fits me"
// comparison (issue 16). A card counts under the deck it is in now; answers of removed cards are left out.
import { DEFAULT_PRESET_ID } from '../contract/scheduling';
import type { CardHistory } from '../core/scheduler/evaluate';
import type { LoggedAnswer } from '../core/scheduler/replay';
import type { Db } from './database';

interface AnswerRow extends LoggedAnswer {
  cardId: string;
}

export function createHistoryStore(db: Db) {
  // Review ids give the order answers were given in (the log's order, as replay reads it).
  const ofPreset = db.prepare(`SELECT r.card_id AS cardId, r.quality, r.reviewed_at AS reviewedAt, r.day
    FROM reviews r JOIN card_state s ON s.card_id = r.card_id LEFT JOIN deck_presets dp ON dp.deck_id = s.deck_id
    WHERE COALESCE(dp.preset_id, ${DEFAULT_PRESET_ID}) = ? ORDER BY r.card_id, r.id`);

  return {
    /** Every answer to the cards of the decks that use the preset, grouped by card, each card's in order. */
    historiesOfPreset(presetId: number): CardHistory[] {
      const histories: CardHistory[] = [];
      for (const { cardId, quality, reviewedAt, day } of ofPreset.iterate(presetId) as Iterable<AnswerRow>) {
        const last = histories.at(-1);
        const answer = { quality, reviewedAt, day };
        if (last?.cardId === cardId) (last.answers as LoggedAnswer[]).push(answer);
        else histories.push({ cardId, answers: [answer] });
      }
      return histories;
    },
  };
}

export type HistoryStore = ReturnType<typeof createHistoryStore>;
