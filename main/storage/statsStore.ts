// The statistics screen's reads (issue 15): each aggregate is one statement, grouped as far as SQL can group it
// cheaply; the folding into windows and streaks is pure (core/stats). All decks read the reviews by day through a
// covering index (migration 007); one deck starts from its cards and reaches their answers by card id.
// A deck's answers are those of the cards now in it (card_state.deck_id), removed cards included, as history is.
import type { Quality, StudyKind } from '../contract/api';
import { MATURE_INTERVAL_DAYS, MOST_LAPSED_SHOWN, type CardStateCounts, type LapsedCard } from '../contract/statistics';
import type { AnswerGroup, DeckRetentionGroup } from '../core/stats';
import type { Db } from './database';

interface AnswerGroupRow { day: number; kind: StudyKind; quality: Quality; mature: 0 | 1; count: number; ms: number }
interface DeckRetentionRow { deckId: string; deckName: string; recency: 0 | 1 | 2; mature: 0 | 1; passed: number; total: number }

/** One statement for all decks, another for one deck (`@deckId`), picked by the scope. */
function scoped(db: Db, all: string, deck: string) {
  const statements = { all: db.prepare(all), deck: db.prepare(deck) };
  return (deckId: string | null) => (deckId === null ? statements.all : statements.deck);
}

const GROUP_COLUMNS = (r: string) => `${r}.day AS day, ${r}.kind AS kind, ${r}.quality AS quality,
  ${r}.prev_interval_days >= ${MATURE_INTERVAL_DAYS} AS mature, COUNT(*) AS count, SUM(${r}.duration_ms) AS ms`;
const DECK_REVIEWS = `card_state s INDEXED BY card_state_by_deck_card CROSS JOIN reviews r INDEXED BY reviews_by_card ON r.card_id = s.card_id`;

export function createStatsStore(db: Db) {
  const answerGroups = scoped(db,
    `SELECT ${GROUP_COLUMNS('r')} FROM reviews r INDEXED BY reviews_by_day WHERE r.day BETWEEN @from AND @today
     GROUP BY r.day, r.kind, r.quality, mature`,
    `SELECT ${GROUP_COLUMNS('r')} FROM ${DECK_REVIEWS} WHERE s.deck_id = @deckId AND r.day BETWEEN @from AND @today
     GROUP BY r.day, r.kind, r.quality, mature`);
  // Newest first, read only as far as the streak goes (core/stats currentStreak stops at the first gap).
  const studiedDays = scoped(db,
    `SELECT DISTINCT day FROM reviews INDEXED BY reviews_by_day WHERE day <= @today ORDER BY day DESC`,
    `SELECT DISTINCT r.day FROM ${DECK_REVIEWS} WHERE s.deck_id = @deckId AND r.day <= @today ORDER BY r.day DESC`);
  // Answers to cards in review over the year, per deck: the index gives the year's rows, each joined to its card.
  const deckRetention = db.prepare(`SELECT s.deck_id AS deckId, COALESCE(d.name, s.deck_id) AS deckName,
      CASE WHEN r.day >= @from7 THEN 0 WHEN r.day >= @from30 THEN 1 ELSE 2 END AS recency,
      r.prev_interval_days >= ${MATURE_INTERVAL_DAYS} AS mature, SUM(r.quality >= 3) AS passed, COUNT(*) AS total
    FROM reviews r INDEXED BY reviews_by_day
      CROSS JOIN card_state s ON s.card_id = r.card_id
      LEFT JOIN decks d ON d.id = s.deck_id
    WHERE r.day BETWEEN @from AND @today AND r.kind = 'review'
    GROUP BY s.deck_id, recency, mature`);
  const dueByDay = scoped(db,
    `SELECT due_day AS dueDay, COUNT(*) AS count FROM card_state WHERE live = 1 AND queue = 'review' AND due_day BETWEEN @today AND @last GROUP BY due_day`,
    `SELECT due_day AS dueDay, COUNT(*) AS count FROM card_state WHERE deck_id = @deckId AND live = 1 AND queue = 'review' AND due_day BETWEEN @today AND @last GROUP BY due_day`);
  const overdue = scoped(db,
    `SELECT COUNT(*) FROM card_state WHERE live = 1 AND queue = 'review' AND due_day < @today`,
    `SELECT COUNT(*) FROM card_state WHERE deck_id = @deckId AND live = 1 AND queue = 'review' AND due_day < @today`);
  const STATE_GROUPS = `SELECT queue, drill_day IS NOT NULL AND drill_day = @today AS drilling,
    interval_days >= ${MATURE_INTERVAL_DAYS} AS mature, COUNT(*) AS n FROM card_state`;
  const states = scoped(db,
    `${STATE_GROUPS} WHERE live = 1 GROUP BY queue, drilling, mature`,
    `${STATE_GROUPS} WHERE deck_id = @deckId AND live = 1 GROUP BY queue, drilling, mature`);
  const LAPSED = `SELECT s.card_id AS cardId, s.deck_id AS deckId, substr(c.front_md, 1, 200) AS question, s.lapses AS lapses
    FROM card_state s INDEXED BY card_state_by_lapses CROSS JOIN cards c ON c.id = s.card_id`;
  const mostLapsed = scoped(db,
    `${LAPSED} WHERE s.live = 1 AND s.lapses > 0 ORDER BY s.lapses DESC, s.rowid DESC LIMIT ${MOST_LAPSED_SHOWN}`,
    `${LAPSED} WHERE s.deck_id = @deckId AND s.live = 1 AND s.lapses > 0 ORDER BY s.lapses DESC, s.rowid DESC LIMIT ${MOST_LAPSED_SHOWN}`);
  const deckName = db.prepare(`SELECT name FROM decks WHERE id = ?`).pluck();

  return {
    answerGroups(deckId: string | null, from: number, today: number): AnswerGroup[] {
      const rows = answerGroups(deckId).all({ deckId, from, today }) as AnswerGroupRow[];
      return rows.map((r) => ({ ...r, mature: r.mature === 1 }));
    },
    /** Distinct days with answers up to today, newest first, lazily. */
    studiedDays(deckId: string | null, today: number): Iterable<number> {
      return studiedDays(deckId).pluck().iterate({ deckId, today }) as Iterable<number>;
    },
    deckRetention(from: number, today: number): DeckRetentionGroup[] {
      const rows = deckRetention.all({ from, from7: today - 6, from30: today - 29, today }) as DeckRetentionRow[];
      return rows.map((r) => ({ ...r, mature: r.mature === 1 }));
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
