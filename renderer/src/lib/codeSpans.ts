// A worded message may quote code between backticks (a browse query error names the query syntax: `is:new`). The
// page shows those parts as <code>: they read as code, stay as typed in every language, and the zh-CN walk
// (tests/e2e/i18nWalk.ts) skips them as it skips all code.

export interface TextPart {
  text: string;
  code: boolean;
}

/** The text cut at its backticks: every other part is code. Unpaired backticks: the text as written. */
export function codeSpans(text: string): TextPart[] {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return [{ text, code: false }];
  return parts.map((part, index) => ({ text: part, code: index % 2 === 1 })).filter((part) => part.text !== '');
}
