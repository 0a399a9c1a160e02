// Mock interviews (issue 18): the mocks, their questions and answers (migration 011). Answers here never touch
// card_state or reviews; a mock with rescheduling on also answers through the study store, as a review.
import type { MockGrade, MockQuestionResult, MockSelection, MockSettings } from '../contract/mock';
import type { MockCandidate, MockRecord } from '../core/mock';
import type { Db } from './database';
import { splitTags } from './rows';

interface MockRow {
  id: number;
  selection: string;
  question_count: number;
  seconds_per_question: number;
  reschedule: number;
  started_at: number;
  finished_at: number | null;
}

interface AnswerRow {
  position: number;
  card_id: string;
  topics: string;
  grade: MockGrade | null;
  ms: number | null;
  timed_out: number;
  front_md: string | null;
}

export interface MockQuestionRow {
  position: number;
  cardId: string;
  topics: string[];
  grade: MockGrade | null;
}

const headOf = (row: MockRow): MockRecord['head'] => ({
  mockId: row.id,
  selection: JSON.parse(row.selection) as MockSelection,
  settings: { count: row.question_count, secondsPerQuestion: row.seconds_per_question, reschedule: row.reschedule === 1 },
  startedAt: row.started_at,
  finishedAt: row.finished_at,
});

const resultOf = (row: AnswerRow): MockQuestionResult => ({
  position: row.position, cardId: row.card_id, question: row.front_md, topics: JSON.parse(row.topics) as string[],
  grade: row.grade, ms: row.ms, timedOut: row.timed_out === 1,
});

export function createMockStore(db: Db) {
  // Cards a mock may ask: live (not removed, deck available) and not suspended.
  const candidateRows = db.prepare(`SELECT c.id, c.deck_id AS deckId, c.tags, d.name AS deckName FROM cards c
    JOIN card_state s ON s.card_id = c.id JOIN decks d ON d.id = c.deck_id
    WHERE s.live = 1 AND s.queue <> 'suspended' ORDER BY c.id`);
  const insertMock = db.prepare(`INSERT INTO mock_interviews (selection, question_count, seconds_per_question, reschedule, seed, started_at)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const insertQuestion = db.prepare(`INSERT INTO mock_answers (mock_id, position, card_id, topics) VALUES (?, ?, ?, ?)`);
  const mockById = db.prepare(`SELECT * FROM mock_interviews WHERE id = ?`);
  const questionRows = db.prepare(`SELECT position, card_id, topics, grade FROM mock_answers WHERE mock_id = ? ORDER BY position`);
  const resultRows = db.prepare(`SELECT a.position, a.card_id, a.topics, a.grade, a.ms, a.timed_out, c.front_md FROM mock_answers a
    LEFT JOIN cards c ON c.id = a.card_id WHERE a.mock_id = ? ORDER BY a.position`);
  const recordAnswer = db.prepare(`UPDATE mock_answers SET grade = @grade, ms = @ms, revealed = @revealed, timed_out = @timedOut,
    answered_at = @at WHERE mock_id = @mockId AND card_id = @cardId AND grade IS NULL`);
  const markFinished = db.prepare(`UPDATE mock_interviews SET finished_at = ? WHERE id = ? AND finished_at IS NULL`);
  const allMocks = db.prepare(`SELECT * FROM mock_interviews ORDER BY id DESC`);
  const previousFinished = db.prepare(`SELECT * FROM mock_interviews WHERE selection = ? AND id < ? AND finished_at IS NOT NULL
    ORDER BY id DESC LIMIT 1`);

  const head = (mockId: number): MockRecord['head'] | null => {
    const row = mockById.get(mockId) as MockRow | undefined;
    return row ? headOf(row) : null;
  };
  const record = (row: MockRow): MockRecord => ({ head: headOf(row), results: (resultRows.all(row.id) as AnswerRow[]).map(resultOf) });

  return {
    candidates: (): (MockCandidate & { deckName: string })[] =>
      (candidateRows.all() as { id: string; deckId: string; tags: string; deckName: string }[]).map((r) => ({ ...r, tags: splitTags(r.tags) })),

    /** Stores a new mock and its questions in order; `selection` is canonical (the same selection, the same text). */
    create(arg: { selection: MockSelection; settings: MockSettings; seed: number; startedAt: number; questions: { cardId: string; topics: string[] }[] }): number {
      return db.transaction(() => {
        const { settings } = arg;
        const mockId = Number(insertMock.run(JSON.stringify(arg.selection), settings.count, settings.secondsPerQuestion,
          settings.reschedule ? 1 : 0, arg.seed, arg.startedAt).lastInsertRowid);
        arg.questions.forEach((q, position) => insertQuestion.run(mockId, position, q.cardId, JSON.stringify(q.topics)));
        return mockId;
      })();
    },

    head,
    questions: (mockId: number): MockQuestionRow[] =>
      (questionRows.all(mockId) as AnswerRow[]).map((r) => ({ position: r.position, cardId: r.card_id, topics: JSON.parse(r.topics) as string[], grade: r.grade })),

    /** Records a question's answer once; false when it had one already (or is not a question of the mock). */
    answer(arg: { mockId: number; cardId: string; grade: MockGrade; ms: number; revealed: boolean; timedOut: boolean; at: number }): boolean {
      return recordAnswer.run({ ...arg, revealed: arg.revealed ? 1 : 0, timedOut: arg.timedOut ? 1 : 0 }).changes === 1;
    },

    finish: (mockId: number, at: number): void => void markFinished.run(at, mockId),

    /** The mock with its results, and the last finished mock on the same selection before it. */
    withPrevious(mockId: number): { mock: MockRecord; previous: MockRecord | null } | null {
      const row = mockById.get(mockId) as MockRow | undefined;
      if (!row) return null;
      const before = previousFinished.get(row.selection, row.id) as MockRow | undefined;
      return { mock: record(row), previous: before ? record(before) : null };
    },

    /** Every mock, newest first, with its results. */
    all: (): MockRecord[] => (allMocks.all() as MockRow[]).map(record),
  };
}

export type MockStore = ReturnType<typeof createMockStore>;
