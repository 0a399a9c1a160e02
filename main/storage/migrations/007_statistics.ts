// Schema v7: the statistics screen (issue 15) in ≤ 200 ms at a million answers. Reading the year's answers row by
// row costs seconds (a join to each card's deck for retention per deck: 2 s at 1,000,000 answers), so the answers
// are also kept as running totals per study day, kind, quality and maturity (the interval before the answer ≥ 21
// days): for all decks, and per deck (the card's deck now, card_state.deck_id, so a moved card takes its history
// along). Triggers keep both exact: an answer adds itself, an undo (the row's deletion) takes itself back, a card
// changing deck moves its answers' share. Totals that undo brought to zero stay as rows of 0 (readers skip them).
// card_state_by_lapses finds the most-lapsed cards without a scan.
const MATURE = `>= 21`;
export const MIGRATION_007_STATISTICS = /* sql */ `
CREATE TABLE review_day_totals (
  day     INTEGER NOT NULL,
  kind    TEXT NOT NULL,
  quality INTEGER NOT NULL,
  mature  INTEGER NOT NULL,
  answers INTEGER NOT NULL,
  ms      INTEGER NOT NULL,
  PRIMARY KEY (day, kind, quality, mature)
) WITHOUT ROWID;

CREATE TABLE review_deck_totals (
  deck_id TEXT NOT NULL,
  kind    TEXT NOT NULL,
  day     INTEGER NOT NULL,
  quality INTEGER NOT NULL,
  mature  INTEGER NOT NULL,
  answers INTEGER NOT NULL,
  ms      INTEGER NOT NULL,
  PRIMARY KEY (deck_id, kind, day, quality, mature)
) WITHOUT ROWID;

INSERT INTO review_day_totals
  SELECT day, kind, quality, prev_interval_days ${MATURE}, COUNT(*), SUM(duration_ms) FROM reviews WHERE true GROUP BY 1, 2, 3, 4;
INSERT INTO review_deck_totals
  SELECT COALESCE(s.deck_id, ''), r.kind, r.day, r.quality, r.prev_interval_days ${MATURE}, COUNT(*), SUM(r.duration_ms)
  FROM reviews r LEFT JOIN card_state s ON s.card_id = r.card_id WHERE true GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER review_totals_add AFTER INSERT ON reviews BEGIN
  INSERT INTO review_day_totals VALUES (NEW.day, NEW.kind, NEW.quality, NEW.prev_interval_days ${MATURE}, 1, NEW.duration_ms)
    ON CONFLICT DO UPDATE SET answers = answers + 1, ms = ms + excluded.ms;
  INSERT INTO review_deck_totals VALUES (COALESCE((SELECT deck_id FROM card_state WHERE card_id = NEW.card_id), ''),
      NEW.kind, NEW.day, NEW.quality, NEW.prev_interval_days ${MATURE}, 1, NEW.duration_ms)
    ON CONFLICT DO UPDATE SET answers = answers + 1, ms = ms + excluded.ms;
END;

CREATE TRIGGER review_totals_remove AFTER DELETE ON reviews BEGIN
  UPDATE review_day_totals SET answers = answers - 1, ms = ms - OLD.duration_ms
    WHERE day = OLD.day AND kind = OLD.kind AND quality = OLD.quality AND mature = (OLD.prev_interval_days ${MATURE});
  UPDATE review_deck_totals SET answers = answers - 1, ms = ms - OLD.duration_ms
    WHERE deck_id = COALESCE((SELECT deck_id FROM card_state WHERE card_id = OLD.card_id), '')
      AND kind = OLD.kind AND day = OLD.day AND quality = OLD.quality AND mature = (OLD.prev_interval_days ${MATURE});
END;

CREATE TRIGGER review_totals_follow_card AFTER UPDATE OF deck_id ON card_state WHEN OLD.deck_id IS NOT NEW.deck_id BEGIN
  UPDATE review_deck_totals SET answers = review_deck_totals.answers - moved.answers, ms = review_deck_totals.ms - moved.ms
    FROM (SELECT kind, day, quality, prev_interval_days ${MATURE} AS mature, COUNT(*) AS answers, SUM(duration_ms) AS ms
          FROM reviews WHERE card_id = NEW.card_id GROUP BY 1, 2, 3, 4) AS moved
    WHERE review_deck_totals.deck_id = COALESCE(OLD.deck_id, '') AND review_deck_totals.kind = moved.kind
      AND review_deck_totals.day = moved.day AND review_deck_totals.quality = moved.quality AND review_deck_totals.mature = moved.mature;
  INSERT INTO review_deck_totals
    SELECT COALESCE(NEW.deck_id, ''), kind, day, quality, prev_interval_days ${MATURE}, COUNT(*), SUM(duration_ms)
    FROM reviews WHERE card_id = NEW.card_id GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT DO UPDATE SET answers = answers + excluded.answers, ms = ms + excluded.ms;
END;

CREATE INDEX card_state_by_lapses ON card_state (live, lapses) WHERE lapses > 0;
`;
