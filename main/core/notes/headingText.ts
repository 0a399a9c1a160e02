// Reading Typora's ATX headings: "### 1.2.4 为什么线性变换、除以根号dk？" → level 3, title "为什么线性变换、除以根号dk？".

export interface AtxHeading {
  level: number;
  /** Heading text with the optional closing `#` sequence removed, trimmed. */
  text: string;
}

// CommonMark: 1–6 `#`, then a space/tab or the end of the line; up to 3 spaces of indentation.
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;

export function parseAtxHeading(line: string): AtxHeading | null {
  const match = ATX_HEADING.exec(line);
  if (!match) return null;
  // `# foo ##` closes with a `#` run preceded by a space; `# foo#` keeps its `#`.
  const text = (match[2] ?? '').replace(/(?:^|[ \t]+)#+[ \t]*$/, '').trim();
  return { level: match[1].length, text };
}

// "1 ", "1.2.4 ", "1. ", "1、", "2.1.1Gradient" (a multi-level number stuck to the text).
// A lone number stuck to text ("2021年总结") is part of the title, not numbering.
const NUMBER_THEN_SPACE = /^\d+(?:\.\d+)*[.、)）]?\s+/;
const MULTI_LEVEL_STUCK = /^\d+(?:\.\d+)+\.?(?=[^\d\s.])/;
const SINGLE_WITH_MARK = /^\d+[、)）](?=\S)/;

/** The heading's title without its outline numbering; the original when nothing else would be left. */
export function stripNumbering(text: string): string {
  // Typora users colour headings: `<font color=red>1.2 Title</font>` keeps its tags, loses the number.
  const leadingTags = /^(?:<[^>]*>\s*)*/.exec(text)![0];
  const stripped = text
    .slice(leadingTags.length)
    .replace(NUMBER_THEN_SPACE, '')
    .replace(MULTI_LEVEL_STUCK, '')
    .replace(SINGLE_WITH_MARK, '')
    .trim();
  return stripped === '' ? text.trim() : leadingTags + stripped;
}

/**
 * A chapter title as a per-card tag: numbering removed, spaces turned into `-`. Quotes, backslashes and
 * braces are dropped because tags live inside the heading's `tags="…"` attribute.
 */
export function titleToTag(title: string): string {
  return stripNumbering(plainText(title))
    .replace(/["\\{}]/g, '')
    .trim()
    .replace(/\s+/g, '-');
}

/** Heading text for places that show no Markdown or HTML (deck name, tags): tags dropped, text kept. */
export function plainText(text: string): string {
  return text.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}
