// Study days. A day starts at the rollover hour (Anki's default 04:00) in the user's time zone, so a late-night
// session still counts as "today". Day numbers count from 1970-01-01; the time-zone offset comes in as an argument.

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
export const DEFAULT_ROLLOVER_HOUR = 4;

/**
 * @param epochMs      the instant
 * @param utcOffsetMin minutes to add to UTC for local time (e.g. +480 for UTC+8; note Date#getTimezoneOffset is the negation)
 * @param rolloverHour 0–23
 */
export function dayNumber(epochMs: number, utcOffsetMin: number, rolloverHour = DEFAULT_ROLLOVER_HOUR): number {
  return Math.floor((epochMs + utcOffsetMin * 60_000 - rolloverHour * MS_PER_HOUR) / MS_PER_DAY);
}

/** Epoch ms at which study day `day` starts. */
export function dayStartMs(day: number, utcOffsetMin: number, rolloverHour = DEFAULT_ROLLOVER_HOUR): number {
  return day * MS_PER_DAY + rolloverHour * MS_PER_HOUR - utcOffsetMin * 60_000;
}
