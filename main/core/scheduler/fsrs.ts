// FSRS-6 behind the generalized CardScheduler, through ts-fsrs. Pure: the instant and study day come in as a
// StudyMoment. Fuzz is off, so an answer is a function of the state, grade and time alone, and replaying a log
// gives back exactly the states the answers gave.
import { Rating, State, default_w, forgetting_curve, fsrs, type Card, type FSRS, type Grade, type StepUnit } from 'ts-fsrs';
import type { Quality } from '../../contract/api';
import type { FsrsSettings } from '../../contract/scheduling';
import type { AnswerKind, CardScheduler, FsrsCardState, FsrsPhase, GradeOutcome, GradeOutcomes, StudyMoment } from './state';

export const DEFAULT_FSRS_SETTINGS: Readonly<FsrsSettings> = Object.freeze({
  desiredRetention: 0.9,
  weights: default_w,
  learningStepsMin: [1, 10],
  relearningStepsMin: [10],
});

const MS_PER_DAY = 86_400_000;
const NOON_MS = 12 * 3_600_000;

/**
 * The Date ts-fsrs is shown for an answer on study day `day`. ts-fsrs counts elapsed days as differences of UTC
 * calendar dates; placing every answer of study day d at noon UTC of day number d makes those differences study-day
 * differences, whatever the user's time zone and rollover hour. Minute steps are measured from this instant and
 * carried back onto the real one (`toDueAt`).
 */
const frameOf = (day: number): Date => new Date(day * MS_PER_DAY + NOON_MS);

/** Again/Hard/Good/Easy one to one (qualities 1/3/4/5); six grades: 0–2 Again, 3 Hard, 4 Good, 5 Easy. */
export function fsrsGrade(quality: Quality): Grade {
  if (quality <= 2) return Rating.Again;
  if (quality === 3) return Rating.Hard;
  if (quality === 4) return Rating.Good;
  return Rating.Easy;
}

const PHASE_OF: Record<State, FsrsPhase> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const STATE_OF: Record<FsrsPhase, State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };
const KIND_OF: Record<FsrsPhase, AnswerKind> = { new: 'new', learning: 'learning', review: 'review', relearning: 'learning' };

export const NEW_FSRS_STATE: Readonly<FsrsCardState> = Object.freeze({
  algorithm: 'fsrs',
  phase: 'new',
  stability: 0,
  difficulty: 0,
  step: 0,
  reps: 0,
  lapses: 0,
  scheduledDays: 0,
  dueDay: null,
  dueAt: null,
  lastReviewDay: null,
  queue: 'new',
});

/** `today` caps the last answer's day: a clock put back (a flight west across the rollover) reads as the same day. */
function toCard(state: Readonly<FsrsCardState>, today: number): Card {
  const lastDay = state.lastReviewDay === null ? null : Math.min(state.lastReviewDay, today);
  return {
    // Scheduling reads `last_review`, not `due`; `due` is only kept for ts-fsrs's own bookkeeping.
    due: frameOf(state.dueDay ?? state.lastReviewDay ?? 0),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: 0,
    scheduled_days: state.scheduledDays,
    learning_steps: state.step,
    reps: state.reps,
    lapses: state.lapses,
    state: STATE_OF[state.phase],
    last_review: lastDay === null ? undefined : frameOf(lastDay),
  };
}

function fromCard(card: Card, prev: Readonly<FsrsCardState>, at: StudyMoment): GradeOutcome<FsrsCardState> {
  const phase = PHASE_OF[card.state];
  const stepping = phase === 'learning' || phase === 'relearning';
  const dueAt = stepping ? at.now + (card.due.getTime() - frameOf(at.today).getTime()) : null;
  const dueDay = stepping ? null : at.today + card.scheduled_days;
  const next: FsrsCardState = {
    algorithm: 'fsrs',
    phase,
    stability: card.stability,
    difficulty: card.difficulty,
    step: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    scheduledDays: card.scheduled_days,
    dueDay,
    dueAt,
    lastReviewDay: at.today,
    queue: prev.queue === 'suspended' ? 'suspended' : 'review',
  };
  return { next, kind: KIND_OF[prev.phase], due: dueAt === null ? { day: dueDay! } : { at: dueAt } };
}

const toSteps = (minutes: readonly number[]): StepUnit[] => minutes.map((m): StepUnit => `${m}m`);

export interface FsrsScheduler extends CardScheduler<FsrsCardState> {
  readonly settings: Readonly<FsrsSettings>;
  /** Predicted probability of recall on study day `day` (0 for a card never answered). */
  retrievability(state: Readonly<FsrsCardState>, day: number): number;
}

export function createFsrsScheduler(options: Partial<FsrsSettings> = {}): FsrsScheduler {
  const settings: FsrsSettings = { ...DEFAULT_FSRS_SETTINGS, ...options };
  const engine: FSRS = fsrs({
    request_retention: settings.desiredRetention,
    w: [...settings.weights],
    enable_fuzz: false,
    enable_short_term: true,
    learning_steps: toSteps(settings.learningStepsMin),
    relearning_steps: toSteps(settings.relearningStepsMin),
  });
  // ts-fsrs may extend or clip the weights it is given (FSRS-5 → 6); predictions use the ones it schedules with.
  const weights = engine.parameters.w;

  return {
    name: 'fsrs',
    settings,
    newState: () => ({ ...NEW_FSRS_STATE }),
    answer(state, quality, at) {
      return fromCard(engine.next(toCard(state, at.today), frameOf(at.today), fsrsGrade(quality)).card, state, at);
    },
    preview(state, qualities, at) {
      const all = engine.repeat(toCard(state, at.today), frameOf(at.today));
      const outcomes: GradeOutcomes<FsrsCardState> = {};
      for (const q of qualities) outcomes[q] = fromCard(all[fsrsGrade(q)].card, state, at);
      return outcomes;
    },
    retrievability(state, day) {
      if (state.lastReviewDay === null || state.phase === 'new') return 0;
      return forgetting_curve(weights, Math.max(0, day - state.lastReviewDay), state.stability);
    },
  };
}
