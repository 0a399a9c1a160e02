import { describe, expect, it } from 'vitest';
import { NEW_SM2_STATE, nextEfMilli, sm2Review, type Sm2State } from '../../../main/core/scheduler/sm2';

function run(grades: number[]): Sm2State[] {
  const states: Sm2State[] = [];
  let state: Sm2State = { ...NEW_SM2_STATE };
  for (const q of grades) {
    state = sm2Review(state, q);
    states.push(state);
  }
  return states;
}

describe('sm2Review — the published vectors', () => {
  it.each([
    [[4, 4, 4, 4], [1, 6, 15, 38], [2500, 2500, 2500, 2500]],
    [[5, 5, 5, 5], [1, 6, 17, 50], [2600, 2700, 2800, 2900]],
    [[3, 3, 3, 3, 3], [1, 6, 13, 26, 47], [2360, 2220, 2080, 1940, 1800]],
    [[5, 5, 5, 2, 4, 4, 4], [1, 6, 17, 1, 1, 6, 17], [2600, 2700, 2800, 2800, 2800, 2800, 2800]],
  ])('%j gives intervals %j', (grades, intervals, efs) => {
    const states = run(grades);
    expect(states.map((s) => s.intervalDays)).toEqual(intervals);
    expect(states.map((s) => s.efMilli)).toEqual(efs);
  });

  it('computes the interval in integers: 75 days at EF 1.36 is 102, not the float ceil 103', () => {
    expect(sm2Review({ efMilli: 1500, reps: 5, intervalDays: 75 }, 3).intervalDays).toBe(102);
    // The float version would give 103: guard that the test input really hits the float trap.
    expect(Math.ceil(75 * 1.36)).toBe(103);
  });

  it('floors EF at 1300 and keeps it there', () => {
    const states = run([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(states.at(-1)!.efMilli).toBe(1300);
    expect(Math.min(...states.map((s) => s.efMilli))).toBe(1300);
    expect(sm2Review({ efMilli: 1300, reps: 3, intervalDays: 10 }, 3)).toEqual({ efMilli: 1300, reps: 4, intervalDays: 13 });
  });

  it('a failure (q < 3) resets reps and interval but leaves EF unchanged, for q = 0, 1, 2', () => {
    for (const q of [0, 1, 2]) {
      expect(sm2Review({ efMilli: 2140, reps: 4, intervalDays: 30 }, q)).toEqual({ efMilli: 2140, reps: 0, intervalDays: 1 });
    }
  });

  it('recovers after a lapse with 1, 6, then EF-scaled intervals', () => {
    const states = run([4, 4, 4, 0, 4, 4, 4]);
    expect(states.map((s) => s.intervalDays)).toEqual([1, 6, 15, 1, 1, 6, 15]);
  });

  it('EF formula matches the published real-valued one for every grade', () => {
    for (let q = 0; q <= 5; q++) {
      const real = 2.5 + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02));
      expect(nextEfMilli(2500, q)).toBe(Math.max(1300, Math.round(real * 1000)));
    }
  });

  it('does not mutate its argument', () => {
    const state = Object.freeze({ efMilli: 2500, reps: 2, intervalDays: 6 });
    expect(() => sm2Review(state, 4)).not.toThrow();
    expect(state).toEqual({ efMilli: 2500, reps: 2, intervalDays: 6 });
  });

  it.each([-1, 6, 2.5, Number.NaN])('rejects quality %s', (q) => {
    expect(() => sm2Review(NEW_SM2_STATE, q)).toThrow(RangeError);
  });
});
