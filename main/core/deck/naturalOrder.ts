// Natural order for deck names in any script: 第二章 < 第四章 < 第十章 < 第十一章 < 第二十章, ch2 < ch10, "Part 2" <
// "Part 10". `Intl.Collator('zh', { numeric: true })` reads only Arabic digits, and collates Chinese numerals by
// their characters (十 before 四), so a name is cut into runs: Arabic digits and Chinese numerals become numbers,
// the rest is text compared by the collator. Pure: no locale is read from the machine.

const TEXT = new Intl.Collator('zh', { numeric: true, sensitivity: 'base' });

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const TEN_THOUSAND = '万';

type Run = { kind: 'number'; value: number } | { kind: 'text'; text: string };

const RUNS = /(\d+)|([零〇一二两三四五六七八九十百千万]+)|([^\d零〇一二两三四五六七八九十百千万]+)/gu;

/**
 * The value of a run of Chinese numerals: 十 10, 十一 11, 二十 20, 一百零五 105, 两千 2000, 三万零一 30001. A run
 * without units (二〇二四) is read digit by digit, as years are written.
 */
export function chineseNumeralValue(run: string): number {
  const chars = Array.from(run);
  if (!chars.some((ch) => ch in CHINESE_UNITS || ch === TEN_THOUSAND)) {
    return chars.reduce((value, ch) => value * 10 + CHINESE_DIGITS[ch], 0);
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of chars) {
    if (ch in CHINESE_DIGITS) digit = CHINESE_DIGITS[ch];
    else if (ch === TEN_THOUSAND) {
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = null;
    } else {
      // A unit with no digit before it counts once: 十一 is 11, not 1.
      section += (digit ?? 1) * CHINESE_UNITS[ch];
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

function runsOf(name: string): Run[] {
  const runs: Run[] = [];
  for (const [, digits, chinese, text] of name.normalize('NFC').matchAll(RUNS)) {
    if (digits !== undefined) runs.push({ kind: 'number', value: Number(digits) });
    else if (chinese !== undefined) runs.push({ kind: 'number', value: chineseNumeralValue(chinese) });
    else runs.push({ kind: 'text', text });
  }
  return runs;
}

function compareRuns(a: Run, b: Run): number {
  if (a.kind === 'number' && b.kind === 'number') return a.value - b.value;
  // A number sorts before text at the same place ("Part 2" before "Part A").
  if (a.kind === 'number') return -1;
  if (b.kind === 'number') return 1;
  return TEXT.compare(a.text, b.text);
}

/** Compares two names in natural order; equal only for equal strings, so sorting is deterministic. */
export function compareNatural(a: string, b: string): number {
  const left = runsOf(a);
  const right = runsOf(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = compareRuns(left[i], right[i]);
    if (order !== 0) return Math.sign(order);
  }
  if (left.length !== right.length) return left.length - right.length < 0 ? -1 : 1;
  const collated = TEXT.compare(a, b);
  if (collated !== 0) return collated;
  return a < b ? -1 : a > b ? 1 : 0;
}
