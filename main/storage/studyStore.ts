// Today's queue, answers and undo. Every mutation is one transaction and returns what it changed.
import type { Quality, StudyKind } from '../contract/api';
import { AppError } from '../contract/errors';
import { message } from '../contract/messages';
import type { CardSchedule } from '../core/scheduler/types';
import type { Db } from './database';
import { DECK_ORDER } from './collectionStore';
import { CARD_COLUMNS, STATE_COLUMNS, type CardRow, type StateRow } from './rows';

export interface StudyScope {
  /** Null studies every available deck (or the decks of `deckIds`). */
  deckId: string | null;
  today: number;
  /** A session over several decks (a parent row of the deck tree), in the home screen's order. */
  deckIds?: readonly string[];
}

export interface Remaining {
  newCards: number;
  reviews: number;
}


/** How many answers one session (scope and day) can take back; older ones are forgotten. */
export const ANSWER_UNDO_KEPT = 500;

const DUE_REVIEW = `s.queue = 'review' AND s.due_day <= @today AND (s.drill_day IS NULL OR s.drill_day <> @today)`;
const NEW = `s.queue = 'new' AND (s.drill_day IS NULL OR s.drill_day <> @today)`;
const DRILL = `s.drill_day = @today AND s.queue <> 'suspended'`;

/**
 * Two plans per query, both index-only on card_state (which mirrors each card's deck and liveness): over all
 * decks by (live, queue, due_day, drill_day), within one deck by (deck_id, live, …). Ties break on the index's
 * own order (drill_day, then rowid), so LIMIT stops at the first row: ordering by due_day and rowid alone made
 * SQLite join and sort every card of the most overdue day (0.2 ms an answer at 100,000 cards).
 */
function scopedStatements(db: Db, build: (scope: string) => string) {
  const all = db.prepare(build('s.live = 1'));
  const deck = db.prepare(build('s.deck_id = @deckId AND s.live = 1'));
  return (params: { deckId: string | null }) => (params.deckId === null ? all : deck);
}

export function createStudyStore(db: Db) {
  const doneToday = db.prepare(`SELECT kind, COUNT(*) AS n FROM reviews WHERE day = ? GROUP BY kind`);
  // Counts are capped at the remaining limit (LIMIT inside), so they stay cheap on big collections.
  const countReview = scopedStatements(db, (scope) => `SELECT COUNT(*) AS n FROM (SELECT 1 FROM card_state s WHERE ${scope} AND ${DUE_REVIEW} LIMIT @cap)`);
  const countNew = scopedStatements(db, (scope) => `SELECT COUNT(*) AS n FROM (SELECT 1 FROM card_state s WHERE ${scope} AND ${NEW} LIMIT @cap)`);
  // Today's drill is tiny: always start from its partial index, never from a scan of the live cards.
  const countDrill = scopedStatements(db, (scope) => `SELECT COUNT(*) AS n FROM card_state s INDEXED BY card_state_by_drill WHERE ${scope} AND ${DRILL}`);
  const firstReview = scopedStatements(db, (scope) => `SELECT ${CARD_COLUMNS} FROM card_state s CROSS JOIN cards c ON c.id = s.card_id
    WHERE ${scope} AND ${DUE_REVIEW} ORDER BY s.due_day, s.drill_day, s.rowid LIMIT 1`);
  // New cards come deck by deck in the order the home screen lists decks, each deck in file order.
  const firstNew = db.prepare(`SELECT ${CARD_COLUMNS} FROM cards c INDEXED BY cards_by_deck CROSS JOIN card_state s ON s.card_id = c.id
    WHERE c.deck_id = @deckId AND s.live = 1 AND ${NEW} ORDER BY c.position LIMIT 1`);
  const deckOrder = db.prepare(`SELECT id FROM decks WHERE available = 1 ORDER BY ${DECK_ORDER}`).pluck();
  // Drilled cards come back in the order they were failed, after the day's reviews and new cards (SM-2 step 7).
  const firstDrill = scopedStatements(db, (scope) => `SELECT ${CARD_COLUMNS} FROM card_state s INDEXED BY card_state_by_drill CROSS JOIN cards c ON c.id = s.card_id
    WHERE ${scope} AND ${DRILL} ORDER BY s.last_review_at, c.position LIMIT 1`);
  // Answering and undo need the scheduling state only, not the card text.
  const stateById = db.prepare(`SELECT ${STATE_COLUMNS} FROM card_state WHERE card_id = ?`);
  const insertReview = db.prepare(`INSERT INTO reviews (card_id, reviewed_at, day, quality, kind,
      prev_ef_milli, prev_reps, prev_interval_days, prev_due_day, prev_lapses, prev_queue, prev_drill_day, prev_last_review_at, prev_version,
      new_ef_milli, new_reps, new_interval_days, new_due_day, new_lapses, new_queue, new_drill_day, duration_ms, scheduler)
    VALUES (@cardId, @reviewedAt, @day, @quality, @kind,
      @prevEf, @prevReps, @prevInterval, @prevDue, @prevLapses, @prevQueue, @prevDrill, @prevLastReview, @prevVersion,
      @efMilli, @reps, @intervalDays, @dueDay, @lapses, @queue, @drillDay, @durationMs, @scheduler)`);
  const writeState = db.prepare(`UPDATE card_state SET ef_milli = @efMilli, reps = @reps, interval_days = @intervalDays,
      due_day = @dueDay, lapses = @lapses, queue = @queue, drill_day = @drillDay, last_review_at = @lastReviewAt,
      version = @version WHERE card_id = @cardId`);
  const reviewById = db.prepare(`SELECT * FROM reviews WHERE id = ?`);
  const deleteReview = db.prepare(`DELETE FROM reviews WHERE id = ?`);
  // Answer undo, per session: `deck_id IS @deckId` matches NULL (all decks) to NULL only.
  const SCOPE = `deck_id IS @deckId AND day = @today`;
  const insertUndo = db.prepare(`INSERT INTO answer_undo (review_id, deck_id, day) VALUES (@reviewId, @deckId, @today)`);
  const clearPastUndo = db.prepare(`DELETE FROM answer_undo WHERE day < ?`);
  // Past days' undo steps are dead (every read is scoped to today) and are cleared once per study day, not on
  // every answer: the DELETE scans the table, and the answer is the hot path. Rows a rolled-back clear left behind
  // stay unreachable until the next day's clear.
  let clearedBeforeDay = -Infinity;
  const trimUndo = db.prepare(`DELETE FROM answer_undo WHERE ${SCOPE} AND review_id <=
    (SELECT review_id FROM answer_undo WHERE ${SCOPE} ORDER BY review_id DESC LIMIT 1 OFFSET ${ANSWER_UNDO_KEPT})`);
  const latestUndo = db.prepare(`SELECT review_id FROM answer_undo WHERE ${SCOPE} ORDER BY review_id DESC LIMIT 1`).pluck();
  const deleteUndo = db.prepare(`DELETE FROM answer_undo WHERE review_id = ?`);
  const countUndo = db.prepare(`SELECT COUNT(*) FROM answer_undo WHERE ${SCOPE}`).pluck();

  function remaining(today: number, limits: { newPerDay: number; reviewsPerDay: number }): Remaining {
    const done = new Map((doneToday.all(today) as { kind: StudyKind; n: number }[]).map((r) => [r.kind, r.n]));
    return {
      newCards: Math.max(0, limits.newPerDay - (done.get('new') ?? 0)),
      reviews: Math.max(0, limits.reviewsPerDay - (done.get('review') ?? 0)),
    };
  }

  /** Restores the card's state from the review row and deletes the row (inside a transaction). Null if gone. */
  function restoreFrom(reviewId: number): string | null {
    const review = reviewById.get(reviewId) as Record<string, number | string | null> | undefined;
    if (!review) return null;
    const cardId = review.card_id as string;
    const current = stateById.get(cardId) as StateRow | undefined;
    writeState.run({
      cardId, efMilli: review.prev_ef_milli, reps: review.prev_reps, intervalDays: review.prev_interval_days,
      dueDay: review.prev_due_day, lapses: review.prev_lapses, queue: review.prev_queue,
      drillDay: review.prev_drill_day, lastReviewAt: review.prev_last_review_at,
      // Forward, never back: a window still showing the pre-undo version must not be able to answer.
      version: (current?.version ?? (review.prev_version as number)) + 1,
    });
    deleteReview.run(reviewId);
    return cardId;
  }

  return {
    remaining,

    counts(scope: StudyScope, left: Remaining) {
      const one = (deckId: string | null) => {
        const params = { deckId, today: scope.today };
        return {
          new: (countNew(params).get({ ...params, cap: left.newCards }) as { n: number }).n,
          review: (countReview(params).get({ ...params, cap: left.reviews }) as { n: number }).n,
          learning: (countDrill(params).get(params) as { n: number }).n,
        };
      };
      if (!scope.deckIds) return one(scope.deckId);
      // Several decks: each deck's counts summed, then capped at what today's limits leave for the session.
      const sum = scope.deckIds.map(one).reduce((a, b) => ({ new: a.new + b.new, review: a.review + b.review, learning: a.learning + b.learning }), { new: 0, review: 0, learning: 0 });
      return { new: Math.min(sum.new, left.newCards), review: Math.min(sum.review, left.reviews), learning: sum.learning };
    },

    /** Reviews due first, then new cards, then today's drill; limits respected. */
    next(scope: StudyScope, left: Remaining): { row: CardRow; kind: StudyKind } | null {
      // A session over several decks asks each deck (the one-deck plans) and takes the card the order says comes first.
      const scopes = (scope.deckIds ?? [scope.deckId]).map((deckId) => ({ deckId, today: scope.today }));
      const first = (query: ReturnType<typeof scopedStatements>, better: (a: CardRow, b: CardRow) => boolean) => {
        let found: CardRow | undefined;
        for (const params of scopes) {
          const row = query(params).get(params) as CardRow | undefined;
          if (row && (!found || better(row, found))) found = row;
        }
        return found;
      };
      if (left.reviews > 0) {
        const row = first(firstReview, (a, b) => (a.due_day ?? 0) < (b.due_day ?? 0));
        if (row) return { row, kind: 'review' };
      }
      if (left.newCards > 0) {
        const decks = scope.deckIds ?? (scope.deckId === null ? (deckOrder.all() as string[]) : [scope.deckId]);
        for (const deckId of decks) {
          const row = firstNew.get({ deckId, today: scope.today }) as CardRow | undefined;
          if (row) return { row, kind: 'new' };
        }
      }
      const row = first(firstDrill, (a, b) => (a.last_review_at ?? 0) < (b.last_review_at ?? 0));
      return row ? { row, kind: 'drill' } : null;
    },


    /**
     * Records one answer; refuses it if the card changed since it was shown. `schedule` turns the card's state
     * (read once, inside the transaction) into its next state. The answer becomes the latest undo step of the
     * session that gave it (`session`: its deck, or null for all decks; the day is the answer's). Returns the review id.
     */
    answer(input: {
      cardId: string; version: number; quality: Quality; session: { deckId: string | null };
      schedule: (before: StateRow) => { next: CardSchedule; kind: StudyKind };
      day: number; now: number; durationMs: number; scheduler: string;
    }): { reviewId: number; before: StateRow } {
      return db.transaction(() => {
        const before = stateById.get(input.cardId) as StateRow | undefined;
        if (!before) throw new AppError(message('study.cardNotFound', { cardId: input.cardId }));
        // A stale window or a double press names a version other than the current one.
        if (before.version !== input.version) throw new AppError(message('study.staleAnswer', { cardId: input.cardId }));
        const { next, kind } = input.schedule(before);
        const { lastInsertRowid } = insertReview.run({
          cardId: input.cardId, reviewedAt: input.now, day: input.day, quality: input.quality, kind,
          prevEf: before.ef_milli, prevReps: before.reps, prevInterval: before.interval_days, prevDue: before.due_day,
          prevLapses: before.lapses, prevQueue: before.queue, prevDrill: before.drill_day,
          prevLastReview: before.last_review_at, prevVersion: before.version,
          ...next, durationMs: Math.max(0, Math.round(input.durationMs)), scheduler: input.scheduler,
        });
        writeState.run({ ...next, cardId: input.cardId, lastReviewAt: input.now, version: before.version + 1 });
        const undoScope = { deckId: input.session.deckId, today: input.day };
        if (input.day > clearedBeforeDay) {
          clearPastUndo.run(input.day);
          clearedBeforeDay = input.day;
        }
        insertUndo.run({ reviewId: lastInsertRowid, ...undoScope });
        trimUndo.run(undoScope);
        return { reviewId: Number(lastInsertRowid), before };
      })();
    },

    /** How many answers the session over `scope` (deck or all decks, that day) can take back. */
    undoDepth: (scope: StudyScope): number => countUndo.get(scope) as number,

    /**
     * Takes back the session's latest answer: restores the card's state from the review row, deletes the row and
     * the undo entry, in one transaction. Returns the card id, or null when the session has nothing to undo.
     */
    undoLatest(scope: StudyScope): string | null {
      return db.transaction(() => {
        const reviewId = latestUndo.get(scope) as number | undefined;
        if (reviewId === undefined) return null;
        deleteUndo.run(reviewId);
        return restoreFrom(reviewId);
      })();
    },

    summarySince(since: number) {
      return db.prepare(`SELECT quality, COUNT(*) AS n, SUM(duration_ms) AS ms FROM reviews WHERE reviewed_at >= ? GROUP BY quality`).all(since) as {
        quality: number; n: number; ms: number;
      }[];
    },
  };
}

export type StudyStore = ReturnType<typeof createStudyStore>;
