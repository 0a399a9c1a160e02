// The statistics screen's data → rows (views/statistics/rows.ts): what each chart draws and each table lists, from
// the host's study-day numbers. Hand-computed on a small Statistics: 2026-11-28 (a Saturday) is today.
import { describe, expect, it } from 'vitest';
import type { Statistics, StatisticsDay } from '../../../main/contract/statistics';
import {
  answerRows, buttonRows, calendarCells, calendarMonths, calendarWeeks, cardStateRows, duration, forecastRows, isoDateOfDay,
  percent, timeRows, timeUnit, windowDays,
} from '../../../renderer/src/views/statistics/rows';

const DAY = 86_400_000;
const dayOf = (year: number, month: number, date: number) => Date.UTC(year, month - 1, date) / DAY;
const TODAY = dayOf(2026, 11, 28);
const d = (ago: number, newCards: number, learning: number, review: number, ms: number): StatisticsDay => ({ day: TODAY - ago, newCards, learning, review, ms });

function stats(days: StatisticsDay[], extra: Partial<Statistics> = {}): Statistics {
  return {
    deckId: null, today: TODAY, days, currentStreak: 0, daysStudied: days.length, dueDays: new Array(90).fill(0), overdue: 0,
    retention: [], retentionByDeck: [], cardStates: { newCards: 3, learning: 1, young: 4, mature: 2, suspended: 0 }, buttons: [],
    answers: 0, ms: 0, mostLapsed: [], ...extra,
  };
}

describe('statistics rows', () => {
  it('names study days as calendar dates', () => {
    expect(isoDateOfDay(TODAY)).toBe('2026-11-28');
    expect(isoDateOfDay(0)).toBe('1970-01-01');
  });

  it('keeps a window to today − days + 1 … today, leaving out days after today', () => {
    const s = stats([d(30, 1, 0, 0, 1), d(29, 0, 0, 1, 1), d(0, 1, 1, 1, 1), d(-1, 5, 0, 0, 1)]);
    expect(windowDays(s, 30).map((x) => TODAY - x.day)).toEqual([29, 0]);
    expect(windowDays(s, 31).map((x) => TODAY - x.day)).toEqual([30, 29, 0]);
  });

  it('splits each day into new / learning / review rows, dropping kinds without answers', () => {
    const rows = answerRows(stats([d(2, 3, 0, 0, 1), d(0, 0, 2, 5, 1)]), 30);
    expect(rows.map((r) => [TODAY - r.day, r.type, r.count])).toEqual([[2, 'New', 3], [0, 'Learning', 2], [0, 'Review', 5]]);
    expect(rows[0].date.toISOString()).toBe('2026-11-26T00:00:00.000Z');
  });

  it('counts time in seconds, minutes or hours after the busiest day, with no floating-point tails', () => {
    expect(timeUnit(119_999).label).toBe('seconds');
    expect(timeUnit(120_000).label).toBe('minutes');
    expect(timeUnit(2 * 3_600_000).label).toBe('hours');
    const seconds = timeRows(stats([d(1, 1, 0, 0, 300), d(0, 1, 0, 0, 61_600)]), 30);
    expect([seconds.unit.label, seconds.rows.map((r) => r.time)]).toEqual(['seconds', [0, 62]]);
    // 18 s, 0.3 min: 18_000 / 60_000 is 0.3 exactly only after rounding to tenths.
    const minutes = timeRows(stats([d(2, 1, 0, 0, 18_000), d(1, 1, 0, 0, 6_000 * 7), d(0, 1, 0, 0, 200_000)]), 30);
    expect([minutes.unit.label, minutes.rows.map((r) => r.time)]).toEqual(['minutes', [0.3, 0.7, 3.3]]);
    for (const r of minutes.rows) expect(String(r.time)).toMatch(/^\d+(\.\d)?$/);
    expect(timeRows(stats([d(0, 1, 0, 0, 3 * 3_600_000 + 1_800_000)]), 30).rows[0].time).toBe(3.5);
  });

  it('forecasts from today: the first row is today', () => {
    const dueDays = new Array(90).fill(0);
    dueDays[0] = 2;
    dueDays[29] = 1;
    dueDays[30] = 7;
    const rows = forecastRows(stats([], { dueDays }), 30);
    expect(rows).toHaveLength(30);
    expect(rows.filter((r) => r.due > 0).map((r) => [isoDateOfDay(r.day), r.due])).toEqual([['2026-11-28', 2], ['2026-12-27', 1]]);
  });

  it('lays the calendar out in week columns from Sunday, a year back, with month labels where each month starts', () => {
    const s = stats([d(364, 1, 0, 0, 1), d(363, 0, 0, 2, 1), d(0, 1, 1, 1, 1)]);
    // today − 364 is Saturday 2025-11-29: the first column holds only that day, in the last row.
    expect(calendarCells(s).map((c) => [isoDateOfDay(c.day), c.week, c.weekday, c.answers])).toEqual([
      ['2025-11-29', 0, 6, 1], ['2025-11-30', 1, 0, 2], ['2026-11-28', 52, 6, 3],
    ]);
    expect(calendarWeeks(s)).toBe(53);
    const months = calendarMonths(s);
    expect(months[0]).toEqual({ week: 1, label: 'Dec' });
    expect(months.map((m) => m.label)).toEqual(['Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov']);
  });

  it('names buttons as the review screen does: Again/Hard/Good/Easy, or 0–5 where six grades were used', () => {
    const buttons = (counts: Statistics['buttons'][number]['counts']) => stats([], { buttons: [{ days: 30, counts }] });
    expect(buttonRows(buttons([{ kind: 'new', quality: 1, count: 2 }, { kind: 'drill', quality: 4, count: 1 }, { kind: 'review', quality: 5, count: 3 }]), 30))
      .toEqual([
        { kind: 'New', button: 'Again', quality: 1, count: 2 },
        { kind: 'Learning', button: 'Good', quality: 4, count: 1 },
        { kind: 'Review', button: 'Easy', quality: 5, count: 3 },
      ]);
    expect(buttonRows(buttons([{ kind: 'review', quality: 2, count: 1 }, { kind: 'review', quality: 3, count: 1 }]), 30).map((r) => r.button)).toEqual(['2', '3']);
    expect(buttonRows(buttons([]), 7)).toEqual([]);
  });

  it('lists card states in a fixed order', () => {
    expect(cardStateRows(stats([]))).toEqual([
      { state: 'New', cards: 3 }, { state: 'Learning', cards: 1 }, { state: 'Young', cards: 4 }, { state: 'Mature', cards: 2 }, { state: 'Suspended', cards: 0 },
    ]);
  });

  it('words percentages and durations', () => {
    expect(percent(0, 0)).toBe('—');
    expect(percent(7, 8)).toBe('87.5%');
    expect(percent(1, 3)).toBe('33.3%');
    expect([499, 500, 59_499, 59_500, 200_000, 3_900_000].map((ms) => duration(ms))).toEqual(['0 s', '1 s', '59 s', '1 min 0 s', '3 min 20 s', '1 h 5 min']);
  });
});
