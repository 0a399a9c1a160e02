// Schema v7: the statistics screen (issue 15) in ≤ 200 ms at a million answers. Reading the year's answers row by
// row costs seconds (joined to each card's deck for retention per deck: 2 s at 1,000,000 answers), so the answers
// are also kept as running totals, one row per study day and kind — for all decks, and per deck (the card's deck
// now, card_state.deck_id, so a moved card takes its history along): how many, their time, how many per quality,
// and how many were young (the interval before the answer under 21 days) and of those not failed (quality ≥ 3).
// Triggers keep both exact: an answer adds itself, an undo (the row's deletion) takes itself back, a card changing
// deck moves its answers' share. Totals that undo brought to zero stay as rows of 0 (readers skip them).
// card_state_by_lapses finds the most-lapsed cards, card_state_by_interval counts young and mature, without a scan.

const YOUNG = (r: string) => `${r}.prev_interval_days < 21`;
const COLUMNS = ['answers', 'ms', 'q0', 'q1', 'q2', 'q3', 'q4', 'q5', 'young', 'young_passed'];
/** One answer's contribution to each column, in COLUMNS order. */
const ONE = (r: string) => ['1', `${r}.duration_ms`, ...[0, 1, 2, 3, 4, 5].map((q) => `(${r}.quality = ${q})`), `(${YOUNG(r)})`,
  `(${YOUNG(r)} AND ${r}.quality >= 3)`];
/** The contributions of a set of review rows `r`, summed. */
const SUMS = (r: string) => ONE(r).map((e) => (e === '1' ? 'COUNT(*)' : `SUM(${e})`));
const TOTALS_COLUMNS = COLUMNS.map((c) => `  ${c} INTEGER NOT NULL`).join(',\n');
const ADD_EXCLUDED = COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ');
const SUBTRACT_OLD = ONE('OLD').map((e, i) => `${COLUMNS[i]} = ${COLUMNS[i]} - ${e}`).join(', ');
const DECK_OF = (r: string) => `COALESCE((SELECT deck_id FROM card_state WHERE card_id = ${r}.card_id), '')`;

/** The triggers that keep the totals exact; migration 009 rebuilds `reviews` and creates them again. */
export const REVIEW_TOTALS_TRIGGERS = /* sql */ `
CREATE TRIGGER review_totals_add AFTER INSERT ON reviews BEGIN
  INSERT INTO review_day_totals VALUES (NEW.day, NEW.kind, ${ONE('NEW').join(', ')})
    ON CONFLICT DO UPDATE SET ${ADD_EXCLUDED};
  INSERT INTO review_deck_totals VALUES (${DECK_OF('NEW')}, NEW.kind, NEW.day, ${ONE('NEW').join(', ')})
    ON CONFLICT DO UPDATE SET ${ADD_EXCLUDED};
END;

CREATE TRIGGER review_totals_remove AFTER DELETE ON reviews BEGIN
  UPDATE review_day_totals SET ${SUBTRACT_OLD} WHERE day = OLD.day AND kind = OLD.kind;
  UPDATE review_deck_totals SET ${SUBTRACT_OLD} WHERE deck_id = ${DECK_OF('OLD')} AND kind = OLD.kind AND day = OLD.day;
END;

CREATE TRIGGER review_totals_follow_card AFTER UPDATE OF deck_id ON card_state WHEN OLD.deck_id IS NOT NEW.deck_id BEGIN
  UPDATE review_deck_totals SET ${COLUMNS.map((c) => `${c} = review_deck_totals.${c} - moved.${c}`).join(', ')}
    FROM (SELECT r.kind, r.day, ${SUMS('r').map((e, i) => `${e} AS ${COLUMNS[i]}`).join(', ')}
          FROM reviews r WHERE r.card_id = NEW.card_id GROUP BY r.kind, r.day) AS moved
    WHERE review_deck_totals.deck_id = COALESCE(OLD.deck_id, '') AND review_deck_totals.kind = moved.kind
      AND review_deck_totals.day = moved.day;
  INSERT INTO review_deck_totals SELECT COALESCE(NEW.deck_id, ''), r.kind, r.day, ${SUMS('r').join(', ')}
    FROM reviews r WHERE r.card_id = NEW.card_id GROUP BY r.kind, r.day
    ON CONFLICT DO UPDATE SET ${ADD_EXCLUDED};
END;
`;

export const MIGRATION_007_STATISTICS = /* sql */ `
CREATE TABLE review_day_totals (
  day  INTEGER NOT NULL,
  kind TEXT NOT NULL,
${TOTALS_COLUMNS},
  PRIMARY KEY (day, kind)
) WITHOUT ROWID;

CREATE TABLE review_deck_totals (
  deck_id TEXT NOT NULL,
  kind    TEXT NOT NULL,
  day     INTEGER NOT NULL,
${TOTALS_COLUMNS},
  PRIMARY KEY (deck_id, kind, day)
) WITHOUT ROWID;

INSERT INTO review_day_totals SELECT r.day, r.kind, ${SUMS('r').join(', ')} FROM reviews r WHERE true GROUP BY r.day, r.kind;
INSERT INTO review_deck_totals SELECT COALESCE(s.deck_id, ''), r.kind, r.day, ${SUMS('r').join(', ')}
  FROM reviews r LEFT JOIN card_state s ON s.card_id = r.card_id WHERE true GROUP BY 1, 2, 3;

${REVIEW_TOTALS_TRIGGERS}
CREATE INDEX card_state_by_lapses ON card_state (live, lapses) WHERE lapses > 0;
CREATE INDEX card_state_by_interval ON card_state (live, queue, interval_days);
`;
