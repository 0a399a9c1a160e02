// The statistics screen's reads (issue 15). Answers are read from the running totals migration 007 keeps per study
// day and kind — for all decks, and per deck (the card's deck now, removed cards included, as history is) — never
// row by row; the folding into windows and streaks is pure (core/stats).
import type { StudyKind } from '../contract/api';
import {
  MATURE_INTERVAL_DAYS, MOST_LAPSED_SHOWN, STATISTICS_WINDOWS, type CardStateCounts, type DeckRetention, type LapsedCard,
} from '../contract/statistics';
import { windowStart, type DayTotal } from '../core/stats';
import type { Db } from './database';

interface TotalsRow {
  day: number; kind: StudyKind; answers: number; ms: number;
  q0: number; q1: number; q2: number; q3: number; q4: number; q5: number; young: number; young_passed: number;
}
const TOTALS = `day, kind, answers, ms, q0, q1, q2, q3, q4, q5, young, young_passed`;
const dayTotalOf = (r: TotalsRow): DayTotal => ({
  day: r.day, kind: r.kind, answers: r.answers, ms: r.ms, byQuality: [r.q0, r.q1, r.q2, r.q3, r.q4, r.q5],
  young: r.young, youngPassed: r.young_passed,
});

/** One statement for all decks, another for one deck (`@deckId`), picked by the scope. */
function scoped(db: Db, all: string, deck: string) {
  const statements = { all: db.prepare(all), deck: db.prepare(deck) };
  return (deckId: string | null) => (deckId === null ? statements.all : statements.deck);
}

// Retention per deck: per window, young answers and passes, all answers and passes (quality ≥ 3).
const WINDOW_SUMS = STATISTICS_WINDOWS.map((w) => {
  const inWindow = `t.day >= @from${w}`;
  return [`SUM(CASE WHEN ${inWindow} THEN t.young ELSE 0 END) AS young${w}`,
    `SUM(CASE WHEN ${inWindow} THEN t.young_passed ELSE 0 END) AS youngPassed${w}`,
    `SUM(CASE WHEN ${inWindow} THEN t.answers ELSE 0 END) AS answers${w}`,
    `SUM(CASE WHEN ${inWindow} THEN t.q3 + t.q4 + t.q5 ELSE 0 END) AS passed${w}`].join(', ');
}).join(',\n      ');

export function createStatsStore(db: Db) {
  const totals = scoped(db,
    `SELECT ${TOTALS} FROM review_day_totals WHERE day BETWEEN @from AND @today AND answers > 0`,
    `SELECT ${TOTALS} FROM review_deck_totals WHERE deck_id = @deckId AND day BETWEEN @from AND @today AND answers > 0`);
  // All decks: the latest day with answers up to a day, a few key steps each, so a streak costs its length.
  const latestDayUpTo = db.prepare(`SELECT day FROM review_day_totals WHERE day <= ? AND answers > 0 ORDER BY day DESC LIMIT 1`).pluck();
  // One deck: its distinct days, newest first.
  const deckDays = db.prepare(`SELECT DISTINCT day FROM review_deck_totals WHERE deck_id = @deckId AND day <= @today AND answers > 0
    ORDER BY day DESC`).pluck();
  // Retention per deck over the year: the decks found by a skip scan (one key seek each), then each deck's
  // totals of answers to cards in review by key (deck, 'review', days).
  const deckRetention = db.prepare(`WITH RECURSIVE decksWithAnswers(deck_id) AS (
      SELECT MIN(deck_id) FROM review_deck_totals
      UNION ALL SELECT (SELECT MIN(deck_id) FROM review_deck_totals WHERE deck_id > d.deck_id) FROM decksWithAnswers d WHERE d.deck_id IS NOT NULL)
    SELECT d.deck_id AS deckId, COALESCE(n.name, d.deck_id) AS deckName,
      ${WINDOW_SUMS}
    FROM decksWithAnswers AS d
      CROSS JOIN review_deck_totals t ON t.deck_id = d.deck_id AND t.kind = 'review' AND t.day BETWEEN @from365 AND @today
      LEFT JOIN decks n ON n.id = d.deck_id
    GROUP BY d.deck_id HAVING SUM(t.answers) > 0`);
  const dueByDay = scoped(db,
    `SELECT due_day AS dueDay, COUNT(*) AS count FROM card_state WHERE live = 1 AND queue = 'review' AND due_day BETWEEN @today AND @last GROUP BY due_day`,
    `SELECT due_day AS dueDay, COUNT(*) AS count FROM card_state WHERE deck_id = @deckId AND live = 1 AND queue = 'review' AND due_day BETWEEN @today AND @last GROUP BY due_day`);
  const overdueCount = scoped(db,
    `SELECT COUNT(*) FROM card_state WHERE live = 1 AND queue = 'review' AND due_day < @today`,
    `SELECT COUNT(*) FROM card_state WHERE deck_id = @deckId AND live = 1 AND queue = 'review' AND due_day < @today`);
  // Every live card by queue, young/mature counted from the (live, queue, interval_days) index alone; today's
  // drill (a few cards, by its partial index) is then moved out of its queue's count into learning.
  const MATURE = `interval_days >= ${MATURE_INTERVAL_DAYS}`;
  const byQueue = scoped(db,
    `SELECT queue, COUNT(*) AS n, SUM(${MATURE}) AS mature FROM card_state INDEXED BY card_state_by_interval WHERE live = 1 GROUP BY queue`,
    `SELECT queue, COUNT(*) AS n, SUM(${MATURE}) AS mature FROM card_state WHERE deck_id = @deckId AND live = 1 GROUP BY queue`);
  const drilling = scoped(db,
    `SELECT queue, COUNT(*) AS n, SUM(${MATURE}) AS mature FROM card_state INDEXED BY card_state_by_drill
     WHERE drill_day = @today AND live = 1 AND queue <> 'suspended' GROUP BY queue`,
    `SELECT queue, COUNT(*) AS n, SUM(${MATURE}) AS mature FROM card_state INDEXED BY card_state_by_drill
     WHERE drill_day = @today AND deck_id = @deckId AND live = 1 AND queue <> 'suspended' GROUP BY queue`);
  // FSRS cards in a (re)learning step are learning too, whenever the step is due (their partial index holds only them).
  const stepping = scoped(db,
    `SELECT queue, COUNT(*) AS n, SUM(${MATURE}) AS mature FROM card_state INDEXED BY card_state_by_due_at
     WHERE due_at IS NOT NULL AND live = 1 AND queue <> 'suspended' GROUP BY queue`,
    `SELECT queue, COUNT(*) AS n, SUM(${MATURE}) AS mature FROM card_state INDEXED BY card_state_by_due_at
     WHERE deck_id = @deckId AND due_at IS NOT NULL AND live = 1 AND queue <> 'suspended' GROUP BY queue`);
  const LAPSED = `SELECT s.card_id AS cardId, s.deck_id AS deckId, substr(c.front_md, 1, 200) AS question, s.lapses AS lapses
    FROM card_state s INDEXED BY card_state_by_lapses CROSS JOIN cards c ON c.id = s.card_id`;
  // One deck starts from the deck's cards: the lapsed cards of all decks could be many.
  const LAPSED_IN_DECK = LAPSED.replace('INDEXED BY card_state_by_lapses', 'INDEXED BY card_state_by_deck_due');
  const mostLapsed = scoped(db,
    `${LAPSED} WHERE s.live = 1 AND s.lapses > 0 ORDER BY s.lapses DESC, s.rowid DESC LIMIT ${MOST_LAPSED_SHOWN}`,
    `${LAPSED_IN_DECK} WHERE s.deck_id = @deckId AND s.live = 1 AND s.lapses > 0 ORDER BY s.lapses DESC, s.rowid DESC LIMIT ${MOST_LAPSED_SHOWN}`);
  const deckName = db.prepare(`SELECT name FROM decks WHERE id = ?`).pluck();

  type QueueRow = { queue: string; n: number; mature: number };
  return {
    /** The totals of each day and kind with answers, from `from` to `today`. */
    dayTotals(deckId: string | null, from: number, today: number): DayTotal[] {
      return (totals(deckId).all({ deckId, from, today }) as TotalsRow[]).map(dayTotalOf);
    },
    /** Distinct days with answers up to today, newest first, read lazily as far as the caller goes. */
    *studiedDays(deckId: string | null, today: number): Iterable<number> {
      if (deckId !== null) {
        yield* deckDays.iterate({ deckId, today }) as Iterable<number>;
        return;
      }
      for (let day = latestDayUpTo.get(today) as number | undefined; day !== undefined; day = latestDayUpTo.get(day - 1) as number | undefined) yield day;
    },
    /** Retention per deck with answers to cards in review over the last year (unsorted). */
    deckRetention(today: number): DeckRetention[] {
      const params = Object.fromEntries([['today', today], ...STATISTICS_WINDOWS.map((w) => [`from${w}`, windowStart(today, w)])]);
      return (deckRetention.all(params) as Record<string, number | string>[]).map((r) => ({
        deckId: r.deckId as string,
        deckName: r.deckName as string,
        windows: STATISTICS_WINDOWS.map((days) => {
          const [young, youngPassed, answers, passed] = ['young', 'youngPassed', 'answers', 'passed'].map((k) => r[`${k}${days}`] as number);
          return { days, young: { passed: youngPassed, total: young }, mature: { passed: passed - youngPassed, total: answers - young } };
        }),
      }));
    },
    dueByDay(deckId: string | null, today: number, last: number): { dueDay: number; count: number }[] {
      return dueByDay(deckId).all({ deckId, today, last }) as { dueDay: number; count: number }[];
    },
    overdue(deckId: string | null, today: number): number {
      return overdueCount(deckId).pluck().get({ deckId, today }) as number;
    },
    cardStates(deckId: string | null, today: number): CardStateCounts {
      const counts: CardStateCounts = { newCards: 0, learning: 0, young: 0, mature: 0, suspended: 0 };
      const add = (rows: QueueRow[], sign: 1 | -1) => {
        for (const r of rows) {
          if (r.queue === 'suspended') counts.suspended += sign * r.n;
          else if (r.queue === 'new') counts.newCards += sign * r.n;
          else {
            counts.mature += sign * r.mature;
            counts.young += sign * (r.n - r.mature);
          }
        }
      };
      add(byQueue(deckId).all({ deckId }) as QueueRow[], 1);
      const drilled = [...(drilling(deckId).all({ deckId, today }) as QueueRow[]), ...(stepping(deckId).all({ deckId }) as QueueRow[])];
      add(drilled, -1);
      counts.learning = drilled.reduce((n, r) => n + r.n, 0);
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
