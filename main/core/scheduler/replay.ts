// A card's state for either scheduler, derived from its review log: the log keeps every answer's grade and time
// whichever algorithm scheduled it, so switching a preset's scheduler replays each card's answers through the new
// one, and switching back gives the states the old one had.
import type { Quality } from '../../contract/api';
import type { CardScheduler, SchedulerState } from './state';

/** What replay reads of a log entry (a ReviewLogEntry is one). */
export interface LoggedAnswer {
  quality: Quality;
  reviewedAt: number;
  day: number;
}

/** The state after each answer, in the order the answers were given (the log's order, not re-sorted). */
export function replayStates<S extends SchedulerState>(scheduler: CardScheduler<S>, answers: readonly LoggedAnswer[]): S[] {
  const states: S[] = [];
  let state = scheduler.newState();
  for (const a of answers) {
    state = scheduler.answer(state, a.quality, { now: a.reviewedAt, today: a.day }).next;
    states.push(state);
  }
  return states;
}

export function replay<S extends SchedulerState>(scheduler: CardScheduler<S>, answers: readonly LoggedAnswer[]): S {
  return replayStates(scheduler, answers).at(-1) ?? scheduler.newState();
}

/** The card's state under `scheduler`, from its log; a suspended card stays suspended (suspension is not an answer). */
export function switchScheduler<S extends SchedulerState>(
  scheduler: CardScheduler<S>,
  answers: readonly LoggedAnswer[],
  current: Readonly<SchedulerState>,
): S {
  const state = replay(scheduler, answers);
  return current.queue === 'suspended' ? { ...state, queue: 'suspended' } : state;
}
