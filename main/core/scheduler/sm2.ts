// SuperMemo-2 exactly as Wozniak published it (super-memory.com, "SM-2"), in integer arithmetic:
// the ease factor is kept in thousandths so that intervals never suffer float error
// (75 · 1.36 is 102.00000000000001 in floats, which a float ceil turns into 103).

/** Ease factor of a new card, thousandths (2.5). */
export const INITIAL_EF_MILLI = 2500;
/** SM-2 never lets the ease factor fall below 1.3. */
export const MINIMUM_EF_MILLI = 1300;
/** Interval after the first and second successful repetition, days. */
export const FIRST_INTERVAL_DAYS = 1;
export const SECOND_INTERVAL_DAYS = 6;
/** Grades below this are a failed recall: repetitions restart. */
export const PASSING_QUALITY = 3;

export interface Sm2State {
  /** Ease factor × 1000, ≥ 1300. */
  efMilli: number;
  /** Successful repetitions in a row since the last failure (0 for a new or lapsed card). */
  reps: number;
  /** Days until the next repetition (0 for a new card). */
  intervalDays: number;
}

export const NEW_SM2_STATE: Readonly<Sm2State> = Object.freeze({ efMilli: INITIAL_EF_MILLI, reps: 0, intervalDays: 0 });

/** EF' = EF + (0.1 − (5−q)(0.08 + (5−q)·0.02)), in thousandths, floored at 1.3. */
export function nextEfMilli(efMilli: number, quality: number): number {
  const miss = 5 - quality;
  return Math.max(MINIMUM_EF_MILLI, efMilli + 100 - miss * (80 + 20 * miss));
}

function assertQuality(quality: number): void {
  if (!Number.isInteger(quality) || quality < 0 || quality > 5) {
    throw new RangeError(`SM-2 quality must be an integer 0–5, got ${quality}`);
  }
}

/**
 * One SM-2 repetition. Pure: returns a new state and leaves its argument alone.
 * q ≥ 3: EF updated (floor 1.3), reps + 1, interval 1, then 6, then ceil(I · EF').
 * q < 3: reps back to 0, interval 1, EF unchanged.
 */
export function sm2Review(state: Readonly<Sm2State>, quality: number): Sm2State {
  assertQuality(quality);
  if (quality < PASSING_QUALITY) {
    return { efMilli: state.efMilli, reps: 0, intervalDays: FIRST_INTERVAL_DAYS };
  }
  const efMilli = nextEfMilli(state.efMilli, quality);
  const reps = state.reps + 1;
  let intervalDays: number;
  if (reps === 1) intervalDays = FIRST_INTERVAL_DAYS;
  else if (reps === 2) intervalDays = SECOND_INTERVAL_DAYS;
  // Integer ceil of intervalDays · efMilli / 1000.
  else intervalDays = Math.floor((state.intervalDays * efMilli + 999) / 1000);
  return { efMilli, reps, intervalDays };
}
