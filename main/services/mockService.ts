// Mock interviews (issue 18): start (questions drawn at random from a selection), answer, finish with a report,
// list past ones. Answers are kept apart from the review log; with `reschedule` on, an answer also goes through the
// study service's answer, so scheduling, answer undo and statistics see it exactly as a review.
import { randomInt } from 'node:crypto';
import type { CardView } from '../contract/api';
import { AppError } from '../contract/errors';
import { message } from '../contract/messages';
import { MOCK_GRADE_QUALITY, type MockAnswerArg, type MockQuestion, type MockReport, type MockSelection, type MockStarted, type MockSummary } from '../contract/mock';
import { canonicalSelection, chooseQuestions, inSelection, mockReport, mockSummary, seededRandom } from '../core/mock';
import type { Db } from '../storage/database';
import type { MockStore } from '../storage/mockStore';
import type { Clock } from './clock';
import type { CodingSource, StudyService } from './studyService';


export interface MockStartArg {
  selection: MockSelection;
  count: number;
  secondsPerQuestion: number;
  reschedule: boolean;
}

export function createMockService(deps: {
  db: Db;
  store: MockStore;
  study: StudyService;
  cardView: (cardId: string) => CardView | null;
  /** A coding card's code and last attempt, from where the review takes them. */
  coding: CodingSource;
  clock: Clock;
  /** The seed of a new mock's order; tests pass their own. */
  seed?: () => number;
}) {
  const { db, store, study, clock } = deps;
  const newSeed = deps.seed ?? (() => randomInt(0, 2 ** 32));

  function refuseBadStart(arg: MockStartArg, selection: MockSelection): void {
    if (selection.deckIds.length === 0 && selection.tags.length === 0) throw new AppError(message('mock.emptySelection'));
    if (arg.count < 1) throw new AppError(message('mock.countTooSmall', { count: arg.count }));
    if (arg.secondsPerQuestion < 1) throw new AppError(message('mock.noTime', { seconds: arg.secondsPerQuestion }));
  }

  function openMock(mockId: number) {
    const head = store.head(mockId);
    if (!head) throw new AppError(message('mock.notFound', { mockId }));
    return head;
  }

  function report(mockId: number): MockReport {
    const found = store.withPrevious(mockId);
    if (!found) throw new AppError(message('mock.notFound', { mockId }));
    return mockReport(found.mock, found.previous);
  }

  return {
    start(arg: MockStartArg): MockStarted {
      const selection = canonicalSelection(arg.selection);
      refuseBadStart(arg, selection);
      const candidates = store.candidates().filter((card) => inSelection(card, selection));
      if (candidates.length === 0) throw new AppError(message('mock.noCards'));
      const seed = newSeed();
      const chosen = chooseQuestions(candidates.map((c) => c.id), arg.count, seededRandom(seed));
      const byId = new Map(candidates.map((c) => [c.id, c]));
      // A card's topics are its tags; an untagged card counts under its deck's name, so every answer has a topic.
      const questions = chosen.map((cardId) => {
        const card = byId.get(cardId)!;
        return { cardId, topics: card.tags.length > 0 ? [...card.tags] : [card.deckName] };
      });
      const settings = { count: arg.count, secondsPerQuestion: arg.secondsPerQuestion, reschedule: arg.reschedule };
      const startedAt = clock.now();
      const mockId = store.create({ selection, settings, seed, startedAt, questions });
      const shown: MockQuestion[] = questions.map((q, position) => ({ position, ...shownCard(q.cardId), topics: q.topics }));
      return { mockId, selection, settings, startedAt, questions: shown };
    },

    /** Records an answer once; with rescheduling on it is also the card's review, in the same transaction. */
    answer(arg: MockAnswerArg): void {
      const head = openMock(arg.mockId);
      if (head.finishedAt !== null) throw new AppError(message('mock.finished', { mockId: arg.mockId }));
      const question = store.questions(arg.mockId).find((q) => q.cardId === arg.cardId);
      if (!question) throw new AppError(message('mock.notAQuestion', { mockId: arg.mockId, cardId: arg.cardId }));
      if (question.grade !== null) throw new AppError(message('mock.alreadyAnswered', { cardId: arg.cardId }));
      db.transaction(() => {
        if (head.settings.reschedule) reviewAsStudied(arg);
        store.answer({ ...arg, at: clock.now() });
      })();
    },

    finish(mockId: number): MockReport {
      openMock(mockId);
      store.finish(mockId, clock.now());
      return report(mockId);
    },

    report,

    list: (): MockSummary[] => store.all().map((mock) => mockSummary(mock.head, mock.results)),
  };

  /**
   * A question's card as the review shows it: a coding card with its code (from its deck file). Never its last
   * attempt: an interview starts from the starter, and a "Restore last attempt" button would turn writing into
   * reading the answer one wrote before.
   */
  function shownCard(cardId: string): Pick<MockQuestion, 'card'> {
    const card = deps.cardView(cardId)!;
    return { card: { ...card, code: deps.coding.codeOf(card.deckId, cardId) } };
  }

  /**
   * The study service's own answer, in the card's deck's session (so that deck's review can undo it today). The
   * version is read now: the mock row already guards against a second answer, and the card may have been reviewed
   * elsewhere since the mock started.
   */
  function reviewAsStudied(arg: MockAnswerArg): void {
    const card = deps.cardView(arg.cardId);
    if (!card) throw new AppError(message('study.cardNotFound', { cardId: arg.cardId }));
    study.answer({ deckId: card.deckId, cardId: arg.cardId, quality: MOCK_GRADE_QUALITY[arg.grade], version: card.state.version, durationMs: arg.ms });
  }
}

export type MockService = ReturnType<typeof createMockService>;
