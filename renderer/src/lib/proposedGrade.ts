// The grade a coding card's review proposes from what happened (issue 17): the user confirms it or overrides it.
// Pure, so the rule is tested in Node.
import type { Quality } from '../../../main/contract/api';

/** What the user did on a coding card, in order: each run of the tests (passed or not), and showing the solution. */
export type AttemptEvent = { kind: 'run'; passed: boolean } | { kind: 'reveal' };

export const AGAIN: Quality = 1;
export const HARD: Quality = 3;
export const GOOD: Quality = 4;

/**
 * Every check passed on the first run → Good; passed after fixes → Hard; the solution shown before any pass, or
 * never passed (gave up) → Again. Null before anything happened: nothing to propose yet.
 */
export function proposedGrade(events: readonly AttemptEvent[]): Quality | null {
  if (events.length === 0) return null;
  const firstPass = events.findIndex((event) => event.kind === 'run' && event.passed);
  if (firstPass === -1) return AGAIN;
  const before = events.slice(0, firstPass);
  if (before.some((event) => event.kind === 'reveal')) return AGAIN;
  return before.length === 0 ? GOOD : HARD;
}
