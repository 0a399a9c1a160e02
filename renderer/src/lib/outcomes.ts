import type { ButtonOutcome, Quality } from '../../../main/contract/api';

export const BUTTON_LABELS: Record<number, string> = { 0: 'Blackout', 1: 'Again', 2: 'Wrong', 3: 'Hard', 4: 'Good', 5: 'Easy' };

/** The interval a button gives; a grade that drills the card again this session says so first. */
export function describeOutcome(outcome: ButtonOutcome): string {
  // An FSRS (re)learning step comes back at an instant, minutes away.
  if (outcome.dueInMinutes !== null) return formatMinutes(outcome.dueInMinutes);
  const due = formatDays(outcome.intervalDays);
  return outcome.drillsToday ? `again today · ${due}` : due;
}

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
