// The zh-CN tables beside the English ones: tsc already fails on a missing key or parameter, so these check what it
// cannot: that each Chinese entry is Chinese (no English sentence left untranslated), and that the Intl helpers
// give each language its own plural forms, numbers and dates.
import { describe, expect, it } from 'vitest';
import { ENGLISH, formatMessage, message, type MessageTable } from '../../../main/contract/messages';
import { ZH_CN } from '../../../main/contract/messages.zh-CN';
import { en } from '../../../renderer/src/lib/i18n/en';
import { zhCN } from '../../../renderer/src/lib/i18n/zh-CN';
import { formatDate, formatNumber, formatPercent, formatRelative, locale, pluralCategory, t } from '../../../renderer/src/lib/i18n';
import { systemLanguage } from '../../../renderer/src/lib/i18n/locale.svelte';
import { MAIN_WORDS, mainLanguage } from '../../../main/electron/mainWords';
import { startFailureAdvice } from '../../../main/electron/startFailure';

/** Any parameter: an empty array reads as '', 0, an empty list and "true" alike, so every wording can run. */
const anyParams = new Proxy({}, { get: () => [] });
const call = (entry: unknown): string =>
  String(typeof entry === 'function' ? (entry as (p: unknown, w: () => string) => string)(anyParams, () => '') : entry);

/** Three Latin words in a row, outside code spans: an English phrase left in a Chinese string. */
const ENGLISH_RUN = /\b[A-Za-z]{2,}(?:\s+[A-Za-z]{2,}){2,}\b/;
const withoutCode = (text: string) => text.replace(/`[^`]*`/g, ' ');

function untranslated(table: Record<string, unknown>): string[] {
  return Object.entries(table).flatMap(([key, entry]) => {
    const text = withoutCode(call(entry));
    if (text.trim() === '' || /^[\s\p{P}\p{S}\d]*$/u.test(text)) return []; // only parameters or symbols
    const han = /\p{Script=Han}/u.test(text);
    return !han || ENGLISH_RUN.test(text) ? [`${key}: ${text}`] : [];
  });
}

describe('zh-CN tables', () => {
  it('word every UI string in Chinese', () => {
    expect(untranslated(zhCN)).toEqual([]);
  });

  it('word every main-process message in Chinese', () => {
    expect(untranslated(ZH_CN)).toEqual([]);
  });

  it('word the main process\'s own dialogs in Chinese', () => {
    const { messages: _messages, leadsTo, paths, ...rest } = MAIN_WORDS['zh-CN'];
    const flat = { ...rest, leadsTo: leadsTo('/x'), ...Object.fromEntries(Object.entries(paths).flatMap(([p, w]) => Object.entries(w).map(([k, v]) => [`${p}.${k}`, v]))) };
    expect(untranslated(flat)).toEqual([]);
  });

  it('catches an English sentence (the check can fail)', () => {
    expect(untranslated({ left: 'Nothing was imported from here', mixed: '已导入 but not all of it' })).toHaveLength(2);
  });

  it('have the same keys as the English tables (also a compile error)', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(ZH_CN).sort()).toEqual(Object.keys(ENGLISH).sort());
  });

  it('word nested messages with the same table', () => {
    const nested = message('edit.refusedAt', { file: 'a.md', line: 3, problem: message('deck.emptyQuestion') });
    expect(formatMessage(nested, ZH_CN as MessageTable)).toBe("a.md:3：问题为空：请在“## ”之后写上问题");
    expect(formatMessage(nested)).toBe("a.md:3: empty question: write the question after '## '");
  });
});

describe('the UI language', () => {
  it('follows the first preferred language the UI has', () => {
    expect(systemLanguage(['zh-TW', 'en'])).toBe('zh-CN');
    expect(systemLanguage(['fr-FR', 'en-GB'])).toBe('en');
    expect(systemLanguage(['de'])).toBe('en');
    expect(systemLanguage([])).toBe('en');
  });

  it('switches t() and the Intl helpers at once', () => {
    locale.setting = 'en';
    expect(t('home.cards', { count: 1 })).toBe('1 card');
    expect(t('home.cards', { count: 2 })).toBe('2 cards');
    expect(formatNumber(12345)).toBe('12,345');
    expect(formatPercent(0.875, 1)).toBe('87.5%');
    expect(formatDate(Date.UTC(2026, 11, 2, 12))).toMatch(/Dec 2, 2026/);
    expect(formatRelative(3, 'day')).toBe('in 3 days');
    expect(pluralCategory(1)).toBe('one');
    locale.setting = 'zh-CN';
    expect(t('home.cards', { count: 1 })).toBe('1 张卡片');
    expect(t('home.cards', { count: 2 })).toBe('2 张卡片');
    expect(formatNumber(12345)).toBe('12,345');
    expect(formatDate(Date.UTC(2026, 11, 2, 12))).toMatch(/2026年12月2日/);
    expect(formatRelative(3, 'day')).toBe('3天后');
    expect(formatRelative(-1, 'day')).toBe('昨天');
    expect(pluralCategory(1)).toBe('other');
    locale.setting = 'system';
    expect(locale.current).toBe('en'); // Node has no navigator: English
  });
});

describe('the main process\'s language', () => {
  it('is the saved setting, else the OS locale', () => {
    expect(mainLanguage('zh-CN', 'en-US')).toBe('zh-CN');
    expect(mainLanguage('en', 'zh-CN')).toBe('en');
    expect(mainLanguage('system', 'zh-CN')).toBe('zh-CN');
    expect(mainLanguage(null, 'zh-TW')).toBe('zh-CN');
    expect(mainLanguage(null, 'fr')).toBe('en');
  });

  it('words the start-up failure advice in Chinese', () => {
    const abi = 'was compiled against a different Node.js version using NODE_MODULE_VERSION 115';
    expect(startFailureAdvice(abi, { isPackaged: true }, MAIN_WORDS['zh-CN'])).toBe(`${abi}\n\n${MAIN_WORDS['zh-CN'].reinstall}`);
    expect(formatMessage(message('app.startFailedTitle'), MAIN_WORDS['zh-CN'].messages)).toBe('ProofDeck 无法启动');
  });
});
