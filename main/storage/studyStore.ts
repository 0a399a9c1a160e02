// Today's queue, answers and undo. Every mutation is one transaction and returns what it changed.
import type { Quality, StudyKind } from '../contract/api';
import type { AnswerKind, SchedulerState } from '../core/scheduler/state';
import { AppError } from '../contract/errors';
import { message } from '../contract/messages';
import type { Db } from './database';
import { DECK_ORDER } from './collectionStore';
import { DEFAULT_PRESET_ID } from './presetStore';
import { CARD_COLUMNS, STATE_COLUMNS, columnsOf, stateOf, type CardRow, type StateColumns, type StateRow } from './rows';

export interface StudyScope {
  /** Null studies every available deck (or the decks of `deckIds`). */
  deckId: string | null;
  today: number;
  /** A session over several decks (a parent row of the deck tree), in the home screen's order. */
  deckIds?: readonly string[];
  /** The instant FSRS learning steps are due against (they are due at an instant, not on a day). */
  now: number;
}

export interface Remaining {
  newCards: number;
  reviews: number;
}

/** Decks of a session that share a preset, with what its daily limits leave today. */
export interface SessionGroup {
  decks: (string | null)[];
  left: Remaining;
}

/** FSRS learning cards due this soon are shown when nothing else is left (Anki's "learn ahead limit"). */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** How many answers one session (scope and day) can take back; older ones are forgotten. */
export const ANSWER_UNDO_KEPT = 500;

const DUE_REVIEW = `s.queue = 'review' AND s.due_day <= @today AND (s.drill_day IS NULL OR s.drill_day <> @today)`;
const NEW = `s.queue = 'new' AND (s.drill_day IS NULL OR s.drill_day <> @today)`;
const DRILL = `s.drill_day = @today AND s.queue <> 'suspended'`;
/** An FSRS (re)learning step due by @until: the partial index over due_at holds only cards in the steps. */
const LEARNING = `s.due_at IS NOT NULL AND s.due_at <= @until AND s.queue <> 'suspended'`;

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
  // Today's answers, read from the statistics' running totals (migration 007) by key, never row by row: all decks'
  // from review_day_totals, and those of decks given a preset of their own from review_deck_totals (a card's deck
  // now); what is left is the default preset's. A join over today's answers cost a lookup per answer on every step.
  const doneToday = db.prepare(`SELECT kind, answers AS n FROM review_day_totals WHERE day = ? AND kind IN ('new', 'review')`);
  const doneTodayAssigned = db.prepare(`SELECT dp.preset_id AS preset, t.kind, SUM(t.answers) AS n FROM deck_presets dp
    JOIN review_deck_totals t ON t.deck_id = dp.deck_id AND t.kind IN ('new', 'review') AND t.day = ? GROUP BY 1, 2`);
  const presetLimits = db.prepare(`SELECT id, new_per_day, reviews_per_day FROM presets`);
  const assignments = db.prepare(`SELECT deck_id, preset_id FROM deck_presets`);
  // Counts are capped at the remaining limit (LIMIT inside), so they stay cheap on big collections.
  const countReview = scopedStatements(db, (scope) => `SELECT COUNT(*) AS n FROM (SELECT 1 FROM card_state s WHERE ${scope} AND ${DUE_REVIEW} LIMIT @cap)`);
  const countNew = scopedStatements(db, (scope) => `SELECT COUNT(*) AS n FROM (SELECT 1 FROM card_state s WHERE ${scope} AND ${NEW} LIMIT @cap)`);
  // Today's drill is tiny: always start from its partial index, never from a scan of the live cards.
  const countDrill = scopedStatements(db, (scope) => `SELECT COUNT(*) AS n FROM card_state s INDEXED BY card_state_by_drill WHERE ${scope} AND ${DRILL}`);
  const countLearning = scopedStatements(db, (scope) => `SELECT COUNT(*) AS n FROM card_state s INDEXED BY card_state_by_due_at WHERE ${scope} AND ${LEARNING}`);
  const firstLearning = scopedStatements(db, (scope) => `SELECT ${CARD_COLUMNS} FROM card_state s INDEXED BY card_state_by_due_at CROSS JOIN cards c ON c.id = s.card_id
    WHERE ${scope} AND ${LEARNING} ORDER BY s.due_at, c.position LIMIT 1`);
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
      prev_scheduler, prev_fsrs_stability, prev_fsrs_difficulty, prev_fsrs_phase, prev_fsrs_step, prev_due_at, prev_last_review_day,
      new_ef_milli, new_reps, new_interval_days, new_due_day, new_lapses, new_queue, new_drill_day, duration_ms, scheduler,
      new_fsrs_stability, new_fsrs_difficulty, new_fsrs_phase, new_fsrs_step, new_due_at, new_last_review_day)
    VALUES (@cardId, @reviewedAt, @day, @quality, @kind,
      @prevEf, @prevReps, @prevInterval, @prevDue, @prevLapses, @prevQueue, @prevDrill, @prevLastReview, @prevVersion,
      @prevScheduler, @prevStability, @prevDifficulty, @prevPhase, @prevStep, @prevDueAt, @prevLastReviewDay,
      @efMilli, @reps, @intervalDays, @dueDay, @lapses, @queue, @drillDay, @durationMs, @scheduler,
      @fsrsStability, @fsrsDifficulty, @fsrsPhase, @fsrsStep, @dueAt, @lastReviewDay)`);
  const writeState = db.prepare(`UPDATE card_state SET ef_milli = @efMilli, reps = @reps, interval_days = @intervalDays,
      due_day = @dueDay, lapses = @lapses, queue = @queue, drill_day = @drillDay, last_review_at = @lastReviewAt,
      version = @version, scheduler = @scheduler, fsrs_stability = @fsrsStability, fsrs_difficulty = @fsrsDifficulty,
      fsrs_phase = @fsrsPhase, fsrs_step = @fsrsStep, due_at = @dueAt, last_review_day = @lastReviewDay
    WHERE card_id = @cardId`);
  const answersOf = db.prepare(`SELECT quality, reviewed_at AS reviewedAt, day FROM reviews WHERE card_id = ? ORDER BY id`);
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

  /** What each preset's daily limits leave today: a preset's limits are shared by the decks that use it. */
  function remainingByPreset(today: number): Map<number, Remaining> {
    const left = new Map<number, Remaining>();
    for (const p of presetLimits.all() as { id: number; new_per_day: number; reviews_per_day: number }[]) {
      left.set(p.id, { newCards: p.new_per_day, reviews: p.reviews_per_day });
    }
    const take = (preset: number, kind: StudyKind, n: number) => {
      const l = left.get(preset);
      if (!l) return;
      if (kind === 'new') l.newCards = Math.max(0, l.newCards - n);
      else l.reviews = Math.max(0, l.reviews - n);
    };
    const assigned = doneTodayAssigned.all(today) as { preset: number; kind: StudyKind; n: number }[];
    for (const r of doneToday.all(today) as { kind: StudyKind; n: number }[]) {
      const elsewhere = assigned.filter((a) => a.kind === r.kind && a.preset !== DEFAULT_PRESET_ID).reduce((sum, a) => sum + a.n, 0);
      take(DEFAULT_PRESET_ID, r.kind, r.n - elsewhere);
    }
    for (const a of assigned) if (a.preset !== DEFAULT_PRESET_ID) take(a.preset, a.kind, a.n);
    return left;
  }

  /**
   * The session's decks grouped by preset, each group with what its limits leave. All decks (deckId null) stay one
   * group over the all-decks plans while every deck uses one preset (the usual case); else each deck is asked.
   */
  function groupsOf(scope: StudyScope): SessionGroup[] {
    const left = remainingByPreset(scope.today);
    const presetOf = new Map((assignments.all() as { deck_id: string; preset_id: number }[]).map((a) => [a.deck_id, a.preset_id]));
    const leftOf = (preset: number) => left.get(preset) ?? left.get(DEFAULT_PRESET_ID)!;
    const inUse = new Set([DEFAULT_PRESET_ID, ...presetOf.values()]);
    if (!scope.deckIds && scope.deckId === null && inUse.size === 1) return [{ decks: [null], left: leftOf([...inUse][0]) }];
    const decks = scope.deckIds ?? (scope.deckId === null ? (deckOrder.all() as string[]) : [scope.deckId]);
    const groups = new Map<number, string[]>();
    for (const deckId of decks) {
      const preset = left.has(presetOf.get(deckId) ?? DEFAULT_PRESET_ID) ? (presetOf.get(deckId) ?? DEFAULT_PRESET_ID) : DEFAULT_PRESET_ID;
      groups.set(preset, [...(groups.get(preset) ?? []), deckId]);
    }
    return [...groups].map(([preset, ds]) => ({ decks: ds, left: leftOf(preset) }));
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
      // Rows from before migration 009 have no prev_scheduler: their previous state was the answering one's (SM-2).
      scheduler: review.prev_scheduler ?? review.scheduler, fsrsStability: review.prev_fsrs_stability,
      fsrsDifficulty: review.prev_fsrs_difficulty, fsrsPhase: review.prev_fsrs_phase, fsrsStep: review.prev_fsrs_step,
      dueAt: review.prev_due_at, lastReviewDay: review.prev_last_review_day,
      // Forward, never back: a window still showing the pre-undo version must not be able to answer.
      version: (current?.version ?? (review.prev_version as number)) + 1,
    });
    deleteReview.run(reviewId);
    return cardId;
  }

  const learningParams = (deckId: string | null, scope: StudyScope, until: number) => ({ deckId, today: scope.today, until });

  /** Today's counts of one deck (or all decks, null), capped at `left`; learning counts SM-2's drill and FSRS steps. */
  function countOne(deckId: string | null, scope: StudyScope, left: Remaining) {
    const params = { deckId, today: scope.today };
    const learning = learningParams(deckId, scope, scope.now + LEARN_AHEAD_MS);
    return {
      new: (countNew(params).get({ ...params, cap: left.newCards }) as { n: number }).n,
      review: (countReview(params).get({ ...params, cap: left.reviews }) as { n: number }).n,
      learning: (countDrill(params).get(params) as { n: number }).n + (countLearning(learning).get(learning) as { n: number }).n,
    };
  }

  return {
    remainingByPreset,

    /**
     * The session's decks by preset with what each preset's limits leave (five reads). A study step reads them once
     * and hands them to `next` and `counts`, which read them themselves when not given.
     */
    sessionGroups: groupsOf,

    /** Each group's decks summed and capped at what its preset's limits leave, then the groups summed. */
    counts(scope: StudyScope, groups: readonly SessionGroup[] = groupsOf(scope)) {
      const total = { new: 0, review: 0, learning: 0 };
      for (const { decks, left } of groups) {
        const sum = decks.map((d) => countOne(d, scope, left)).reduce((a, b) => ({ new: a.new + b.new, review: a.review + b.review, learning: a.learning + b.learning }));
        total.new += Math.min(sum.new, left.newCards);
        total.review += Math.min(sum.review, left.reviews);
        total.learning += sum.learning;
      }
      return total;
    },

    /**
     * FSRS learning steps due now first (they are due at an instant), then reviews due, new cards, today's SM-2 drill,
     * and last the learning steps due within LEARN_AHEAD_MS; each deck within what its preset's limits leave.
     */
    next(scope: StudyScope, groups: readonly SessionGroup[] = groupsOf(scope)): { row: CardRow; kind: StudyKind } | null {
      const all = groups.flatMap((g) => g.decks);
      const withReviews = groups.filter((g) => g.left.reviews > 0).flatMap((g) => g.decks);
      const withNew = new Set(groups.filter((g) => g.left.newCards > 0).flatMap((g) => g.decks));
      // Several decks: ask each deck (the one-deck plans) and take the card the order says comes first.
      const first = (decks: (string | null)[], query: ReturnType<typeof scopedStatements>, params: (deckId: string | null) => Record<string, unknown>,
        better: (a: CardRow, b: CardRow) => boolean) => {
        let found: CardRow | undefined;
        for (const deckId of decks) {
          const p = { deckId, ...params(deckId) };
          const row = query(p).get(p) as CardRow | undefined;
          if (row && (!found || better(row, found))) found = row;
        }
        return found;
      };
      const day = () => ({ today: scope.today });
      const learningBy = (until: number) => first(all, firstLearning, () => ({ today: scope.today, until }), (a, b) => (a.due_at ?? 0) < (b.due_at ?? 0));
      const due = learningBy(scope.now);
      if (due) return { row: due, kind: 'learning' };
      const review = first(withReviews, firstReview, day, (a, b) => (a.due_day ?? 0) < (b.due_day ?? 0));
      if (review) return { row: review, kind: 'review' };
      const newDecks = all.length === 1 && all[0] === null ? (withNew.size ? (deckOrder.all() as string[]) : []) : all.filter((d) => withNew.has(d));
      for (const deckId of newDecks) {
        const row = firstNew.get({ deckId, today: scope.today }) as CardRow | undefined;
        if (row) return { row, kind: 'new' };
      }
      const drill = first(all, firstDrill, day, (a, b) => (a.last_review_at ?? 0) < (b.last_review_at ?? 0));
      if (drill) return { row: drill, kind: 'drill' };
      const ahead = learningBy(scope.now + LEARN_AHEAD_MS);
      return ahead ? { row: ahead, kind: 'learning' } : null;
    },

    /** A card's answers in the order given: what replay reads to derive its state under another scheduler. */
    answersOf: (cardId: string) => answersOf.all(cardId) as { quality: Quality; reviewedAt: number; day: number }[],

    /**
     * Records one answer; refuses it if the card changed since it was shown. `schedule` turns the card's state
     * (read once, inside the transaction) into its next state. The answer becomes the latest undo step of the
     * session that gave it (`session`: its deck, or null for all decks; the day is the answer's). Returns the review id.
     */
    answer(input: {
      cardId: string; version: number; quality: Quality; session: { deckId: string | null };
      schedule: (before: StateRow) => { next: SchedulerState; kind: AnswerKind };
      day: number; now: number; durationMs: number;
    }): { reviewId: number; before: StateRow } {
      return db.transaction(() => {
        const before = stateById.get(input.cardId) as StateRow | undefined;
        if (!before) throw new AppError(message('study.cardNotFound', { cardId: input.cardId }));
        // A stale window or a double press names a version other than the current one.
        if (before.version !== input.version) throw new AppError(message('study.staleAnswer', { cardId: input.cardId }));
        const { next, kind } = input.schedule(before);
        const columns: StateColumns = columnsOf(next, before.ef_milli);
        const { lastInsertRowid } = insertReview.run({
          cardId: input.cardId, reviewedAt: input.now, day: input.day, quality: input.quality, kind,
          prevEf: before.ef_milli, prevReps: before.reps, prevInterval: before.interval_days, prevDue: before.due_day,
          prevLapses: before.lapses, prevQueue: before.queue, prevDrill: before.drill_day,
          prevLastReview: before.last_review_at, prevVersion: before.version, prevScheduler: before.scheduler,
          prevStability: before.fsrs_stability, prevDifficulty: before.fsrs_difficulty, prevPhase: before.fsrs_phase,
          prevStep: before.fsrs_step, prevDueAt: before.due_at, prevLastReviewDay: before.last_review_day,
          ...columns, durationMs: Math.max(0, Math.round(input.durationMs)),
        });
        writeState.run({ ...columns, cardId: input.cardId, lastReviewAt: input.now, version: before.version + 1 });
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

    /**
     * Rewrites the cards' states (a preset switched scheduler): `derive` gives each card's state from its state row;
     * versions move forward so a window showing the old state cannot answer. One transaction. Returns how many.
     */
    rewriteStates(cardIds: readonly string[], derive: (cardId: string, before: StateRow) => SchedulerState): number {
      return db.transaction(() => {
        let n = 0;
        for (const cardId of cardIds) {
          const before = stateById.get(cardId) as StateRow | undefined;
          if (!before) continue;
          writeState.run({ ...columnsOf(derive(cardId, before), before.ef_milli), cardId, lastReviewAt: before.last_review_at, version: before.version + 1 });
          n++;
        }
        return n;
      })();
    },

    stateOf,

    summarySince(since: number) {
      return db.prepare(`SELECT quality, COUNT(*) AS n, SUM(duration_ms) AS ms FROM reviews WHERE reviewed_at >= ? GROUP BY quality`).all(since) as {
        quality: number; n: number; ms: number;
      }[];
    },
  };
}

export type StudyStore = ReturnType<typeof createStudyStore>;
