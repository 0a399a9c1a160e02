// The renderer's words: `t(key, params)` from the current language's table, and the Intl formatters every view uses
// for numbers, dates, durations and plural forms. Both read `locale.current` (rune state), so a template that calls
// them re-renders when the language changes.
import { en, type UiKey, type UiParams, type UiTable } from './en';
import { zhCN } from './zh-CN';
import { locale } from './locale.svelte';
import type { UiLanguage } from '../../../../main/contract/api';

const TABLES: Record<UiLanguage, UiTable> = { en, 'zh-CN': zhCN };

export { locale };

/** The UI string `key` in the current language; a key with parameters must be given them (checked by tsc). */
export function t<K extends UiKey>(key: K, ...params: UiParams<K>): string {
  const entry = TABLES[locale.current][key] as string | ((p: unknown) => string);
  return typeof entry === 'function' ? entry(params[0]) : entry;
}

/** A number the locale's way (thousands separators; `digits` fixes the decimals). */
export function formatNumber(value: number, digits?: number): string {
  return new Intl.NumberFormat(locale.current, digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A fraction 0–1 as a percentage. */
export function formatPercent(fraction: number, digits = 0): string {
  return new Intl.NumberFormat(locale.current, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction);
}

/** An epoch-ms instant as a date (and time when asked), in the user's time zone. */
export function formatDate(epochMs: number, withTime = false): string {
  const options: Intl.DateTimeFormatOptions = withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat(locale.current, options).format(epochMs);
}

/** "in 3 days" / "3 天后", "2 hours ago" / "2 小时前". */
export function formatRelative(value: number, unit: Intl.RelativeTimeFormatUnit): string {
  return new Intl.RelativeTimeFormat(locale.current, { numeric: 'auto' }).format(value, unit);
}

/** The plural category of `count` in `language` (English one/other; Chinese has only other). */
export function pluralCategory(count: number, language: UiLanguage = locale.current): Intl.LDMLPluralRule {
  return new Intl.PluralRules(language).select(count);
}
