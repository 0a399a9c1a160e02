// Mock interviews (issue 18): a timed run through cards chosen at random from a selection of decks or tags, graded
// like a review, ending in a report. By default it changes no scheduling (Anki's filtered decks with rescheduling
// off); `reschedule` makes each answer a review. Imports nothing outside the contract.
import type { CardView, EpochMs, Quality } from './api';

/** The grades of a mock question, the four review buttons (Again, Hard, Good, Easy = SM-2 qualities 1, 3, 4, 5). */
export const MOCK_GRADES = ['again', 'hard', 'good', 'easy'] as const;
export type MockGrade = (typeof MOCK_GRADES)[number];
/** The review button each mock grade is: a coding card's proposed grade (a Quality) marks its mock grade. */
export const MOCK_GRADE_QUALITY: Record<MockGrade, Quality> = { again: 1, hard: 3, good: 4, easy: 5 };

/** The cards a mock draws from: those of these decks and those carrying one of these tags (either may be empty). */
export interface MockSelection {
  deckIds: string[];
  tags: string[];
}

export interface MockSettings {
  count: number;
  secondsPerQuestion: number;
  /** True: each answer counts as a review (scheduling, undo, statistics); false (default): nothing changes. */
  reschedule: boolean;
}

export const MOCK_MAX_QUESTIONS = 200;
export const MOCK_MAX_SECONDS = 3600;

export interface MockQuestion {
  position: number;
  /**
   * A coding card's view carries its `code` (starter and solution, from its deck file), as in review, but never its
   * last attempt: a mock starts every coding card from its starter (the review shows and restores the last attempt).
   */
  card: CardView;
  /** The topics its score counts under: the card's tags, or its deck's name when it has none. */
  topics: string[];
}

export interface MockStarted {
  mockId: number;
  selection: MockSelection;
  settings: MockSettings;
  startedAt: EpochMs;
  questions: MockQuestion[];
}

export interface MockAnswerArg {
  mockId: number;
  cardId: string;
  grade: MockGrade;
  /** Time from showing the question to grading it, capped at the time per question. */
  ms: number;
  revealed: boolean;
  timedOut: boolean;
}

export interface MockTopicScore {
  topic: string;
  /** 0–1: the mean of its questions' scores (Again 0, Hard 0.5, Good and Easy 1, unanswered 0). */
  score: number;
  questions: number;
  cardIds: string[];
  /** The same topic's score in the previous mock on the same selection, null when it had none. */
  previousScore: number | null;
}

export interface MockQuestionResult {
  position: number;
  cardId: string;
  /** The card's question Markdown, or null when the card is gone. */
  question: string | null;
  topics: string[];
  grade: MockGrade | null;
  ms: number | null;
  timedOut: boolean;
}

export interface MockSummary {
  mockId: number;
  selection: MockSelection;
  settings: MockSettings;
  startedAt: EpochMs;
  finishedAt: EpochMs | null;
  /** 0–1 over all its questions. */
  score: number;
  answered: number;
  questions: number;
}

export interface MockReport extends MockSummary {
  byTopic: MockTopicScore[];
  results: MockQuestionResult[];
  /** The lowest-scoring topics (below 1), worst first, at most three, with their cards. */
  weakest: MockTopicScore[];
  /** The last finished mock on the same selection before this one. */
  previous: MockSummary | null;
}
