import { describe, expect, it } from 'vitest';
import type { MockQuestionResult } from '../../../main/contract/mock';
import { canonicalSelection, chooseQuestions, inSelection, mockReport, seededRandom, weakestTopics } from '../../../main/core/mock';

const result = (cardId: string, topics: string[], grade: MockQuestionResult['grade'], ms = 1000): MockQuestionResult =>
  ({ position: 0, cardId, question: `Q ${cardId}`, topics, grade, ms, timedOut: grade === null });
const head = (mockId: number) => ({
  mockId, selection: { deckIds: ['d'], tags: [] }, settings: { count: 3, secondsPerQuestion: 60, reschedule: false }, startedAt: 0, finishedAt: 1,
});

describe('choosing questions', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

  it('takes count distinct cards, the same for the same seed whatever order the candidates came in', () => {
    const one = chooseQuestions(ids, 5, seededRandom(42));
    expect(new Set(one).size).toBe(5);
    expect(one.every((id) => ids.includes(id))).toBe(true);
    expect(chooseQuestions([...ids].reverse(), 5, seededRandom(42))).toEqual(one);
  });

  it('orders at random: other seeds give other orders, and every card comes first for some seed', () => {
    const firsts = new Set<string>();
    const orders = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) {
      const order = chooseQuestions(ids, ids.length, seededRandom(seed));
      firsts.add(order[0]);
      orders.add(order.join(''));
    }
    expect(firsts.size).toBe(ids.length);
    expect(orders.size).toBeGreaterThan(150);
  });

  it('takes all the cards when fewer than count, and follows the random source it is given', () => {
    expect(chooseQuestions(['b', 'a'], 5, () => 0)).toEqual(['a', 'b']);
    // 0.99 swaps in the last remaining card each time.
    expect(chooseQuestions(['a', 'b', 'c'], 3, () => 0.99)).toEqual(['c', 'a', 'b']);
  });

  it('selects by deck or by tag, and canonical selections compare equal', () => {
    const selection = { deckIds: ['d1'], tags: ['adam'] };
    expect(inSelection({ id: 'x', deckId: 'd1', tags: [] }, selection)).toBe(true);
    expect(inSelection({ id: 'x', deckId: 'd2', tags: ['adam', 'sgd'] }, selection)).toBe(true);
    expect(inSelection({ id: 'x', deckId: 'd2', tags: ['sgd'] }, selection)).toBe(false);
    expect(canonicalSelection({ deckIds: ['b', 'a', 'b'], tags: ['z', 'y'] })).toEqual({ deckIds: ['a', 'b'], tags: ['y', 'z'] });
  });
});

describe('the report', () => {
  it('scores Again 0, Hard 0.5, Good and Easy 1, unanswered 0, per topic and overall', () => {
    const report = mockReport({ head: head(2), results: [
      result('c1', ['adam'], 'again'), result('c2', ['adam', 'sgd'], 'hard'), result('c3', ['sgd'], 'easy'), result('c4', ['loss'], null),
    ] }, null);
    expect(report.score).toBeCloseTo((0 + 0.5 + 1 + 0) / 4);
    expect(report.answered).toBe(3);
    expect(report.byTopic.map((t) => [t.topic, t.score, t.cardIds])).toEqual([
      ['adam', 0.25, ['c1', 'c2']], ['sgd', 0.75, ['c2', 'c3']], ['loss', 0, ['c4']],
    ]);
    expect(report.weakest.map((t) => t.topic)).toEqual(['loss', 'adam', 'sgd']);
    expect(report.previous).toBeNull();
  });

  it('leaves perfect topics out of the weakest and shows at most three', () => {
    const topics = ['a', 'b', 'c', 'd', 'e'].map((topic, i) => ({ topic, score: i / 4, questions: 1, cardIds: [topic], previousScore: null }));
    expect(weakestTopics(topics).map((t) => t.topic)).toEqual(['a', 'b', 'c']);
    expect(weakestTopics([{ topic: 'x', score: 1, questions: 2, cardIds: [], previousScore: null }])).toEqual([]);
  });

  it('compares with the previous mock overall and per topic', () => {
    const previous = { head: head(1), results: [result('c1', ['adam'], 'good'), result('c3', ['sgd'], 'again')] };
    const report = mockReport({ head: head(2), results: [result('c1', ['adam'], 'again'), result('c5', ['new'], 'good')] }, previous);
    expect(report.previous).toMatchObject({ mockId: 1, score: 0.5, answered: 2, questions: 2 });
    expect(report.byTopic.map((t) => [t.topic, t.previousScore])).toEqual([['adam', 1], ['new', null]]);
  });
});
