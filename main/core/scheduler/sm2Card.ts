// SM-2 behind the generalized CardScheduler: the same sm2Scheduler (and so sm2Review and the same-day drill),
// with its state tagged 'sm2' and its outcomes keyed by grade. SM-2 is day-based: only `today` is read.
import type { Quality } from '../../contract/api';
import { newCardSchedule, sm2Scheduler } from './sm2Scheduler';
import type { CardScheduler, GradeOutcome, GradeOutcomes, Sm2CardState, StudyMoment } from './state';
import type { CardSchedule } from './types';

function schedule(state: Readonly<Sm2CardState>): CardSchedule {
  const { algorithm: _algorithm, ...rest } = state;
  return rest;
}

function answer(state: Readonly<Sm2CardState>, quality: Quality, at: StudyMoment): GradeOutcome<Sm2CardState> {
  const { next, kind } = sm2Scheduler.answer(schedule(state), quality, at.today);
  // dueDay is set by every answer; a drill keeps the card's due day and brings it back today as well.
  return { next: { algorithm: 'sm2', ...next }, kind, due: { day: next.dueDay ?? at.today } };
}

export const sm2CardScheduler: CardScheduler<Sm2CardState> = {
  name: 'sm2',
  newState: () => ({ algorithm: 'sm2', ...newCardSchedule() }),
  answer,
  preview(state, qualities, at) {
    const outcomes: GradeOutcomes<Sm2CardState> = {};
    for (const q of qualities) outcomes[q] = answer(state, q, at);
    return outcomes;
  },
};
