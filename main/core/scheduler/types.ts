// Scheduling state of one card as the core sees it. JSON-safe; days are study-day numbers (see day.ts).
import type { CardQueue, Quality, StudyKind } from '../../contract/api';

export interface CardSchedule {
  efMilli: number;
  reps: number;
  intervalDays: number;
  /** Null for a card never answered. */
  dueDay: number | null;
  lapses: number;
  queue: CardQueue;
  /** Study day on which the card is in the same-day drill (SM-2 step 7), else null. */
  drillDay: number | null;
}

export interface AnswerOutcome {
  next: CardSchedule;
  /** What the answer counted as: a first sight, a scheduled review, or a drill repetition. */
  kind: StudyKind;
}

/** A scheduling algorithm. Pure; `today` is passed in. FSRS can implement this per deck later. */
export interface Scheduler {
  readonly name: string;
  answer(card: Readonly<CardSchedule>, quality: Quality, today: number): AnswerOutcome;
  /** The outcome of every grade, computed by the same code that `answer` uses. */
  preview(card: Readonly<CardSchedule>, qualities: readonly Quality[], today: number): AnswerOutcome[];
}

export const FOUR_BUTTON_QUALITIES: readonly Quality[] = [1, 3, 4, 5];
export const SIX_GRADE_QUALITIES: readonly Quality[] = [0, 1, 2, 3, 4, 5];
