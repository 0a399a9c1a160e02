// A mock interview's report from its answers: the score rule, scores per topic, the weakest topics and the
// comparison with the previous mock on the same selection. Pure.
import type { MockGrade, MockQuestionResult, MockReport, MockSummary, MockTopicScore } from '../../contract/mock';

/** The score rule: Again 0, Hard 0.5, Good and Easy 1; a question left unanswered scores 0. */
export const GRADE_SCORE: Record<MockGrade, number> = { again: 0, hard: 0.5, good: 1, easy: 1 };

export const WEAKEST_SHOWN = 3;

export const questionScore = (grade: MockGrade | null): number => (grade === null ? 0 : GRADE_SCORE[grade]);

const mean = (values: readonly number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

export function mockScore(results: readonly Pick<MockQuestionResult, 'grade'>[]): number {
  return mean(results.map((r) => questionScore(r.grade)));
}

/** Scores per topic, in the order topics first appear; a question with several topics counts in each. */
export function topicScores(results: readonly MockQuestionResult[], previous: readonly MockQuestionResult[] | null): MockTopicScore[] {
  const grouped = (rows: readonly MockQuestionResult[]) => {
    const byTopic = new Map<string, MockQuestionResult[]>();
    for (const row of rows) for (const topic of row.topics) byTopic.set(topic, [...(byTopic.get(topic) ?? []), row]);
    return byTopic;
  };
  const before = previous ? grouped(previous) : new Map<string, MockQuestionResult[]>();
  return [...grouped(results)].map(([topic, rows]) => {
    const earlier = before.get(topic);
    return {
      topic, score: mockScore(rows), questions: rows.length, cardIds: rows.map((r) => r.cardId),
      previousScore: earlier ? mockScore(earlier) : null,
    };
  });
}

/** The topics scoring below 1, worst first (ties: more questions first, then by name), at most WEAKEST_SHOWN. */
export function weakestTopics(topics: readonly MockTopicScore[]): MockTopicScore[] {
  return topics
    .filter((t) => t.score < 1)
    .sort((a, b) => a.score - b.score || b.questions - a.questions || a.topic.localeCompare(b.topic))
    .slice(0, WEAKEST_SHOWN);
}

export function mockSummary(head: Omit<MockSummary, 'score' | 'answered' | 'questions'>, results: readonly MockQuestionResult[]): MockSummary {
  return { ...head, score: mockScore(results), answered: results.filter((r) => r.grade !== null).length, questions: results.length };
}

export interface MockRecord {
  head: Omit<MockSummary, 'score' | 'answered' | 'questions'>;
  results: MockQuestionResult[];
}

/** The report of `mock`; `previous` is the last finished mock on the same selection before it, if any. */
export function mockReport(mock: MockRecord, previous: MockRecord | null): MockReport {
  const byTopic = topicScores(mock.results, previous?.results ?? null);
  return {
    ...mockSummary(mock.head, mock.results),
    byTopic,
    results: mock.results,
    weakest: weakestTopics(byTopic),
    previous: previous ? mockSummary(previous.head, previous.results) : null,
  };
}
