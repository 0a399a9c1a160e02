// What the statistics screen shows (issue 15): JSON-safe aggregates, computed by the host for one deck or all.
// Days are study-day numbers (ARCHITECTURE.md "Study days"); the screen takes `today` from here, never its clock.
import type { DayNumber, Quality, StudyKind } from './api';

/** Answers of one study day. `learning` counts drill answers (SM-2's same-day repeats). */
export interface StatisticsDay {
  day: DayNumber;
  newCards: number;
  learning: number;
  review: number;
  /** Time spent answering that day, summed from each answer's duration. */
  ms: number;
}

/** Answers to cards in review (kind 'review') and how many of them were not failed (quality ≥ 3). */
export interface RetentionCount {
  passed: number;
  total: number;
}

/** The windows (in days, today included) over which retention and the buttons are counted. */
export const STATISTICS_WINDOWS = [7, 30, 365] as const;
export type StatisticsWindow = (typeof STATISTICS_WINDOWS)[number];

/** Young: the interval before the answer was under 21 days; mature: 21 or more. */
export interface RetentionWindow {
  days: StatisticsWindow;
  young: RetentionCount;
  mature: RetentionCount;
}

export interface DeckRetention {
  deckId: string;
  deckName: string;
  windows: RetentionWindow[];
}

export interface ButtonCount {
  kind: StudyKind;
  quality: Quality;
  count: number;
}

/** Live cards (not removed, deck loaded) by state; `learning` is today's drill, counted apart from its queue. */
export interface CardStateCounts {
  newCards: number;
  learning: number;
  young: number;
  mature: number;
  suspended: number;
}

export interface LapsedCard {
  cardId: string;
  deckId: string;
  /** The question's Markdown, cut to 200 characters. */
  question: string;
  lapses: number;
}

export const MATURE_INTERVAL_DAYS = 21;
/** The calendar, the per-day charts and the widest window reach this many days back, today included. */
export const STATISTICS_HISTORY_DAYS = 365;
/** The due forecast covers today and the next 89 days. */
export const FORECAST_DAYS = 90;
export const MOST_LAPSED_SHOWN = 20;

export interface Statistics {
  deckId: string | null;
  today: DayNumber;
  /** Days with answers among the last 365 (today − 364 … today), oldest first; days without answers are left out. */
  days: StatisticsDay[];
  /** Days in a row with answers up to today (or up to yesterday while today has none yet): the whole history. */
  currentStreak: number;
  /** Days with answers among the last 365. */
  daysStudied: number;
  /** Reviews due on each day from today to today + 89 (`dueDays[0]` today, overdue cards excluded). */
  dueDays: number[];
  /** Cards in review whose due day has passed (they are due today too). */
  overdue: number;
  retention: RetentionWindow[];
  /** Per deck (all decks with answers to cards in review over the last 365 days; one when filtered), by name. */
  retentionByDeck: DeckRetention[];
  cardStates: CardStateCounts;
  /** Answers by kind and button over each window. */
  buttons: { days: StatisticsWindow; counts: ButtonCount[] }[];
  /** Answers and time over the last 365 days: the average time per card is `ms / answers`. */
  answers: number;
  ms: number;
  mostLapsed: LapsedCard[];
}
