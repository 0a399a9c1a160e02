// Mock interviews (issue 18) over a real collection: by default nothing of the scheduling, the review log or the
// statistics changes; with rescheduling on an answer is a review (and that deck's session can undo it); refusals
// come as message codes; the report compares with the last mock on the same selection.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MockStarted } from '../../../main/contract/mock';
import { createDispatcher } from '../../../main/ipc/dispatch';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';
import { refusal } from '../helpers/refusal';

let c: TempCollection;
afterEach(() => c?.dispose());

const decks = {
  'opt.md': deckText('opt', [
    { id: 'adam', q: 'Adam?', tags: ['adam'] }, { id: 'sgd', q: 'SGD?', tags: ['sgd'] }, { id: 'mom', q: 'Momentum?', tags: ['sgd', 'momentum'] },
    { id: 'plain', q: 'Untagged?' },
  ], 'Optimizers'),
  'loss.md': deckText('loss', [{ id: 'ce', q: 'Cross-entropy?', tags: ['loss'] }, { id: 'mse', q: 'MSE?', tags: ['loss'] }]),
};

const CODING_DECK = readFileSync(join(__dirname, '../../fixtures/coding-review/coding.md'), 'utf8');

/** Everything scheduling and statistics read: card states, the review log, the statistics totals. */
function schedulingSnapshot(): unknown {
  const db = new Database(join(c.dataDir, 'proofdeck.sqlite'), { readonly: true });
  try {
    return ['card_state', 'reviews', 'review_day_totals', 'review_deck_totals', 'answer_undo'].map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all());
  } finally {
    db.close();
  }
}

const answerAll = async (started: MockStarted, grades: ('again' | 'hard' | 'good' | 'easy')[]) => {
  for (const [i, grade] of grades.entries()) {
    await c.app.api.answerMock({ mockId: started.mockId, cardId: started.questions[i].card.id, grade, ms: 1000 * (i + 1), revealed: true, timedOut: false });
  }
};

describe('mock interviews', () => {
  it('by default changes no scheduling, review log, statistics or home counts, and keeps the mock for its report', async () => {
    c = tempCollection({ builtIn: decks });
    const before = schedulingSnapshot();
    const overviewBefore = await c.app.api.overview();

    const started = await c.app.api.startMock({ selection: { deckIds: ['opt'], tags: [] }, count: 3, secondsPerQuestion: 30, reschedule: false });
    expect(started.questions).toHaveLength(3);
    expect(new Set(started.questions.map((q) => q.card.id)).size).toBe(3);
    expect(started.questions.every((q) => q.card.deckId === 'opt')).toBe(true);
    await answerAll(started, ['again', 'good', 'hard']);
    c.clock.advanceMs(60_000);
    const report = await c.app.api.finishMock({ mockId: started.mockId });

    expect(schedulingSnapshot()).toEqual(before);
    expect(await c.app.api.overview()).toEqual(overviewBefore);
    expect(report).toMatchObject({ mockId: started.mockId, answered: 3, questions: 3, score: 0.5, finishedAt: c.clock.now(), previous: null });
    expect(report.results.map((r) => [r.cardId, r.grade, r.ms])).toEqual(started.questions.map((q, i) => [q.card.id, ['again', 'good', 'hard'][i], 1000 * (i + 1)]));
    // An untagged card counts under its deck's name.
    const plain = started.questions.find((q) => q.card.id === 'plain');
    if (plain) expect(plain.topics).toEqual(['Optimizers']);
    expect((await c.app.api.listMocks()).mocks.map((m) => [m.mockId, m.score])).toEqual([[started.mockId, 0.5]]);
    expect(await c.app.api.mockReport({ mockId: started.mockId })).toEqual(report);
  });

  it('with rescheduling on, an answer is a review of its card, undone by its deck\'s session', async () => {
    c = tempCollection({ builtIn: decks });
    const started = await c.app.api.startMock({ selection: { deckIds: [], tags: ['loss'] }, count: 5, secondsPerQuestion: 30, reschedule: true });
    expect(started.questions.map((q) => q.card.id).sort()).toEqual(['ce', 'mse']);
    const first = started.questions[0].card;
    await c.app.api.answerMock({ mockId: started.mockId, cardId: first.id, grade: 'good', ms: 2000, revealed: true, timedOut: false });
    const answered = (await c.app.api.getCard({ cardId: first.id })).card.state;
    expect(answered.reps).toBe(1);
    expect(answered.version).toBe(first.state.version + 1);
    expect((await c.app.api.statistics({ deckId: null })).answers).toBe(1);
    const undone = await c.app.api.undoAnswer({ deckId: 'loss' });
    expect(undone.undoneCardId).toBe(first.id);
  });

  it('refuses what names nothing or comes twice, each with its code', async () => {
    c = tempCollection({ builtIn: decks });
    const start = (over: object) => c.app.api.startMock({ selection: { deckIds: ['opt'], tags: [] }, count: 2, secondsPerQuestion: 30, reschedule: false, ...over });
    expect((await refusal(start({ selection: { deckIds: [], tags: [] } }))).code).toBe('mock.emptySelection');
    expect((await refusal(start({ count: 0 }))).code).toBe('mock.countTooSmall');
    expect((await refusal(start({ secondsPerQuestion: 0 }))).code).toBe('mock.noTime');
    expect((await refusal(start({ selection: { deckIds: ['nope'], tags: ['none'] } }))).code).toBe('mock.noCards');
    expect((await refusal(c.app.api.mockReport({ mockId: 99 }))).code).toBe('mock.notFound');

    const started = await start({});
    const answer = (cardId: string) => c.app.api.answerMock({ mockId: started.mockId, cardId, grade: 'good', ms: 1, revealed: true, timedOut: false });
    expect((await refusal(answer('ce'))).code).toBe('mock.notAQuestion');
    await answer(started.questions[0].card.id);
    expect((await refusal(answer(started.questions[0].card.id))).code).toBe('mock.alreadyAnswered');
    await c.app.api.finishMock({ mockId: started.mockId });
    expect((await refusal(answer(started.questions[1].card.id))).code).toBe('mock.finished');
  });

  it('the schemas bound the arguments (counts, grades, times)', async () => {
    c = tempCollection({ builtIn: decks });
    const dispatch = createDispatcher(c.app.api);
    const bad = await refusal(dispatch('startMock', { selection: { deckIds: ['opt'], tags: [] }, count: 201, secondsPerQuestion: 30, reschedule: false }));
    expect(bad.code).toBe('api.invalidArgument');
    const badGrade = await refusal(dispatch('answerMock', { mockId: 1, cardId: 'adam', grade: 'perfect', ms: 1, revealed: true, timedOut: false }));
    expect(badGrade.code).toBe('api.invalidArgument');
  });

  it('compares with the last finished mock on the same selection, however it was ticked', async () => {
    c = tempCollection({ builtIn: decks });
    const mock = async (selection: { deckIds: string[]; tags: string[] }, grades: ('again' | 'good')[]) => {
      const started = await c.app.api.startMock({ selection, count: 2, secondsPerQuestion: 30, reschedule: false });
      await answerAll(started, grades);
      return c.app.api.finishMock({ mockId: started.mockId });
    };
    const first = await mock({ deckIds: ['loss', 'opt'], tags: [] }, ['again', 'again']);
    expect(first.previous).toBeNull();
    const second = await mock({ deckIds: ['opt', 'loss'], tags: [] }, ['good', 'good']);
    const other = await mock({ deckIds: ['opt'], tags: [] }, ['again', 'again']);
    const unfinished = await c.app.api.startMock({ selection: { deckIds: ['loss', 'opt'], tags: [] }, count: 1, secondsPerQuestion: 30, reschedule: false });
    const last = await mock({ deckIds: ['opt', 'loss', 'opt'], tags: [] }, ['again', 'good']);
    expect(last.previous).toMatchObject({ mockId: second.mockId, score: 1 });
    expect(last.score).toBe(0.5);
    expect((await c.app.api.listMocks()).mocks.map((m) => [m.mockId, m.finishedAt !== null])).toEqual([
      [last.mockId, true], [unfinished.mockId, false], [other.mockId, true], [second.mockId, true], [first.mockId, true],
    ]);
  });

  it('a coding card in a mock carries its starter, never the last attempt, its solution only in its code parts', async () => {
    c = tempCollection({ user: { 'coding.md': CODING_DECK } });
    const started = await c.app.api.startMock({ selection: { deckIds: ['coding-review'], tags: [] }, count: 2, secondsPerQuestion: 60, reschedule: false });
    const byId = new Map(started.questions.map((q) => [q.card.id, q]));
    const coding = byId.get('cr-softmax')!;
    expect(coding.card.code?.starter.code).toContain('return x; // TODO');
    expect(coding.card.code?.solution.code).toContain('tf.sub(x, tf.max(x, -1, true))');
    // What the page shows before the reveal (the question) and the answer text never hold the solution.
    expect(coding.card.frontMd + coding.card.backMd).not.toContain('tf.sub(x, tf.max(x, -1, true))');
    expect(coding).not.toHaveProperty('lastAttempt');
    expect(byId.get('cr-plain')!.card.code ?? null).toBeNull();

    const attempt = { cardId: 'cr-softmax', code: 'function softmax(x) { return tf.softmax(x); }', passed: true, checksPassed: 3, checksTotal: 3, runs: 1, solveMs: 5000 };
    await c.app.api.recordCodeAttempt(attempt);
    const again = await c.app.api.startMock({ selection: { deckIds: [], tags: ['softmax'] }, count: 1, secondsPerQuestion: 60, reschedule: false });
    // Kept for the review, never offered in a mock: the interview starts from the starter.
    expect(again.questions[0]).not.toHaveProperty('lastAttempt');
  });
});
