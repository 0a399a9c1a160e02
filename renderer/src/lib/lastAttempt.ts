// "last time: passed in 4 min": a coding card's kept attempt in words (plain English; one place for i18n).
import type { CodeAttempt } from '../../../main/contract/api';

/** A time to solve as a person says it: seconds under a minute, whole minutes under an hour, then hours. */
export function formatSolveTime(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = minutes / 60;
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} h`;
}

export function describeLastAttempt(attempt: CodeAttempt): string {
  const time = formatSolveTime(attempt.solveMs);
  if (attempt.passed) return `last time: passed in ${time}`;
  return `last time: not passed (${attempt.checksPassed}/${attempt.checksTotal} checks) after ${time}`;
}
