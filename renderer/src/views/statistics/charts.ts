// Statistics → Observable Plot options, from the pure rows of rows.ts (which the tables list too). Colours are
// mid-tones or currentColor, so each chart reads in the light and the dark theme; every mark has a tip (numbers on
// hover) and every chart a table under it (Statistics.svelte).
import * as Plot from '@observablehq/plot';
import type { Statistics } from '../../../../main/contract/statistics';
import {
  answerRows, buttonRows, calendarCells, calendarMonths, calendarWeeks, cardStateRows, dateOfDay, forecastRows, isoDateOfDay,
  KIND_COLORS, KIND_NAMES, timeRows, type CalendarCell,
} from './rows';
import { t } from '../../lib/i18n';
import { dayTick, monthName, stateName, weekdayName } from './localized';

const base = (width: number, height = 220) => ({ width, height, style: { background: 'transparent' }, marginLeft: 44 });
/** Whole numbers on count axes: a day with 2 answers must not be labelled 0.5, 1, 1.5. */
const countAxis = (label: string) => ({ grid: true, label, tickFormat: 'd' as const, nice: true });
/** A day axis in the UI language (Plot's own date ticks are English). */
const dayAxis = (domain: [Date, Date]) => ({ type: 'utc' as const, domain, label: null, tickFormat: dayTick });
/** The answer kinds' legend, worded in the UI language (the data keeps rows.ts's English names). */
const kindColors = () => ({ legend: true, domain: Object.keys(KIND_COLORS), range: Object.values(KIND_COLORS), tickFormat: stateName });

const dayDomain = (stats: Statistics, days: number, ahead = false): [Date, Date] =>
  ahead ? [dateOfDay(stats.today), dateOfDay(stats.today + days)] : [dateOfDay(stats.today - days + 1), dateOfDay(stats.today + 1)];

export function answersChart(stats: Statistics, days: number, width: number): Plot.PlotOptions {
  return {
    ...base(width),
    x: dayAxis(dayDomain(stats, days)),
    y: countAxis(t('stats.axisAnswers')),
    color: kindColors(),
    marks: [
      Plot.rectY(answerRows(stats, days), { x: 'date', interval: 'day', y: 'count', fill: 'type', tip: { format: { x: '%Y-%m-%d' } } }),
      Plot.ruleY([0]),
    ],
  };
}

export function timeChart(stats: Statistics, days: number, width: number): Plot.PlotOptions {
  const { unit, rows } = timeRows(stats, days);
  return {
    ...base(width),
    x: dayAxis(dayDomain(stats, days)),
    // At least one unit high, so a day of a few seconds does not draw an axis of zeros.
    y: { grid: true, label: t(`stats.unit.${unit.label}`), domain: [0, Math.max(1, ...rows.map((r) => r.time))], nice: true, tickFormat: (v: number) => String(Math.round(v * 10) / 10) },
    marks: [
      Plot.rectY(rows, { x: 'date', interval: 'day', y: 'time', fill: KIND_COLORS.New, tip: { format: { x: '%Y-%m-%d' } } }),
      Plot.ruleY([0]),
    ],
  };
}

export function forecastChart(stats: Statistics, days: number, width: number): Plot.PlotOptions {
  return {
    ...base(width),
    x: dayAxis(dayDomain(stats, days, true)),
    y: countAxis(t('stats.axisDue')),
    marks: [
      Plot.rectY(forecastRows(stats, days).filter((r) => r.due > 0), { x: 'date', interval: 'day', y: 'due', fill: KIND_COLORS.Review, tip: { format: { x: '%Y-%m-%d' } } }),
      Plot.ruleY([0]),
    ],
  };
}

/**
 * A year of days as squares. The squares stay at least 9 px (the figure scrolls sideways rather than shrink them
 * into specks), empty days are drawn faintly so the grid reads as a calendar, and months are named along the top.
 */
export function calendarChart(stats: Statistics, width: number): Plot.PlotOptions {
  const weeks = calendarWeeks(stats);
  const marginLeft = 32;
  const cell = Math.max(9, Math.min(16, Math.floor((width - marginLeft) / weeks)));
  const first = stats.today - 364;
  const firstWeekday = dateOfDay(first).getUTCDay();
  const everyDay = Array.from({ length: 365 }, (_, i) => ({ week: Math.floor((i + firstWeekday) / 7), weekday: dateOfDay(first + i).getUTCDay() }));
  return {
    width: marginLeft + weeks * cell, height: cell * 7 + 34, marginLeft, marginTop: 16, marginBottom: 18, marginRight: 0,
    style: { background: 'transparent' },
    x: { axis: null, domain: Array.from({ length: weeks }, (_, i) => i), padding: 0 },
    y: { domain: [0, 1, 2, 3, 4, 5, 6], tickFormat: (d: number) => (d % 2 === 1 ? weekdayName(d) : ''), tickSize: 0, label: null, padding: 0 },
    // One green, more opaque with more answers: a colour scheme running from white would make the quiet days the
    // brightest on the dark theme; opacity over either background keeps "more" reading as "stronger". Plot's opacity
    // legend is a black ramp (unreadable on the dark theme), so the screen draws its own (calendarLegend).
    opacity: { type: 'sqrt', domain: [0, Math.max(1, ...calendarCells(stats).map((c) => c.answers))], range: [0.2, 1], label: t('stats.answersPerDay') },
    marks: [
      Plot.cell(everyDay, { x: 'week', y: 'weekday', fill: 'currentColor', fillOpacity: 0.07, inset: 1 }),
      Plot.cell(calendarCells(stats), {
        x: 'week', y: 'weekday', fill: KIND_COLORS.Review, fillOpacity: 'answers', inset: 1,
        channels: { date: { value: (c: CalendarCell) => isoDateOfDay(c.day), label: t('stats.day') } },
        tip: { format: { x: false, y: false, date: true, fillOpacity: true } },
      }),
      Plot.text(calendarMonths(stats), { x: 'week', text: (m: { label: string }) => monthName(m.label), frameAnchor: 'top', dy: -14, textAnchor: 'start', fontSize: 10 }),
    ],
  };
}

/** The calendar's legend: the shades of a few answer counts from none to the busiest day's, as the cells draw them. */
export function calendarLegend(stats: Statistics): { answers: number; opacity: number }[] {
  const most = Math.max(1, ...calendarCells(stats).map((c) => c.answers));
  const steps = [...new Set([1, Math.round(most / 4), Math.round(most / 2), most].filter((n) => n >= 1))];
  return steps.map((answers) => ({ answers, opacity: 0.2 + 0.8 * Math.sqrt(answers / most) }));
}

export function cardStateChart(stats: Statistics, width: number): Plot.PlotOptions {
  const rows = cardStateRows(stats);
  return {
    ...base(width, 180), marginLeft: 80,
    x: countAxis(t('stats.axisCards')),
    y: { domain: rows.map((r) => r.state), label: null, tickFormat: stateName },
    marks: [Plot.barX(rows, { y: 'state', x: 'cards', fill: KIND_COLORS.New, tip: true }), Plot.ruleX([0])],
  };
}

export function buttonChart(stats: Statistics, days: number, width: number): Plot.PlotOptions {
  const rows = buttonRows(stats, days);
  return {
    ...base(width, 220),
    fx: { domain: [...new Set(Object.values(KIND_NAMES))], label: null, tickFormat: stateName },
    x: { domain: [...new Set([...rows].sort((a, b) => a.quality - b.quality).map((r) => r.button))], label: null, tickFormat: stateName },
    y: countAxis(t('stats.axisAnswers')),
    color: kindColors(),
    marks: [Plot.barY(rows, { fx: 'kind', x: 'button', y: 'count', fill: 'kind', tip: true }), Plot.ruleY([0])],
  };
}
