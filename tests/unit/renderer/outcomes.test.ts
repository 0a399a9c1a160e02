// The answer buttons' intervals: days for SM-2 and FSRS reviews, minutes for FSRS's (re)learning steps.
import { describe, expect, it } from 'vitest';
import type { ButtonOutcome } from '../../../main/contract/api';
import { describeOutcome, gradeName, spokenReturn } from '../../../renderer/src/lib/outcomes';

const outcome = (o: Partial<ButtonOutcome>): ButtonOutcome =>
  ({ quality: 4, intervalDays: 0, dueDay: 20418, drillsToday: false, efMilli: 2500, dueInMinutes: null, ...o });

describe('describeOutcome', () => {
  it('says minutes for an FSRS step, days for a review, and the drill first for SM-2', () => {
    expect(describeOutcome(outcome({ dueInMinutes: 10 }))).toBe('10m');
    expect(describeOutcome(outcome({ dueInMinutes: 0 }))).toBe('<1m');
    expect(describeOutcome(outcome({ dueInMinutes: 90 }))).toBe('1.5h');
    expect(describeOutcome(outcome({ dueInMinutes: 120 }))).toBe('2h');
    expect(describeOutcome(outcome({ intervalDays: 3, dueDay: 20421 }))).toBe('3d');
    expect(describeOutcome(outcome({ intervalDays: 1, drillsToday: true }))).toBe('again today · 1d');
  });
});

describe('gradeName', () => {
  it('says what the button does and when the card returns, in words', () => {
    expect(gradeName(outcome({ quality: 4, intervalDays: 3 }))).toBe('Good — again in 3 days');
    expect(gradeName(outcome({ quality: 5, intervalDays: 1 }))).toBe('Easy — again in 1 day');
    expect(gradeName(outcome({ quality: 1, intervalDays: 1, drillsToday: true }))).toBe('Again — again later today, then in 1 day');
    expect(gradeName(outcome({ quality: 1, dueInMinutes: 10 }))).toBe('Again — again in 10 minutes');
    expect(spokenReturn(outcome({ dueInMinutes: 0 }))).toBe('again in 1 minute');
    expect(spokenReturn(outcome({ dueInMinutes: 90 }))).toBe('again in 1.5 hours');
    expect(spokenReturn(outcome({ intervalDays: 45 }))).toBe('again in 1.5 months');
    expect(spokenReturn(outcome({ intervalDays: 730 }))).toBe('again in 2 years');
    expect(spokenReturn(outcome({ intervalDays: 0 }))).toBe('again today');
  });
});
