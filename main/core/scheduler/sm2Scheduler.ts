// SM-2 around the pure repetition function: due days, lapses, and the same-day drill of step 7
// ("repeat again all items that scored below four … until all of these items score at least four").
import type { Quality } from '../../contract/api';
import { NEW_SM2_STATE, sm2Review } from './sm2';
import type { AnswerOutcome, CardSchedule, Scheduler } from './types';

/** Grades at or above this end a card's drill for the day. */
export const DRILL_EXIT_QUALITY = 4;

export function newCardSchedule(): CardSchedule {
  return { ...NEW_SM2_STATE, dueDay: null, lapses: 0, queue: 'new', drillDay: null };
}

export function isInDrill(card: Readonly<CardSchedule>, today: number): boolean {
  return card.drillDay === today && card.queue !== 'suspended';
}

function answerSm2(card: Readonly<CardSchedule>, quality: Quality, today: number): AnswerOutcome {
  if (isInDrill(card, today)) {
    // Drill repetitions are logged but change neither EF nor interval.
    const drillDay = quality >= DRILL_EXIT_QUALITY ? null : today;
    return { next: { ...card, drillDay }, kind: 'drill' };
  }
  const kind = card.queue === 'new' ? 'new' : 'review';
  const repeated = sm2Review(card, quality);
  const lapsed = kind === 'review' && quality < 3;
  return {
    kind,
    next: {
      ...repeated,
      dueDay: today + repeated.intervalDays,
      lapses: card.lapses + (lapsed ? 1 : 0),
      queue: 'review',
      drillDay: quality < DRILL_EXIT_QUALITY ? today : null,
    },
  };
}

export const sm2Scheduler: Scheduler = {
  name: 'sm2',
  answer: answerSm2,
  preview: (card, qualities, today) => qualities.map((q) => answerSm2(card, q, today)),
};
