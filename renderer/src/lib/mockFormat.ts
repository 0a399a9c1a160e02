// How the mock interview screens write grades, scores and times, in the UI language.
import type { Quality } from '../../../main/contract/api';
import type { MockGrade, MockSelection } from '../../../main/contract/mock';
import { gradeLabel } from './outcomes';

/** A mock grade's name: the review's button of the same grade (Again, Hard, Good, Easy). */
const GRADE_QUALITY: Record<MockGrade, Quality> = { again: 1, hard: 3, good: 4, easy: 5 };
export const mockGradeLabel = (grade: MockGrade): string => gradeLabel(GRADE_QUALITY[grade]);

export const percent = (score: number): string => `${Math.round(score * 100)}%`;

export const seconds = (ms: number | null): string => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);

/** A countdown's text: whole seconds left, as m:ss. */
export function clock(msLeft: number): string {
  const total = Math.max(0, Math.ceil(msLeft / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** The change from a previous score, in points: "+25", "−10", "±0". */
export function delta(score: number, previous: number): string {
  const points = Math.round((score - previous) * 100);
  return points > 0 ? `+${points}` : points < 0 ? `−${-points}` : '±0';
}

export function describeSelection(selection: MockSelection, deckName: (deckId: string) => string): string {
  const parts = [...selection.deckIds.map(deckName), ...selection.tags.map((tag) => `#${tag}`)];
  return parts.join(', ');
}
