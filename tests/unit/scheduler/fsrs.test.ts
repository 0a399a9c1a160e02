import { default_w, forgetting_curve } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { Quality } from '../../../main/contract/api';
import { DEFAULT_FSRS_SETTINGS, NEW_FSRS_STATE, createFsrsScheduler, fsrsGrade } from '../../../main/core/scheduler/fsrs';
import type { FsrsCardState } from '../../../main/core/scheduler/state';
import { FOUR_BUTTON_QUALITIES, SIX_GRADE_QUALITIES } from '../../../main/core/scheduler/types';
import { moment } from './moments';

const fsrs = createFsrsScheduler();
const MINUTE = 60_000;

/** A card FSRS has in review: stability 12 days, last answered on `day`. */
function reviewCard(day: number): FsrsCardState {
  return { ...NEW_FSRS_STATE, phase: 'review', stability: 12, difficulty: 5.2, reps: 4, scheduledDays: 12, dueDay: day + 12, lastReviewDay: day, queue: 'review' };
}

describe('FSRS adapter: grades', () => {
  it('maps Again/Hard/Good/Easy one to one and six grades 0–2 → Again, 3 → Hard, 4 → Good, 5 → Easy', () => {
    expect(FOUR_BUTTON_QUALITIES.map(fsrsGrade)).toEqual([1, 2, 3, 4]);
    expect(SIX_GRADE_QUALITIES.map(fsrsGrade)).toEqual([1, 1, 1, 2, 3, 4]);
  });

  it('previews every offered grade, keyed by grade, exactly as answer gives it', () => {
    const at = moment('2026-11-26T21:15', 480);
    const card = reviewCard(at.today - 15);
    const preview = fsrs.preview(card, SIX_GRADE_QUALITIES, at);
    expect(Object.keys(preview).map(Number)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const q of SIX_GRADE_QUALITIES) expect(preview[q]).toEqual(fsrs.answer(card, q, at));
    expect(preview[0]).toEqual(preview[2]);
    expect(preview[3]!.next.stability).not.toBe(preview[4]!.next.stability);
  });
});

describe('FSRS adapter: learning steps in minutes, reviews in days', () => {
  const at = moment('2026-11-26T21:15', 480);

  it('a new card answered Good goes to the 10-minute step; Again to the 1-minute step', () => {
    const good = fsrs.answer(fsrs.newState(), 4, at);
    expect(good.kind).toBe('new');
    expect(good.next).toMatchObject({ phase: 'learning', step: 1, dueAt: at.now + 10 * MINUTE, dueDay: null, lastReviewDay: at.today, queue: 'review' });
    expect(good.due).toEqual({ at: at.now + 10 * MINUTE });
    expect(fsrs.answer(fsrs.newState(), 1, at).next).toMatchObject({ phase: 'learning', step: 0, dueAt: at.now + MINUTE });
  });

  it('Good on the last step graduates to a review due days later, counted as a learning answer', () => {
    const step = fsrs.answer(fsrs.newState(), 4, at).next;
    const later = { now: step.dueAt!, today: at.today };
    const graduated = fsrs.answer(step, 4, later);
    expect(graduated.kind).toBe('learning');
    expect(graduated.next.phase).toBe('review');
    expect(graduated.next.dueAt).toBeNull();
    expect(graduated.next.dueDay).toBe(at.today + graduated.next.scheduledDays);
    expect(graduated.next.scheduledDays).toBeGreaterThanOrEqual(1);
  });

  it('a review answered Again lapses into the 10-minute relearning step', () => {
    const card = reviewCard(at.today - 12);
    const { next, kind, due } = fsrs.answer(card, 1, at);
    expect(kind).toBe('review');
    expect(next).toMatchObject({ phase: 'relearning', lapses: 1, step: 0, dueDay: null, dueAt: at.now + 10 * MINUTE });
    expect(due).toEqual({ at: at.now + 10 * MINUTE });
    expect(next.stability).toBeLessThan(card.stability);
  });

  it('uses the steps of the settings', () => {
    const custom = createFsrsScheduler({ learningStepsMin: [5, 30, 120], relearningStepsMin: [3] });
    expect(custom.answer(custom.newState(), 4, at).next.dueAt).toBe(at.now + 30 * MINUTE);
    expect(custom.answer(reviewCard(at.today - 3), 0, at).next.dueAt).toBe(at.now + 3 * MINUTE);
  });

  it('fuzz is off: the interval is the one the stability gives, rounded (FSRS at 90% retention: I = S)', () => {
    const easy = fsrs.answer(fsrs.newState(), 5, at).next;
    expect(easy.phase).toBe('review');
    expect(easy.stability).toBeGreaterThan(5); // long enough that fuzz would move it
    expect(easy.scheduledDays).toBe(Math.round(easy.stability));
  });

  it('a higher desired retention gives shorter intervals', () => {
    const card = reviewCard(at.today - 12);
    const interval = (desiredRetention: number) => createFsrsScheduler({ desiredRetention }).answer(card, 4, at).next.scheduledDays;
    expect(interval(0.95)).toBeLessThan(interval(0.9));
    expect(interval(0.9)).toBeLessThan(interval(0.8));
    expect(DEFAULT_FSRS_SETTINGS.desiredRetention).toBe(0.9);
  });

  it('leaves its argument alone and keeps a suspended card suspended', () => {
    const card = Object.freeze({ ...reviewCard(at.today - 12), queue: 'suspended' as const });
    const { next } = fsrs.answer(card, 4, at);
    expect(next.queue).toBe('suspended');
    expect(card.stability).toBe(12);
  });
});

describe('FSRS adapter: elapsed days are study days', () => {
  const graduate = (firstLocal: string, secondLocal: string, offset: number) => {
    const first = fsrs.answer(fsrs.newState(), 4, moment(firstLocal, offset)).next;
    return fsrs.answer(first, 4, moment(secondLocal, offset)).next;
  };

  it('00:30 after a 23:50 answer is the same study day (rollover 04:00): a short-term step, not a day later', () => {
    const overMidnight = graduate('2026-11-26T23:50', '2026-11-27T00:30', 480);
    const sameEvening = graduate('2026-11-26T23:50', '2026-11-26T23:59', 480);
    expect(overMidnight.stability).toBe(sameEvening.stability);
  });

  it('04:00 is the next study day: FSRS sees one elapsed day and the stability changes', () => {
    const before = graduate('2026-11-27T03:50', '2026-11-27T03:59', 480);
    const after = graduate('2026-11-27T03:50', '2026-11-27T04:00', 480);
    expect(after.stability).not.toBe(before.stability);
    expect(after.lastReviewDay).toBe(before.lastReviewDay! + 1);
  });

  it('a clock put back before the last answer\'s study day answers as the same day instead of failing', () => {
    const at = moment('2026-11-27T09:00', 480);
    const card = reviewCard(at.today + 1);
    const { next } = fsrs.answer(card, 4, at);
    expect(next.lastReviewDay).toBe(at.today);
    expect(next).toEqual(fsrs.answer(reviewCard(at.today), 4, at).next);
  });

  it('a 10-minute step taken at 03:55 is due at 04:05 — the instant, on the next study day', () => {
    const at = moment('2026-11-27T03:55', 480);
    const step = fsrs.answer(fsrs.newState(), 4, at).next;
    expect(step.dueAt).toBe(moment('2026-11-27T04:05', 480).now);
    expect(moment('2026-11-27T04:05', 480).today).toBe(at.today + 1);
    expect(step.lastReviewDay).toBe(at.today);
  });

  it('the same local times in another time zone give the same memory state', () => {
    const shanghai = graduate('2026-11-26T23:50', '2026-11-28T09:00', 480);
    const newYork = graduate('2026-11-26T23:50', '2026-11-28T09:00', -300);
    expect(newYork).toEqual(shanghai);
  });

  it('retrievability is FSRS-6\'s forgetting curve of the study days since the last answer: 90% after S days', () => {
    const card = reviewCard(20_000);
    expect(fsrs.retrievability(card, 20_000)).toBe(1);
    expect(fsrs.retrievability(card, 20_012)).toBeCloseTo(0.9, 10);
    expect(fsrs.retrievability(card, 20_030)).toBe(forgetting_curve(default_w, 30, 12));
    expect(fsrs.retrievability(fsrs.newState(), 20_030)).toBe(0);
  });

  it('every four-button grade of a new card is an FSRS-6 first answer (difficulty from w4/w5)', () => {
    const at = moment('2026-11-26T10:00');
    for (const q of [1, 3, 4, 5] as Quality[]) {
      const g = fsrsGrade(q);
      const expected = Math.min(10, Math.max(1, default_w[4] - Math.exp((g - 1) * default_w[5]) + 1));
      expect(fsrs.answer(fsrs.newState(), q, at).next.difficulty).toBeCloseTo(expected, 6);
    }
  });
});
