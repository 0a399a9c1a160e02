// Card and deck ids: letters of any script, digits, '-', '_', '.'; at most 64 characters (code points).

export const MAX_ID_LENGTH = 64;

// \p{M} is included because many scripts (Devanagari, Thai…) need combining marks to write a letter.
const ID_PATTERN = /^[\p{L}\p{M}\p{Nd}_.-]+$/u;
const NOT_ID_CHAR = /[^\p{L}\p{M}\p{Nd}_.-]+/gu;

export function isValidCardId(id: string): boolean {
  return ID_PATTERN.test(id) && [...id].length <= MAX_ID_LENGTH;
}

export const ID_RULE = "ids use letters, digits, '-', '_' and '.', at most 64 characters";

function truncateCodePoints(text: string, max: number): string {
  const points = [...text];
  return points.length <= max ? text : points.slice(0, max).join('');
}

function trimSeparators(text: string): string {
  return text.replace(/^[-.]+/, '').replace(/[-.]+$/, '');
}

/**
 * A readable id from free text (a question): lower-cased, NFC, runs of other characters become '-',
 * cut to 64 code points; `-2`, `-3`… appended until it is not in `taken`. Deterministic.
 */
export function slugifyCardId(text: string, taken: ReadonlySet<string>): string {
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .replace(NOT_ID_CHAR, '-')
    .replace(/-{2,}/g, '-');
  const base = trimSeparators(truncateCodePoints(trimSeparators(words), MAX_ID_LENGTH)) || 'card';
  if (!taken.has(base)) return base;
  for (let counter = 2; ; counter++) {
    const suffix = `-${counter}`;
    const stem = trimSeparators(truncateCodePoints(base, MAX_ID_LENGTH - suffix.length)) || 'card';
    const candidate = stem + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}
