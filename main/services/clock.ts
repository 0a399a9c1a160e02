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

/** A clock a test moves (browser mode's test clock, `PROOFDECK_TEST_CLOCK`): time keeps flowing from where it is put. */
export interface MovableClock extends Clock {
  /** Puts "now" at `epochMs`; time flows on from there. */
  set(epochMs: number): void;
  /** Moves "now" by `ms` (negative moves it back). */
  advance(ms: number): void;
}

/**
 * `base` shifted by an offset that `set` and `advance` change; with `utcOffsetMin` fixed, every instant is in that
 * one zone (a test's time zone, whatever the machine's), else the base's zone rules apply at the shifted instant.
 */
export function movableClock(base: Clock, options: { utcOffsetMin?: number } = {}): MovableClock {
  let offsetMs = 0;
  const fixedZone = options.utcOffsetMin;
  return {
    now: () => base.now() + offsetMs,
    utcOffsetMin: (epochMs) => fixedZone ?? base.utcOffsetMin(epochMs),
    set(epochMs) {
      offsetMs = epochMs - base.now();
    },
    advance(ms) {
      offsetMs += ms;
    },
  };
}
