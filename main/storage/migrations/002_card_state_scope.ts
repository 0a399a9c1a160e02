// Schema v2: card_state carries the card's deck and whether it is live (not removed, deck loaded), so that
// today's counts and queue are index-only scans of one table — a 100,000-card collection would otherwise join
// every due card to cards and decks on each answer. Sync keeps both columns up to date.
export const MIGRATION_002_CARD_STATE_SCOPE = /* sql */ `
ALTER TABLE card_state ADD COLUMN deck_id TEXT;
ALTER TABLE card_state ADD COLUMN live INTEGER NOT NULL DEFAULT 1;
UPDATE card_state SET
  deck_id = (SELECT c.deck_id FROM cards c WHERE c.id = card_state.card_id),
  live = COALESCE((SELECT c.removed_at IS NULL AND d.available = 1 FROM cards c JOIN decks d ON d.id = c.deck_id
                   WHERE c.id = card_state.card_id), 0);
DROP INDEX card_state_by_due;
CREATE INDEX card_state_by_due ON card_state (live, queue, due_day, drill_day);
CREATE INDEX card_state_by_deck_due ON card_state (deck_id, live, queue, due_day, drill_day);
`;
