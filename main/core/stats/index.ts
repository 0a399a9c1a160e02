// Statistics from the running totals of answers: pure, no clock — `today` comes in as an argument, so the same
// totals give the same numbers in a test and in the app. Storage reads the totals; this folds them into what the
// screen shows (ARCHITECTURE.md "Statistics").
import type { Quality, StudyKind } from '../../contract/api';
import {
  STATISTICS_HISTORY_DAYS, STATISTICS_WINDOWS, type ButtonCount, type DeckRetention, type RetentionWindow, type StatisticsDay,
  type StatisticsWindow,
} from '../../contract/statistics';

/** The answers of one study day and kind. */
export interface DayTotal {
  day: number;
  kind: StudyKind;
  answers: number;
  ms: number;
  /** Answers per quality 0–5. */
  byQuality: number[];
  /** Answers whose interval before the answer was under 21 days, and how many of those were not failed. */
  young: number;
  youngPassed: number;
}

/** The first day of the window of `days` days ending with today. */
export const windowStart = (today: number, days: number): number => today - days + 1;

export const emptyRetention = (): RetentionWindow[] =>
  STATISTICS_WINDOWS.map((days) => ({ days, young: { passed: 0, total: 0 }, mature: { passed: 0, total: 0 } }));

/** Answers not failed: quality 3 or more. */
export const passedOf = (byQuality: readonly number[]): number => byQuality[3] + byQuality[4] + byQuality[5];

/** Per-day answers split new / learning (SM-2 drill, FSRS steps) / review, with the time spent; only days with answers, oldest first. */
export function answersPerDay(totals: readonly DayTotal[], today: number): StatisticsDay[] {
  const byDay = new Map<number, StatisticsDay>();
  for (const t of totals) {
    if (t.answers === 0 || t.day > today || t.day < windowStart(today, STATISTICS_HISTORY_DAYS)) continue;
    let day = byDay.get(t.day);
    if (!day) byDay.set(t.day, (day = { day: t.day, newCards: 0, learning: 0, review: 0, ms: 0 }));
    if (t.kind === 'new') day.newCards += t.answers;
    // SM-2's drill and FSRS's (re)learning steps are both "learning".
    else if (t.kind === 'drill' || t.kind === 'learning') day.learning += t.answers;
    else day.review += t.answers;
    day.ms += t.ms;
  }
  return [...byDay.values()].sort((a, b) => a.day - b.day);
}

/** True retention: answers to cards in review (kind 'review') with quality ≥ 3, young vs mature, per window. */
export function retentionOf(totals: readonly DayTotal[], today: number): RetentionWindow[] {
  const windows = emptyRetention();
  for (const t of totals) {
    if (t.kind !== 'review' || t.day > today) continue;
    const passed = passedOf(t.byQuality);
    for (const window of windows) {
      if (today - t.day >= window.days) continue;
      window.young.total += t.young;
      window.young.passed += t.youngPassed;
      window.mature.total += t.answers - t.young;
      window.mature.passed += passed - t.youngPassed;
    }
  }
  return windows;
}

const KINDS: StudyKind[] = ['new', 'drill', 'learning', 'review'];

/** Answers by kind and button per window, in kind then quality order; buttons never pressed are left out. */
export function buttonsOf(totals: readonly DayTotal[], today: number): { days: StatisticsWindow; counts: ButtonCount[] }[] {
  return STATISTICS_WINDOWS.map((days) => {
    const counts = new Map<StudyKind, number[]>(KINDS.map((k) => [k, [0, 0, 0, 0, 0, 0]]));
    for (const t of totals) {
      if (t.day > today || today - t.day >= days) continue;
      const sums = counts.get(t.kind)!;
      t.byQuality.forEach((n, q) => (sums[q] += n));
    }
    return {
      days,
      counts: KINDS.flatMap((kind) => counts.get(kind)!.flatMap((count, quality) => (count > 0 ? [{ kind, quality: quality as Quality, count }] : []))),
    };
  });
}

/** Decks by name (then id), so the retention table reads like the deck list. */
export function sortDeckRetention(decks: DeckRetention[]): DeckRetention[] {
  return [...decks].sort((a, b) => a.deckName.localeCompare(b.deckName) || a.deckId.localeCompare(b.deckId));
}

/**
 * Days in a row with answers, counted back from today — or from yesterday while today has none yet, since the day
 * is not over. `studiedDaysDescending` may be any iterable of distinct days, newest first; it is read only as far
 * as the streak goes, so a long history costs nothing beyond the streak.
 */
export function currentStreak(studiedDaysDescending: Iterable<number>, today: number): number {
  let expected: number | null = null;
  let streak = 0;
  for (const day of studiedDaysDescending) {
    if (day > today) continue;
    if (expected === null) {
      if (day < today - 1) return 0;
      expected = day;
    }
    if (day !== expected) break;
    streak++;
    expected--;
  }
  return streak;
}

/** Reviews due per day from today over `horizon` days, from (due day, count) rows; earlier or later rows are ignored. */
export function dueForecast(rows: readonly { dueDay: number; count: number }[], today: number, horizon: number): number[] {
  const days = new Array<number>(horizon).fill(0);
  for (const r of rows) {
    const offset = r.dueDay - today;
    if (offset >= 0 && offset < horizon) days[offset] += r.count;
  }
  return days;
}
