// Statistics → the rows the charts draw and the tables list, and the words numbers are shown in. Pure (no DOM, no
// clock, no Plot), so Node tests import it: every date comes from the host's study-day numbers, so the screen shows
// the host's "today". charts.ts turns these rows into Observable Plot options.
import type { Statistics, StatisticsDay } from '../../../../main/contract/statistics';

const MS_PER_DAY = 86_400_000;
/** The calendar date a study day is named by (days from 1970-01-01), as a UTC date: Plot's time scales are UTC. */
export const dateOfDay = (day: number): Date => new Date(day * MS_PER_DAY);
export const isoDateOfDay = (day: number): string => dateOfDay(day).toISOString().slice(0, 10);

/** Mid-tone colours that read on the light and the dark background alike. */
export const KIND_COLORS = { New: '#3b82f6', Learning: '#f97316', Review: '#22a35a' } as const;

export interface DayRow { day: number; date: Date; type: keyof typeof KIND_COLORS; count: number }

/** The days of the window of `days` days ending today (today − days + 1 … today) that have answers, oldest first. */
export const windowDays = (stats: Statistics, days: number): StatisticsDay[] =>
  stats.days.filter((d) => d.day > stats.today - days && d.day <= stats.today);

/** One row per day and kind with answers in the window: the stacked bars of "answers per day". */
export function answerRows(stats: Statistics, days: number): DayRow[] {
  return windowDays(stats, days).flatMap((d) => {
    const date = dateOfDay(d.day);
    const rows: DayRow[] = [
      { day: d.day, date, type: 'New', count: d.newCards },
      { day: d.day, date, type: 'Learning', count: d.learning },
      { day: d.day, date, type: 'Review', count: d.review },
    ];
    return rows.filter((r) => r.count > 0);
  });
}

export const answersOfDay = (d: StatisticsDay): number => d.newCards + d.learning + d.review;

/**
 * The unit the time chart counts in: seconds while the busiest day is under two minutes (a minutes axis would read
 * 0, 0.5, 1), minutes under two hours, hours beyond. Values are rounded to a whole unit or a tenth of one, so axis
 * labels and tips never show floating-point tails (0.30000000000000004).
 */
export function timeUnit(mostMs: number): { label: 'seconds' | 'minutes' | 'hours'; ms: number } {
  if (mostMs < 2 * 60_000) return { label: 'seconds', ms: 1000 };
  if (mostMs < 2 * 3_600_000) return { label: 'minutes', ms: 60_000 };
  return { label: 'hours', ms: 3_600_000 };
}

export function timeRows(stats: Statistics, days: number): { unit: ReturnType<typeof timeUnit>; rows: { day: number; date: Date; time: number }[] } {
  const inWindow = windowDays(stats, days);
  const unit = timeUnit(Math.max(0, ...inWindow.map((d) => d.ms)));
  const round = unit.label === 'seconds' ? 1 : 10;
  return { unit, rows: inWindow.map((d) => ({ day: d.day, date: dateOfDay(d.day), time: Math.round((d.ms / unit.ms) * round) / round })) };
}

/** Today and the days after it, `days` in all, each with the reviews due that day. */
export function forecastRows(stats: Statistics, days: number): { day: number; date: Date; due: number }[] {
  return stats.dueDays.slice(0, days).map((due, i) => ({ day: stats.today + i, date: dateOfDay(stats.today + i), due }));
}

export interface CalendarCell { week: number; weekday: number; day: number; date: Date; answers: number }

/** The calendar: a column per week (Sunday first, as the calendar date reads), a row per weekday, the last year. */
export function calendarCells(stats: Statistics): CalendarCell[] {
  const first = stats.today - 364;
  const firstWeekday = dateOfDay(first).getUTCDay();
  return windowDays(stats, 365).map((d) => ({
    week: Math.floor((d.day - first + firstWeekday) / 7),
    weekday: dateOfDay(d.day).getUTCDay(),
    day: d.day,
    date: dateOfDay(d.day),
    answers: answersOfDay(d),
  }));
}

/** The weeks the calendar spans (53 or 54 columns), so every cell of the year has a place. */
export const calendarWeeks = (stats: Statistics): number => Math.floor((364 + dateOfDay(stats.today - 364).getUTCDay()) / 7) + 1;

/** Month labels of the calendar: the week column where each month's first day falls. */
export function calendarMonths(stats: Statistics): { week: number; label: string }[] {
  const first = stats.today - 364;
  const firstWeekday = dateOfDay(first).getUTCDay();
  const months: { week: number; label: string }[] = [];
  for (let day = first; day <= stats.today; day++) {
    const date = dateOfDay(day);
    if (date.getUTCDate() === 1) months.push({ week: Math.floor((day - first + firstWeekday) / 7), label: MONTHS[date.getUTCMonth()] });
  }
  return months;
}
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function cardStateRows(stats: Statistics): { state: string; cards: number }[] {
  const s = stats.cardStates;
  return [
    { state: 'New', cards: s.newCards }, { state: 'Learning', cards: s.learning }, { state: 'Young', cards: s.young },
    { state: 'Mature', cards: s.mature }, { state: 'Suspended', cards: s.suspended },
  ];
}

const BUTTON_NAMES: Record<number, string> = { 0: '0', 1: 'Again', 2: '2', 3: 'Hard', 4: 'Good', 5: 'Easy' };
export const KIND_NAMES = { new: 'New', drill: 'Learning', learning: 'Learning', review: 'Review' } as const;
/** The button's name as the review screen shows it: Again/Hard/Good/Easy, or the grade 0–5 where six were used. */
export const buttonName = (quality: number, sixGrades: boolean) => (sixGrades ? String(quality) : (BUTTON_NAMES[quality] ?? String(quality)));

export function buttonRows(stats: Statistics, days: number): { kind: string; button: string; quality: number; count: number }[] {
  const counts = stats.buttons.find((b) => b.days === days)?.counts ?? [];
  const sixGrades = counts.some((c) => c.quality === 0 || c.quality === 2);
  return counts.map((c) => ({ kind: KIND_NAMES[c.kind], button: buttonName(c.quality, sixGrades), quality: c.quality, count: c.count }));
}

/** "87.5%" or "—" when nothing was answered. */
export const percent = (passed: number, total: number): string => (total === 0 ? '—' : `${((100 * passed) / total).toFixed(1)}%`);

/** How a duration's parts are worded: English below, the screen passes the UI language's (localized.ts). */
export interface DurationUnits {
  seconds(s: number): string;
  minutesSeconds(min: number, s: number): string;
  hoursMinutes(h: number, min: number): string;
}
const ENGLISH_UNITS: DurationUnits = {
  seconds: (s) => `${s} s`,
  minutesSeconds: (min, s) => `${min} min ${s} s`,
  hoursMinutes: (h, min) => `${h} h ${min} min`,
};

/** "1 h 5 min", "3 min 20 s", "12 s". */
export function duration(ms: number, units: DurationUnits = ENGLISH_UNITS): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return units.seconds(s);
  const min = Math.floor(s / 60);
  if (min < 60) return units.minutesSeconds(min, s % 60);
  return units.hoursMinutes(Math.floor(min / 60), min % 60);
}
