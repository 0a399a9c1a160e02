// Review sessions: the next card with every button's outcome, answers with stale-window protection, undo. Each card
// is scheduled by its deck's preset (SM-2 or FSRS); a state another scheduler left is derived from the card's log.
import type { ButtonOutcome, CodeAttempt, DeckCounts, Quality, Settings, StudyCard, StudyStep } from '../contract/api';
import type { CodingParts } from '../contract/deck';
import type { Preset } from '../contract/scheduling';
import { createFsrsScheduler, sm2CardScheduler, switchScheduler } from '../core/scheduler';
import type { CardScheduler, GradeOutcome, SchedulerState, StudyMoment } from '../core/scheduler/state';
import { FOUR_BUTTON_QUALITIES, SIX_GRADE_QUALITIES } from '../core/scheduler/types';
import type { PresetStore } from '../storage/presetStore';
import { cardViewOf, type StateRow } from '../storage/rows';
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

const scopeOf = (target: StudyTarget, today: number, now: number) =>
  target.deckIds ? { deckId: sessionKey(target), deckIds: target.deckIds, today, now } : { deckId: target.deckId, today, now };

/**
 * The scheduler a preset chooses. FSRS schedulers are kept per retention and weights: building ts-fsrs's engine on
 * every answer would cost more than the answer.
 */
export function schedulerCache() {
  const fsrs = new Map<string, CardScheduler>();
  return (preset: Pick<Preset, 'scheduler' | 'desiredRetention' | 'fsrsWeights'>): CardScheduler => {
    if (preset.scheduler === 'sm2') return sm2CardScheduler as CardScheduler;
    const key = JSON.stringify([preset.desiredRetention, preset.fsrsWeights]);
    let found = fsrs.get(key);
    if (!found) {
      found = createFsrsScheduler({ desiredRetention: preset.desiredRetention, ...(preset.fsrsWeights ? { weights: preset.fsrsWeights } : {}) }) as CardScheduler;
      fsrs.set(key, found);
    }
    return found;
  };
}

/** The card's state under `scheduler`: its own, or derived by replaying its log when another scheduler left it. */
export function stateUnder(store: StudyStore, scheduler: CardScheduler, cardId: string, row: StateRow): SchedulerState {
  const current = store.stateOf(row);
  return current.algorithm === scheduler.name ? current : switchScheduler(scheduler, store.answersOf(cardId), current);
}

/** A button's outcome as the renderer shows it: days for reviews, minutes for an FSRS (re)learning step. */
function buttonOf(quality: Quality, outcome: GradeOutcome, at: StudyMoment, efMilli: number): ButtonOutcome {
  const next = outcome.next;
  const sm2 = next.algorithm === 'sm2';
  if ('at' in outcome.due) {
    return { quality, intervalDays: 0, dueDay: at.today, drillsToday: false, efMilli, dueInMinutes: Math.max(0, Math.round((outcome.due.at - at.now) / 60_000)) };
  }
  return {
    quality, intervalDays: outcome.due.day - at.today, dueDay: outcome.due.day,
    drillsToday: sm2 && next.drillDay === at.today, efMilli: sm2 ? next.efMilli : efMilli, dueInMinutes: null,
  };
}

/** Where a coding card's own parts come from: the deck file owns the code (as it does for the editor); the database the attempts. */
export interface CodingSource {
  codeOf(deckId: string, cardId: string): CodingParts | null;
  lastAttempt(cardId: string): CodeAttempt | null;
}

export function createStudyService(deps: { store: StudyStore; presets: PresetStore; clock: Clock; settings: () => Settings; coding: CodingSource }) {
  const { store, presets, clock } = deps;
  const schedulerOf = schedulerCache();
  const schedulerOfDeck = (deckId: string) => schedulerOf(presets.ofDeck(deckId));

  function moment(settings: Settings): StudyMoment {
    const now = clock.now();
    return { now, today: studyDay(clock, settings.rolloverHour, now) };
  }

  function step(target: StudyTarget): StudyStep {
    const settings = deps.settings();
    const at = moment(settings);
    const scope = scopeOf(target, at.today, at.now);
    const groups = store.sessionGroups(scope);
    const found = store.next(scope, groups);
    let next: StudyCard | null = null;
    if (found) {
      const qualities = settings.sixGrades ? SIX_GRADE_QUALITIES : FOUR_BUTTON_QUALITIES;
      const scheduler = schedulerOfDeck(found.row.deck_id);
      const previews = scheduler.preview(stateUnder(store, scheduler, found.row.id, found.row), qualities, at);
      const outcomes = qualities.map((q) => buttonOf(q, previews[q]!, at, found.row.ef_milli));
      const code = deps.coding.codeOf(found.row.deck_id, found.row.id);
      const lastAttempt = code ? deps.coding.lastAttempt(found.row.id) : null;
      next = { card: { ...cardViewOf(found.row), code }, kind: found.kind, outcomes, shownAt: at.now, lastAttempt };
    }
    // Undo belongs to the session: its scope (sessionKey) and day, kept in the database (storage/studyStore.ts).
    return { next, counts: store.counts(scope, groups), undoDepth: store.undoDepth(scope), now: at.now };
  }

  /** What a session over `deckId` would show now, limits applied: the home screen's counts, without building a card. */
  function counts(deckId: string | null): DeckCounts {
    const at = moment(deps.settings());
    return store.counts({ deckId, today: at.today, now: at.now });
  }

  return {
    next: (target: StudyTarget) => step(target),
    counts,

    answer(arg: StudyTarget & { cardId: string; quality: Quality; version: number; durationMs: number }): StudyStep {
      const at = moment(deps.settings());
      store.answer({
        cardId: arg.cardId, version: arg.version, quality: arg.quality, session: { deckId: sessionKey(arg) }, day: at.today, now: at.now,
        schedule: (before) => {
          const scheduler = schedulerOfDeck(before.deck_id);
          return scheduler.answer(stateUnder(store, scheduler, arg.cardId, before), arg.quality, at);
        },
        durationMs: arg.durationMs,
      });
      return step(arg);
    },

    /** Takes back the latest answer of the session over `deckId` today; another session's answers are not its own. */
    undo(target: StudyTarget): StudyStep & { undoneCardId: string | null } {
      const at = moment(deps.settings());
      const undoneCardId = store.undoLatest({ deckId: sessionKey(target), today: at.today, now: at.now });
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
