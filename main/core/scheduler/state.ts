// Scheduling state generalized over algorithms (issue 16): a card's state names the algorithm that owns it, and a
// review-log entry keeps the state before and after each answer, whichever algorithm scheduled it. JSON-safe.
import type { CardQueue, Quality } from '../../contract/api';
import type { SchedulerName } from '../../contract/scheduling';
import type { CardSchedule } from './types';

export interface Sm2CardState extends CardSchedule {
  algorithm: 'sm2';
}

/** FSRS's own card states: learning and relearning run through steps in minutes, review is day-based. */
export type FsrsPhase = 'new' | 'learning' | 'review' | 'relearning';

export interface FsrsCardState {
  algorithm: 'fsrs';
  phase: FsrsPhase;
  /** Days until recall falls to 90%; 0 for a new card. */
  stability: number;
  /** 1–10; 0 for a new card. */
  difficulty: number;
  /** Index of the (re)learning step the card is on; 0 outside the steps. */
  step: number;
  /** Answers given (ts-fsrs counts every one, steps included). */
  reps: number;
  /** Times a review-phase card was forgotten. */
  lapses: number;
  /** Interval the last answer scheduled, days; 0 while in (re)learning. */
  scheduledDays: number;
  /** Review phase: the study day it is due. Null otherwise. */
  dueDay: number | null;
  /** (Re)learning phase: the instant it is due (steps are minutes, so they can cross the rollover). Null otherwise. */
  dueAt: number | null;
  /** Study day of the last answer (FSRS's elapsed days are counted in study days), null for a new card. */
  lastReviewDay: number | null;
  /** Same meaning as the SM-2 column: 'new' until answered; suspension is kept by whoever suspends. */
  queue: CardQueue;
}

export type SchedulerState = Sm2CardState | FsrsCardState;

/** When an answer happens: the instant and its study day (day.ts), both given by the caller — the core reads no clock. */
export interface StudyMoment {
  now: number;
  today: number;
}

/** What an answer counted as. 'learning' is an FSRS (re)learning step; 'drill' is SM-2's same-day drill. */
export type AnswerKind = 'new' | 'review' | 'drill' | 'learning';

/** When the card comes back: on a study day (reviews), or at an instant ((re)learning steps). */
export type Due = { day: number } | { at: number };

export interface GradeOutcome<S extends SchedulerState = SchedulerState> {
  next: S;
  kind: AnswerKind;
  due: Due;
}

/** What a button shows and does, per grade offered. */
export type GradeOutcomes<S extends SchedulerState = SchedulerState> = Partial<Record<Quality, GradeOutcome<S>>>;

/** One algorithm behind one interface, so a preset can choose. Pure: time comes in as a StudyMoment. */
export interface CardScheduler<S extends SchedulerState = SchedulerState> {
  readonly name: SchedulerName;
  /** The state of a card never answered. */
  newState(): S;
  answer(state: Readonly<S>, quality: Quality, at: StudyMoment): GradeOutcome<S>;
  /** The outcome of each grade offered, keyed by grade, computed by the same code as `answer`. */
  preview(state: Readonly<S>, qualities: readonly Quality[], at: StudyMoment): GradeOutcomes<S>;
}

/**
 * One answer in the review log. `prev`/`next` are whichever algorithm's state; replay needs only `quality`,
 * `reviewedAt` and `day`, so a log written under one scheduler derives the state of the other (replay.ts).
 */
export interface ReviewLogEntry {
  cardId: string;
  reviewedAt: number;
  day: number;
  quality: Quality;
  kind: AnswerKind;
  durationMs: number | null;
  prev: SchedulerState;
  next: SchedulerState;
}
