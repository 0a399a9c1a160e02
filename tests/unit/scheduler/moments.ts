// Review times as a user lives them: a local wall-clock time in a time zone, turned into the instant and the study
// day exactly as services/clock.ts does (day.ts), so tests speak in "03:59 in Shanghai" rather than raw numbers.
import type { Quality } from '../../../main/contract/api';
import { dayNumber } from '../../../main/core/scheduler/day';
import type { LoggedAnswer } from '../../../main/core/scheduler/replay';
import type { StudyMoment } from '../../../main/core/scheduler/state';

/** `local` like '2026-11-26T03:59'; offset in minutes east of UTC (+480 Shanghai, −300 New York). */
export function moment(local: string, utcOffsetMin = 0, rolloverHour = 4): StudyMoment {
  const now = Date.parse(`${local}:00Z`) - utcOffsetMin * 60_000;
  return { now, today: dayNumber(now, utcOffsetMin, rolloverHour) };
}

export function logged(local: string, quality: Quality, utcOffsetMin = 0): LoggedAnswer {
  const { now, today } = moment(local, utcOffsetMin);
  return { quality, reviewedAt: now, day: today };
}

/** Deterministic PRNG: the benches' own, so synthetic histories are the same every run. */
export { prng } from '../../../scripts/bench/stats';
