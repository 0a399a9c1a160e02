import type { ButtonOutcome, Quality } from '../../../main/contract/api';

export const BUTTON_LABELS: Record<number, string> = { 0: 'Blackout', 1: 'Again', 2: 'Wrong', 3: 'Hard', 4: 'Good', 5: 'Easy' };

/** The interval a button gives; a grade that drills the card again this session says so first. */
export function describeOutcome(outcome: ButtonOutcome): string {
  // An FSRS (re)learning step comes back at an instant, minutes away.
  if (outcome.dueInMinutes !== null) return formatMinutes(outcome.dueInMinutes);
  const due = formatDays(outcome.intervalDays);
  return outcome.drillsToday ? `again today · ${due}` : due;
}

const count = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** When the card returns, in words a screen reader reads well ("again in 3 days"), where the button shows "3d". */
export function spokenReturn(outcome: ButtonOutcome): string {
  if (outcome.dueInMinutes !== null) {
    const minutes = outcome.dueInMinutes;
    return minutes < 60 ? `again in ${count(Math.max(1, minutes), 'minute')}` : `again in ${count(Number((minutes / 60).toFixed(1)), 'hour')}`;
  }
  const days = outcome.intervalDays;
  const later = days <= 0 ? 'today' : days < 31 ? `in ${count(days, 'day')}` : days < 365 ? `in ${count(Number((days / 30).toFixed(1)), 'month')}` : `in ${count(Number((days / 365).toFixed(1)), 'year')}`;
  if (outcome.drillsToday) return days <= 0 ? 'again later today' : `again later today, then ${later}`;
  return `again ${later}`;
}

/** A grade button's accessible name: what it does and when the card returns ("Good — again in 3 days"). */
export const gradeName = (outcome: ButtonOutcome): string => `${BUTTON_LABELS[outcome.quality]} — ${spokenReturn(outcome)}`;

export function formatMinutes(minutes: number): string {
  if (minutes < 1) return '<1m';
  if (minutes < 60) return `${minutes}m`;
  const hours = minutes / 60;
  return Number.isInteger(hours) ? `${hours}h` : `${hours.toFixed(1)}h`;
}

export function formatDays(days: number): string {
  if (days <= 0) return 'today';
  if (days < 31) return `${days}d`;
  if (days < 365) return `${(days / 30).toFixed(1)}mo`;
  return `${(days / 365).toFixed(1)}y`;
}

/** Keyboard digit → grade: 1–4 for the four buttons, 0–5 directly in six-grade mode. */
export function qualityForKey(key: string, outcomes: readonly ButtonOutcome[]): Quality | null {
  if (!/^[0-9]$/.test(key)) return null;
  const digit = Number(key);
  if (outcomes.length === 4) return digit >= 1 && digit <= 4 ? outcomes[digit - 1].quality : null;
  return outcomes.find((o) => o.quality === digit)?.quality ?? null;
}
