import type { ButtonOutcome, Quality } from '../../../main/contract/api';
import { t } from './i18n';

/** The grade button's name in the current language (Again/Hard/Good/Easy, or SM-2's six). */
export const gradeLabel = (quality: number): string => t(`grade.${quality as Quality}`);

/** The interval a button gives; a grade that drills the card again this session says so first. */
export function describeOutcome(outcome: ButtonOutcome): string {
  // An FSRS (re)learning step comes back at an instant, minutes away.
  if (outcome.dueInMinutes !== null) return formatMinutes(outcome.dueInMinutes);
  const due = formatDays(outcome.intervalDays);
  return outcome.drillsToday ? t('when.againToday', { due }) : due;
}

/** When the card returns, in words a screen reader reads well ("again in 3 days"), where the button shows "3d". */
export function spokenReturn(outcome: ButtonOutcome): string {
  if (outcome.dueInMinutes !== null) {
    const minutes = outcome.dueInMinutes;
    const later = minutes < 60 ? t('spoken.inMinutes', { n: Math.max(1, minutes) }) : t('spoken.inHours', { n: Number((minutes / 60).toFixed(1)) });
    return t('spoken.again', { later });
  }
  const days = outcome.intervalDays;
  const later =
    days <= 0
      ? t('spoken.today')
      : days < 31
        ? t('spoken.inDays', { n: days })
        : days < 365
          ? t('spoken.inMonths', { n: Number((days / 30).toFixed(1)) })
          : t('spoken.inYears', { n: Number((days / 365).toFixed(1)) });
  if (outcome.drillsToday) return days <= 0 ? t('spoken.laterToday') : t('spoken.laterTodayThen', { later });
  return t('spoken.again', { later });
}

/** A grade button's accessible name: what it does and when the card returns ("Good — again in 3 days"). */
export const gradeName = (outcome: ButtonOutcome): string => t('spoken.gradeName', { grade: gradeLabel(outcome.quality), when: spokenReturn(outcome) });

export function formatMinutes(minutes: number): string {
  if (minutes < 1) return t('when.underMinute');
  if (minutes < 60) return t('when.minutes', { n: minutes });
  const hours = minutes / 60;
  return t('when.hours', { n: Number.isInteger(hours) ? String(hours) : hours.toFixed(1) });
}

export function formatDays(days: number): string {
  if (days <= 0) return t('when.today');
  if (days < 31) return t('when.days', { n: days });
  if (days < 365) return t('when.months', { n: (days / 30).toFixed(1) });
  return t('when.years', { n: (days / 365).toFixed(1) });
}

/** Keyboard digit → grade: 1–4 for the four buttons, 0–5 directly in six-grade mode. */
export function qualityForKey(key: string, outcomes: readonly ButtonOutcome[]): Quality | null {
  if (!/^[0-9]$/.test(key)) return null;
  const digit = Number(key);
  if (outcomes.length === 4) return digit >= 1 && digit <= 4 ? outcomes[digit - 1].quality : null;
  return outcomes.find((o) => o.quality === digit)?.quality ?? null;
}
