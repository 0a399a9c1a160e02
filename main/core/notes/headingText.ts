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
 * A chapter title as a per-card tag: entities decoded (`Chapter 10&nbsp;Optimization` → `Chapter-10-Optimization`; tags
 * follow the notes on re-import, so this renames no card), numbering removed, spaces turned into `-`. Quotes, backslashes and
 * braces are dropped because tags live inside the heading's `tags="…"` attribute.
 */
export function titleToTag(title: string): string {
  return stripNumbering(plainText(decodeEntitiesOutsideCode(title)))
    .replace(/["\\{}]/g, '')
    .trim()
    .replace(/\s+/g, '-');
}

// Outline numbers authors put before a question, stripped one layer at a time ("3.3.3 （1）为什么…" has two).
// Each must be followed by text, so a title that is only a number ("2021") stays.
const OUTLINE_NUMBERS: readonly RegExp[] = [
  /^\d+(?:\.\d+)*[.、)）:：]?\s+(?![-+*/=<>×÷^%])/, // 1 · 1. · 1.13.6 · 1、 · 1) · 1: then a space (not "1 + 1 = 2")
  /^\d+(?:\.\d+)+\.?(?=[^\d\s.])/, // 2.1.1Gradient: a multi-level number stuck to the text
  /^\d+[、)）](?=\S)/, // 1、标题 · 1）标题
  /^[（(]\s*(?:\d+|[一二三四五六七八九十百零〇]+)\s*[)）]\s*/, // （1） · (1) · （一）
  /^[一二三四五六七八九十百零〇]+[、.．]\s*/, // 一、 · 二.
  /^第[一二三四五六七八九十百零〇两\d]+[章节部分篇讲课回]\s+/, // 第一节 Inception…
  /^Q\s?\d+\s*[.:：、)）]\s*/i, // Q1. · Q1: · Q2、
  /^[\u2460-\u2473]\s*/, // ① … ⑳
];

// Spacing entities Typora and CSDN exports use to indent headings: they read as a space.
const SPACE_ENTITIES = /&(?:emsp|ensp|nbsp|thinsp|emsp13|emsp14|numsp|puncsp|hairsp|MediumSpace|ZeroWidthSpace);|&#(?:160|8194|8195|8201|8203|12288|x[aA]0|x200[2-9bB]|x3000);/g;
// Entities that stand for one plain character; `&lt;` and `&gt;` stay, or decoding them would make HTML of text.
const CHARACTER_ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", middot: '·', hellip: '…', mdash: '—', ndash: '–', times: '×', divide: '÷', laquo: '«', raquo: '»', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’' };

/** HTML entities as the characters they stand for (spacing ones as a space), except in code spans and `&lt;`/`&gt;`. */
export function decodeEntitiesOutsideCode(text: string): string {
  // Code spans keep their entities: `&nbsp;` in code is what the author wants shown.
  return text
    .split(/(`+[^`]*`+)/)
    .map((part, index) => {
      if (index % 2 === 1) return part;
      return part
        .replace(SPACE_ENTITIES, ' ')
        .replace(/&([a-zA-Z]+);(?![a-zA-Z#]\w*;)/g, (entity, name: string) => CHARACTER_ENTITIES[name] ?? entity)
        .replace(/&#(\d{2,6}|x[0-9a-fA-F]{2,5});/g, (entity, code: string) => {
          const point = code.startsWith('x') ? parseInt(code.slice(1), 16) : Number(code);
          // `<`, `>` and `&` stay encoded for the same reason as `&lt;`; controls are not text.
          return point < 32 || point > 0x10ffff || '<>&'.includes(String.fromCodePoint(point)) ? entity : String.fromCodePoint(point);
        });
    })
    .join('');
}

/**
 * The heading as a question: HTML entities decoded (spaces as spaces), then every layer of outline numbering
 * removed (`1.13.6`, `（1）`, `一、`, `第二节`, `Q1:`). Questions only: tags, deck names and the ids of cards
 * imported before this rule keep `stripNumbering`, so they do not change.
 */
export function questionTitle(text: string): string {
  const decoded = decodeEntitiesOutsideCode(text).trim();
  const leadingTags = /^(?:<[^>]*>\s*)*/.exec(decoded)![0];
  let rest = decoded.slice(leadingTags.length).trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const pattern of OUTLINE_NUMBERS) {
      const next = rest.replace(pattern, '').trim();
      if (next !== rest && next !== '') {
        rest = next;
        changed = true;
      }
    }
  }
  if (rest === '') return decoded === '' ? text.trim() : decoded;
  return leadingTags + rest;
}

/** Heading text for places that show no Markdown or HTML (deck name, tags): tags dropped, text kept. */
export function plainText(text: string): string {
  return text.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}
