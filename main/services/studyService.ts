// Review sessions: the next card with every button's outcome, answers with stale-window protection, undo.
import type { ButtonOutcome, DeckCounts, Quality, Settings, StudyCard, StudyStep } from '../contract/api';
import { FOUR_BUTTON_QUALITIES, SIX_GRADE_QUALITIES, type Scheduler } from '../core/scheduler/types';
import { cardViewOf, scheduleOf } from '../storage/rows';
import type { StudyStore } from '../storage/studyStore';
import { studyDay, type Clock } from './clock';

/** Which decks a session studies: one deck, all decks (deckId null), or several (`deckIds`, a parent in the deck tree). */
export interface StudyTarget {
  deckId: string | null;
  deckIds?: readonly string[];
}

/**
 * The key a session's answers are undone by (answer_undo.deck_id): the deck id, null for all decks, or for several
 * decks their sorted ids after `decks:` (no id contains `:` or a space), so the same parent is the same session.
 */
export function sessionKey(target: StudyTarget): string | null {
  return target.deckIds ? `decks:${[...target.deckIds].sort().join(' ')}` : target.deckId;
}

const scopeOf = (target: StudyTarget, today: number) =>
  target.deckIds ? { deckId: sessionKey(target), deckIds: target.deckIds, today } : { deckId: target.deckId, today };

export function createStudyService(deps: { store: StudyStore; scheduler: Scheduler; clock: Clock; settings: () => Settings }) {
  const { store, scheduler, clock } = deps;

  function step(target: StudyTarget): StudyStep {
    const settings = deps.settings();
    const now = clock.now();
    const today = studyDay(clock, settings.rolloverHour, now);
    const left = store.remaining(today, settings);
    const scope = scopeOf(target, today);
    const found = store.next(scope, left);
    let next: StudyCard | null = null;
    if (found) {
      const qualities = settings.sixGrades ? SIX_GRADE_QUALITIES : FOUR_BUTTON_QUALITIES;
      const outcomes: ButtonOutcome[] = scheduler.preview(scheduleOf(found.row), qualities, today).map((o, i) => ({
        quality: qualities[i],
        intervalDays: (o.next.dueDay ?? today) - today,
        dueDay: o.next.dueDay ?? today,
        drillsToday: o.next.drillDay === today,
        efMilli: o.next.efMilli,
      }));
      next = { card: cardViewOf(found.row), kind: found.kind, outcomes, shownAt: now };
    }
    // Undo belongs to the session: its scope (sessionKey) and day, kept in the database (storage/studyStore.ts).
    return { next, counts: store.counts(scope, left), undoDepth: store.undoDepth(scope), now };
  }

  /** What a session over `deckId` would show now, limits applied: the home screen's counts, without building a card. */
  function counts(deckId: string | null): DeckCounts {
    const settings = deps.settings();
    const today = studyDay(clock, settings.rolloverHour, clock.now());
    return store.counts({ deckId, today }, store.remaining(today, settings));
  }

  return {
    next: (target: StudyTarget) => step(target),
    counts,

    answer(arg: StudyTarget & { cardId: string; quality: Quality; version: number; durationMs: number }): StudyStep {
      const settings = deps.settings();
      const now = clock.now();
      const today = studyDay(clock, settings.rolloverHour, now);
      store.answer({
        cardId: arg.cardId, version: arg.version, quality: arg.quality, session: { deckId: sessionKey(arg) }, day: today, now,
        schedule: (before) => scheduler.answer(scheduleOf(before), arg.quality, today),
        durationMs: arg.durationMs, scheduler: scheduler.name,
      });
      return step(arg);
    },

    /** Takes back the latest answer of the session over `deckId` today; another session's answers are not its own. */
    undo(target: StudyTarget): StudyStep & { undoneCardId: string | null } {
      const today = studyDay(clock, deps.settings().rolloverHour, clock.now());
      const undoneCardId = store.undoLatest({ deckId: sessionKey(target), today });
      return { ...step(target), undoneCardId };
    },

    summary(since: number) {
      const rows = store.summarySince(since);
      const byQuality: Record<string, number> = {};
      let answered = 0;
      let durationMs = 0;
      for (const r of rows) {
        byQuality[String(r.quality)] = r.n;
        answered += r.n;
        durationMs += r.ms ?? 0;
      }
      const again = rows.filter((r) => r.quality < 3).reduce((sum, r) => sum + r.n, 0);
      return { answered, byQuality, again, durationMs };
    },
  };
}

export type StudyService = ReturnType<typeof createStudyService>;
