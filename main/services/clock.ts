// Time enters the app here only, so the core stays pure and tests can move the clock.
import { dayNumber } from '../core/scheduler/day';

export interface Clock {
  now(): number;
  /** Minutes to add to UTC for local time at `epochMs` (DST-aware). */
  utcOffsetMin(epochMs: number): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  utcOffsetMin: (epochMs) => -new Date(epochMs).getTimezoneOffset(),
};

export function studyDay(clock: Clock, rolloverHour: number, epochMs = clock.now()): number {
  return dayNumber(epochMs, clock.utcOffsetMin(epochMs), rolloverHour);
}

/** Local calendar date YYYY-MM-DD, for backup file names. */
export function localIsoDate(clock: Clock, epochMs = clock.now()): string {
  return new Date(epochMs + clock.utcOffsetMin(epochMs) * 60_000).toISOString().slice(0, 10);
}
