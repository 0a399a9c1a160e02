// The statistics screen's reads (issue 15). Answers are read from the running totals migration 007 keeps per study
// day, kind, quality and maturity — for all decks, and per deck (the card's deck now, removed cards included, as
// history is) — never row by row; the folding into windows and streaks is pure (core/stats).
import { MATURE_INTERVAL_DAYS, MOST_LAPSED_SHOWN, type CardStateCounts, type LapsedCard } from '../contract/statistics';
import type { AnswerGroup, DeckRetentionGroup } from '../core/stats';
import type { Db } from './database';

type Recency = DeckRetentionGroup['recency'];
/** Per deck: passed and total for each recency bucket and maturity, as columns p0y, t0y, p0m, t0m, p1y … */
type DeckRetentionRow = { deckId: string; deckName: string } & Record<string, number>;
const BUCKETS = [0, 1, 2].flatMap((recency) => [false, true].map((mature) => ({ recency: recency as Recency, mature, key: `${recency}${mature ? 'm' : 'y'}` })));

/** One statement for all decks, another for one deck (`@deckId`), picked by the scope. */
function scoped(db: Db, all: string, deck: string) {
  const statements = { all: db.prepare(all), deck: db.prepare(deck) };
  return (deckId: string | null) => (deckId === null ? statements.all : statements.deck);
}

const GROUP_COLUMNS = `day, kind, quality, SUM(answers) AS count, SUM(CASE WHEN mature THEN answers ELSE 0 END) AS mature,
  SUM(ms) AS ms`;
const RECENCY = `CASE WHEN t.day >= @from7 THEN 0 WHEN t.day >= @from30 THEN 1 ELSE 2 END`;
// One SUM per bucket rather than GROUP BY recency, maturity: grouping by the deck alone follows the key's order,
// so SQLite aggregates as it reads instead of sorting.
const BUCKET_SUMS = BUCKETS.map(({ recency, mature, key }) => {
  const inBucket = `${RECENCY} = ${recency} AND t.mature = ${mature ? 1 : 0}`;
  return `SUM(CASE WHEN ${inBucket} AND t.quality >= 3 THEN t.answers ELSE 0 END) AS p${key}, SUM(CASE WHEN ${inBucket} THEN t.answers ELSE 0 END) AS t${key}`;
}).join(',\n      ');

export function createStatsStore(db: Db) {
  const answerGroups = scoped(db,
    `SELECT ${GROUP_COLUMNS} FROM review_day_totals WHERE day BETWEEN @from AND @today GROUP BY day, kind, quality HAVING count > 0`,
    `SELECT ${GROUP_COLUMNS} FROM review_deck_totals WHERE deck_id = @deckId AND day BETWEEN @from AND @today
     GROUP BY day, kind, quality HAVING count > 0`);
  // All decks: the latest day with answers up to a day, a few key steps each, so a streak costs its length.
  const latestDayUpTo = db.prepare(`SELECT day FROM review_day_totals WHERE day <= ? AND answers > 0 ORDER BY day DESC LIMIT 1`).pluck();
  // One deck: its distinct days, newest first.
  const deckDays = db.prepare(`SELECT DISTINCT day FROM review_deck_totals WHERE deck_id = @deckId AND day <= @today AND answers > 0
    ORDER BY day DESC`).pluck();
  // Retention per deck over the year: each deck's answers to cards in review, read by key (deck, 'review', days).
  // The decks, one key seek each (a skip scan), not a read of every total.
  const deckRetention = db.prepare(`WITH RECURSIVE decksWithAnswers(deck_id) AS (
      SELECT MIN(deck_id) FROM review_deck_totals
      UNION ALL SELECT (SELECT MIN(deck_id) FROM review_deck_totals WHERE deck_id > d.deck_id) FROM decksWithAnswers d WHERE d.deck_id IS NOT NULL)
    SELECT d.deck_id AS deckId, COALESCE(n.name, d.deck_id) AS deckName,
      ${BUCKET_SUMS}
    FROM decksWithAnswers AS d
      CROSS JOIN review_deck_totals t ON t.deck_id = d.deck_id AND t.kind = 'review' AND t.day BETWEEN @from AND @today
      LEFT JOIN decks n ON n.id = d.deck_id
    GROUP BY d.deck_id HAVING SUM(t.answers) > 0`);
  const dueByDay = scoped(db,
    `SELECT due_day AS dueDay, COUNT(*) AS count FROM card_state WHERE live = 1 AND queue = 'review' AND due_day BETWEEN @today AND @last GROUP BY due_day`,
    `SELECT due_day AS dueDay, COUNT(*) AS count FROM card_state WHERE deck_id = @deckId AND live = 1 AND queue = 'review' AND due_day BETWEEN @today AND @last GROUP BY due_day`);
  const overdue = scoped(db,
    `SELECT COUNT(*) FROM card_state WHERE live = 1 AND queue = 'review' AND due_day < @today`,
    `SELECT COUNT(*) FROM card_state WHERE deck_id = @deckId AND live = 1 AND queue = 'review' AND due_day < @today`);
  const STATE_GROUPS = `SELECT queue, drill_day IS NOT NULL AND drill_day = @today AS drilling,
    interval_days >= ${MATURE_INTERVAL_DAYS} AS mature, COUNT(*) AS n FROM card_state`;
  const states = scoped(db,
    // Every live card's row is read: a plain scan of the table beats an index that would fetch each row anyway.
    `${STATE_GROUPS} NOT INDEXED WHERE live = 1 GROUP BY queue, drilling, mature`,
    `${STATE_GROUPS} WHERE deck_id = @deckId AND live = 1 GROUP BY queue, drilling, mature`);
  const LAPSED = `SELECT s.card_id AS cardId, s.deck_id AS deckId, substr(c.front_md, 1, 200) AS question, s.lapses AS lapses
    FROM card_state s INDEXED BY card_state_by_lapses CROSS JOIN cards c ON c.id = s.card_id`;
  // One deck starts from the deck's cards: the lapsed cards of all decks could be many.
  const LAPSED_IN_DECK = LAPSED.replace('INDEXED BY card_state_by_lapses', 'INDEXED BY card_state_by_deck_due');
  const mostLapsed = scoped(db,
    `${LAPSED} WHERE s.live = 1 AND s.lapses > 0 ORDER BY s.lapses DESC, s.rowid DESC LIMIT ${MOST_LAPSED_SHOWN}`,
    `${LAPSED_IN_DECK} WHERE s.deck_id = @deckId AND s.live = 1 AND s.lapses > 0 ORDER BY s.lapses DESC, s.rowid DESC LIMIT ${MOST_LAPSED_SHOWN}`);
  const deckName = db.prepare(`SELECT name FROM decks WHERE id = ?`).pluck();

  return {
    answerGroups(deckId: string | null, from: number, today: number): AnswerGroup[] {
      return answerGroups(deckId).all({ deckId, from, today }) as AnswerGroup[];
    },
    /** Distinct days with answers up to today, newest first, read lazily as far as the caller goes. */
    *studiedDays(deckId: string | null, today: number): Iterable<number> {
      if (deckId !== null) {
        yield* deckDays.iterate({ deckId, today }) as Iterable<number>;
        return;
      }
      for (let day = latestDayUpTo.get(today) as number | undefined; day !== undefined; day = latestDayUpTo.get(day - 1) as number | undefined) yield day;
    },
    deckRetention(from: number, today: number): DeckRetentionGroup[] {
      const rows = deckRetention.all({ from, from7: today - 6, from30: today - 29, today }) as DeckRetentionRow[];
      return rows.flatMap((r) => BUCKETS.filter(({ key }) => r[`t${key}`] > 0).map(({ recency, mature, key }) => ({
        deckId: r.deckId, deckName: r.deckName, recency, mature, passed: r[`p${key}`], total: r[`t${key}`],
      })));
    },
    dueByDay(deckId: string | null, today: number, last: number): { dueDay: number; count: number }[] {
      return dueByDay(deckId).all({ deckId, today, last }) as { dueDay: number; count: number }[];
    },
    overdue(deckId: string | null, today: number): number {
      return overdue(deckId).pluck().get({ deckId, today }) as number;
    },
    cardStates(deckId: string | null, today: number): CardStateCounts {
      const counts: CardStateCounts = { newCards: 0, learning: 0, young: 0, mature: 0, suspended: 0 };
      for (const r of states(deckId).all({ deckId, today }) as { queue: string; drilling: 0 | 1; mature: 0 | 1; n: number }[]) {
        if (r.queue === 'suspended') counts.suspended += r.n;
        else if (r.drilling) counts.learning += r.n;
        else if (r.queue === 'new') counts.newCards += r.n;
        else counts[r.mature ? 'mature' : 'young'] += r.n;
      }
      return counts;
    },
    mostLapsed(deckId: string | null): LapsedCard[] {
      return mostLapsed(deckId).all({ deckId }) as LapsedCard[];
    },
    deckName(deckId: string): string | null {
      return (deckName.get(deckId) as string | undefined) ?? null;
    },
  };
}

export type StatsStore = ReturnType<typeof createStatsStore>;
