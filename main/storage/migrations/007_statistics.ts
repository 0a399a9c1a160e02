// Schema v7: the statistics screen (issue 15) reads a year of answers in one pass. reviews_by_day (day, kind)
// becomes a covering index of every column those aggregates read, so a year of a million answers is scanned in
// the index alone, in day order, without touching the table; today's counts still use its (day, kind) prefix.
// card_state_by_deck_card lets a deck's answers be found from its cards (card_id → reviews_by_card) without reading
// card_state rows; card_state_by_lapses finds the most-lapsed live cards without scanning them all.
export const MIGRATION_007_STATISTICS = /* sql */ `
DROP INDEX reviews_by_day;
CREATE INDEX reviews_by_day ON reviews (day, kind, quality, prev_interval_days, duration_ms, card_id);
CREATE INDEX card_state_by_deck_card ON card_state (deck_id, card_id);
CREATE INDEX card_state_by_lapses ON card_state (live, lapses) WHERE lapses > 0;
`;
