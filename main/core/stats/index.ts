// Statistics from grouped review counts: pure, no clock — `today` comes in as an argument, so the same rows give
// the same numbers in a test and in the app. Storage groups the answers; this folds the groups into what the
// screen shows (ARCHITECTURE.md "Statistics").
import type { Quality, StudyKind } from '../../contract/api';
import {
  STATISTICS_HISTORY_DAYS, STATISTICS_WINDOWS, type ButtonCount, type DeckRetention, type RetentionWindow, type StatisticsDay,
  type StatisticsWindow,
} from '../../contract/statistics';

/** Answers of one day, kind and button; `mature` of them had an interval of 21 days or more before the answer. */
export interface AnswerGroup {
  day: number;
  kind: StudyKind;
  quality: Quality;
  count: number;
  mature: number;
  ms: number;
}

/** Answers to cards in review of one deck, by how recent (0: last 7 days, 1: 8–30 days ago, 2: 31–365) and maturity. */
export interface DeckRetentionGroup {
  deckId: string;
  deckName: string;
  recency: 0 | 1 | 2;
  mature: boolean;
  passed: number;
  total: number;
}

/** The first day of the window of `days` days ending with today. */
export const windowStart = (today: number, days: number): number => today - days + 1;

/** Which windows a day `today - ago` falls in: every window longer than `ago` days. */
const windowsHolding = (ago: number): StatisticsWindow[] => STATISTICS_WINDOWS.filter((w) => ago < w);

const emptyWindows = (): RetentionWindow[] =>
  STATISTICS_WINDOWS.map((days) => ({ days, young: { passed: 0, total: 0 }, mature: { passed: 0, total: 0 } }));

/** Per-day answers split new / learning (drill) / review, with the time spent; only days with answers, oldest first. */
export function answersPerDay(groups: readonly AnswerGroup[], today: number): StatisticsDay[] {
  const byDay = new Map<number, StatisticsDay>();
  for (const g of groups) {
    if (g.day > today || g.day < windowStart(today, STATISTICS_HISTORY_DAYS)) continue;
    let day = byDay.get(g.day);
    if (!day) byDay.set(g.day, (day = { day: g.day, newCards: 0, learning: 0, review: 0, ms: 0 }));
    if (g.kind === 'new') day.newCards += g.count;
    else if (g.kind === 'drill') day.learning += g.count;
    else day.review += g.count;
    day.ms += g.ms;
  }
  return [...byDay.values()].sort((a, b) => a.day - b.day);
}

/** True retention: answers to cards in review (kind 'review') with quality ≥ 3, young vs mature, per window. */
export function retentionOf(groups: readonly AnswerGroup[], today: number): RetentionWindow[] {
  const windows = emptyWindows();
  for (const g of groups) {
    if (g.kind !== 'review' || g.day > today) continue;
    const passed = g.quality >= 3;
    for (const w of windowsHolding(today - g.day)) {
      const window = windows.find((x) => x.days === w)!;
      window.young.total += g.count - g.mature;
      window.mature.total += g.mature;
      if (passed) {
        window.young.passed += g.count - g.mature;
        window.mature.passed += g.mature;
      }
    }
  }
  return windows;
}

/** Answers by kind and button per window, in kind then quality order. */
export function buttonsOf(groups: readonly AnswerGroup[], today: number): { days: StatisticsWindow; counts: ButtonCount[] }[] {
  const KINDS: StudyKind[] = ['new', 'drill', 'review'];
  return STATISTICS_WINDOWS.map((days) => {
    const counts = new Map<string, ButtonCount>();
    for (const g of groups) {
      if (g.day > today || today - g.day >= days) continue;
      const key = `${g.kind}:${g.quality}`;
      const found = counts.get(key);
      if (found) found.count += g.count;
      else counts.set(key, { kind: g.kind, quality: g.quality, count: g.count });
    }
    const sorted = [...counts.values()].sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || a.quality - b.quality);
    return { days, counts: sorted };
  });
}

/** Per-deck retention windows from recency buckets: the 30-day window holds buckets 0 and 1, the year all three. */
export function deckRetentionOf(groups: readonly DeckRetentionGroup[]): DeckRetention[] {
  const decks = new Map<string, DeckRetention>();
  for (const g of groups) {
    let deck = decks.get(g.deckId);
    if (!deck) decks.set(g.deckId, (deck = { deckId: g.deckId, deckName: g.deckName, windows: emptyWindows() }));
    for (const window of deck.windows) {
      if (window.days === 7 && g.recency > 0) continue;
      if (window.days === 30 && g.recency > 1) continue;
      const cell = window[g.mature ? 'mature' : 'young'];
      cell.passed += g.passed;
      cell.total += g.total;
    }
  }
  return [...decks.values()].sort((a, b) => a.deckName.localeCompare(b.deckName) || a.deckId.localeCompare(b.deckId));
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
