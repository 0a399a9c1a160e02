// Statistics → Observable Plot options and table rows. Pure (no DOM, no clock): every date comes from the host's
// study-day numbers, so the screen shows the host's "today". Unit-tested like the proof plots.
import * as Plot from '@observablehq/plot';
import type { Statistics, StatisticsDay } from '../../../../main/contract/statistics';

const MS_PER_DAY = 86_400_000;
/** The calendar date a study day is named by (days from 1970-01-01), as a UTC date: Plot's time scales are UTC. */
export const dateOfDay = (day: number): Date => new Date(day * MS_PER_DAY);
export const isoDateOfDay = (day: number): string => dateOfDay(day).toISOString().slice(0, 10);

/** Mid-tone colours that read on the light and the dark background alike. */
export const KIND_COLORS = { New: '#3b82f6', Learning: '#f97316', Review: '#22a35a' } as const;
const base = (width: number, height = 220) => ({ width, height, style: { background: 'transparent' }, marginLeft: 44 });

export interface DayRow { day: number; date: Date; type: keyof typeof KIND_COLORS; count: number }

/** The days of a window ending today (today − days + 1 … today) with answers, one row per kind with answers. */
export function answerRows(stats: Statistics, days: number): DayRow[] {
  const from = stats.today - days + 1;
  return stats.days.filter((d) => d.day >= from).flatMap((d) => {
    const date = dateOfDay(d.day);
    const rows: DayRow[] = [
      { day: d.day, date, type: 'New', count: d.newCards },
      { day: d.day, date, type: 'Learning', count: d.learning },
      { day: d.day, date, type: 'Review', count: d.review },
    ];
    return rows.filter((r) => r.count > 0);
  });
}

export const windowDays = (stats: Statistics, days: number): StatisticsDay[] => stats.days.filter((d) => d.day > stats.today - days);

const dayDomain = (stats: Statistics, days: number, ahead = false): [Date, Date] =>
  ahead ? [dateOfDay(stats.today), dateOfDay(stats.today + days)] : [dateOfDay(stats.today - days + 1), dateOfDay(stats.today + 1)];

export function answersChart(stats: Statistics, days: number, width: number): Plot.PlotOptions {
  return {
    ...base(width),
    x: { type: 'utc', domain: dayDomain(stats, days), label: null },
    y: { grid: true, label: 'answers' },
    color: { legend: true, domain: Object.keys(KIND_COLORS), range: Object.values(KIND_COLORS) },
    marks: [
      Plot.rectY(answerRows(stats, days), { x: 'date', interval: 'day', y: 'count', fill: 'type', tip: true }),
      Plot.ruleY([0]),
    ],
  };
}

export function timeChart(stats: Statistics, days: number, width: number): Plot.PlotOptions {
  const rows = windowDays(stats, days).map((d) => ({ date: dateOfDay(d.day), minutes: Math.round(d.ms / 6000) / 10 }));
  // At least a minute high, so a day of a few seconds does not draw an axis of zeros.
  const most = Math.max(1, ...rows.map((r) => r.minutes));
  return {
    ...base(width),
    x: { type: 'utc', domain: dayDomain(stats, days), label: null },
    y: { grid: true, label: 'minutes', domain: [0, most], nice: true },
    marks: [Plot.rectY(rows, { x: 'date', interval: 'day', y: 'minutes', fill: KIND_COLORS.New, tip: true }), Plot.ruleY([0])],
  };
}

export function forecastRows(stats: Statistics, days: number): { day: number; date: Date; due: number }[] {
  return stats.dueDays.slice(0, days).map((due, i) => ({ day: stats.today + i, date: dateOfDay(stats.today + i), due }));
}

export function forecastChart(stats: Statistics, days: number, width: number): Plot.PlotOptions {
  return {
    ...base(width),
    x: { type: 'utc', domain: dayDomain(stats, days, true), label: null },
    y: { grid: true, label: 'cards due' },
    marks: [Plot.rectY(forecastRows(stats, days).filter((r) => r.due > 0), { x: 'date', interval: 'day', y: 'due', fill: KIND_COLORS.Review, tip: true }), Plot.ruleY([0])],
  };
}

/** The calendar: a column per week (Sunday first, as the calendar date reads), a row per weekday, the last year. */
export function calendarCells(stats: Statistics): { week: number; weekday: number; date: Date; answers: number }[] {
  const first = stats.today - 364;
  const firstWeekday = dateOfDay(first).getUTCDay();
  return stats.days.filter((d) => d.day >= first).map((d) => ({
    week: Math.floor((d.day - first + firstWeekday) / 7),
    weekday: dateOfDay(d.day).getUTCDay(),
    date: dateOfDay(d.day),
    answers: d.newCards + d.learning + d.review,
  }));
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function calendarChart(stats: Statistics, width: number): Plot.PlotOptions {
  const cell = Math.max(10, Math.floor((width - 40) / 53));
  return {
    width, height: cell * 7 + 24, marginLeft: 36, marginTop: 4, marginBottom: 20, style: { background: 'transparent' },
    x: { axis: null, domain: Array.from({ length: 53 }, (_, i) => i), padding: 0.1 },
    y: { domain: [0, 1, 2, 3, 4, 5, 6], tickFormat: (d: number) => WEEKDAYS[d], label: null, padding: 0.1 },
    color: { type: 'sqrt', scheme: 'greens', legend: true, label: 'answers', tickFormat: 'd' },
    marks: [Plot.cell(calendarCells(stats), {
      x: 'week', y: 'weekday', fill: 'answers', inset: 0.5,
      title: (c: { date: Date; answers: number }) => `${c.date.toISOString().slice(0, 10)}: ${c.answers} answers`, tip: true,
    })],
  };
}

export function cardStateRows(stats: Statistics): { state: string; cards: number }[] {
  const s = stats.cardStates;
  return [
    { state: 'New', cards: s.newCards }, { state: 'Learning', cards: s.learning }, { state: 'Young', cards: s.young },
    { state: 'Mature', cards: s.mature }, { state: 'Suspended', cards: s.suspended },
  ];
}

export function cardStateChart(stats: Statistics, width: number): Plot.PlotOptions {
  const rows = cardStateRows(stats);
  return {
    ...base(width, 180), marginLeft: 80,
    x: { grid: true, label: 'cards' },
    y: { domain: rows.map((r) => r.state), label: null },
    marks: [Plot.barX(rows, { y: 'state', x: 'cards', fill: KIND_COLORS.New, tip: true }), Plot.ruleX([0])],
  };
}

const BUTTON_NAMES: Record<number, string> = { 0: '0', 1: 'Again', 2: '2', 3: 'Hard', 4: 'Good', 5: 'Easy' };
const KIND_NAMES = { new: 'New', drill: 'Learning', review: 'Review' } as const;
export const buttonName = (quality: number, sixGrades: boolean) => (sixGrades ? String(quality) : (BUTTON_NAMES[quality] ?? String(quality)));

export function buttonRows(stats: Statistics, days: number): { kind: string; button: string; quality: number; count: number }[] {
  const counts = stats.buttons.find((b) => b.days === days)?.counts ?? [];
  const sixGrades = counts.some((c) => c.quality === 0 || c.quality === 2);
  return counts.map((c) => ({ kind: KIND_NAMES[c.kind], button: buttonName(c.quality, sixGrades), quality: c.quality, count: c.count }));
}

export function buttonChart(stats: Statistics, days: number, width: number): Plot.PlotOptions {
  const rows = buttonRows(stats, days);
  return {
    ...base(width, 220),
    fx: { domain: Object.values(KIND_NAMES), label: null },
    x: { domain: [...new Set([...rows].sort((a, b) => a.quality - b.quality).map((r) => r.button))], label: null },
    y: { grid: true, label: 'answers' },
    color: { domain: Object.keys(KIND_COLORS), range: Object.values(KIND_COLORS) },
    marks: [Plot.barY(rows, { fx: 'kind', x: 'button', y: 'count', fill: 'kind', tip: true }), Plot.ruleY([0])],
  };
}

/** "87.5%" or "—" when nothing was answered. */
export const percent = (passed: number, total: number): string => (total === 0 ? '—' : `${((100 * passed) / total).toFixed(1)}%`);

/** "1 h 5 min", "3 min 20 s", "12 s". */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ${s % 60} s`;
  return `${Math.floor(min / 60)} h ${min % 60} min`;
}
