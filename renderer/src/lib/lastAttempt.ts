// "last time: passed in 4 min": a coding card's kept attempt in words, in the UI language.
import type { CodeAttempt } from '../../../main/contract/api';
import { t } from './i18n';

/** A time to solve as a person says it: seconds under a minute, whole minutes under an hour, then hours. */
export function formatSolveTime(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return t('stats.seconds', { s: seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('coding.minutes', { n: minutes });
  const hours = minutes / 60;
  return t('coding.hours', { n: Number.isInteger(hours) ? String(hours) : hours.toFixed(1) });
}

export function describeLastAttempt(attempt: CodeAttempt): string {
  const time = formatSolveTime(attempt.solveMs);
  if (attempt.passed) return t('coding.lastPassed', { time });
  return t('coding.lastFailed', { passed: attempt.checksPassed, total: attempt.checksTotal, time });
}
