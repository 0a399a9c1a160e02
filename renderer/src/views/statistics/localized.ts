// The statistics screen's words in the UI language: rows.ts keeps English names as the rows' identities (tests and
// Plot domains use them); these turn them, durations, months, weekdays and date ticks into the current language.
import { t } from '../../lib/i18n';
import { locale } from '../../lib/i18n/locale.svelte';
import { gradeLabel } from '../../lib/outcomes';
import { dateOfDay, duration, MONTHS, type DurationUnits } from './rows';

const UNITS: DurationUnits = {
  seconds: (s) => t('stats.seconds', { s }),
  minutesSeconds: (min, s) => t('stats.minutesSeconds', { min, s }),
  hoursMinutes: (h, min) => t('stats.hoursMinutes', { h, min }),
};
export const durationWords = (ms: number): string => duration(ms, UNITS);

const STATE_NAMES = ['New', 'Learning', 'Young', 'Mature', 'Suspended'] as const;
const GRADE_NAMES: Record<string, number> = { Again: 1, Hard: 3, Good: 4, Easy: 5 };

/** A card state, answer kind or button name of rows.ts in the UI language (a digit grade stays a digit). */
export function stateName(name: string): string {
  if ((STATE_NAMES as readonly string[]).includes(name)) return t(`stats.state.${name as (typeof STATE_NAMES)[number]}`);
  if (name === 'Review') return t('stats.review');
  if (name in GRADE_NAMES) return gradeLabel(GRADE_NAMES[name]);
  return name;
}

const utcFormat = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale.current, { ...options, timeZone: 'UTC' });

/** rows.ts's English month label ('Dec') as the UI language's short month name. */
export const monthName = (label: string): string => utcFormat({ month: 'short' }).format(Date.UTC(2026, MONTHS.indexOf(label), 1));

/** Weekday 0–6 (Sunday first) as a short name. Day 20422 (2025-11-30) is a Sunday. */
export const weekdayName = (weekday: number): string => utcFormat({ weekday: 'short' }).format(dateOfDay(20422 + weekday));

/** A date axis tick: month and day. */
export const dayTick = (date: Date): string => utcFormat({ month: 'short', day: 'numeric' }).format(date);
