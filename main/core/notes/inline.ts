// Rewrites a run of ordinary Markdown (no fenced code, no $$ display blocks): images are handed to the
// caller, HTML is sanitized, unsafe link targets are dropped. Code spans, math and autolinks are left as
// written, because `<` and `$` inside them are not HTML.
import { isSafeLinkTarget, neutralizeActiveHtml, parseAttributes, rewriteTag, tagAt } from './html';

export interface FoundImage {
  /** Path or URL exactly as written (angle brackets and title removed). */
  src: string;
  alt: string;
}

export type ImageRenderer = (image: FoundImage) => string;

/** Index just past the `)` that closes the `(` at `open`, honouring nesting and `\` escapes; -1 if none on this line. */
function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') return -1;
    if (ch === '\\') i++;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** Index of the `]` closing the `[` at `open` (nesting and escapes honoured), -1 if none in the paragraph. */
function matchingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return i;
    else if (ch === '\n' && text[i + 1] === '\n') return -1;
  }
  return -1;
}

/** `(dest "title")` → dest. Typora writes Windows paths with spaces and no angle brackets, so spaces stay. */
function linkDestination(inside: string): string {
  const trimmed = inside.trim();
  if (trimmed.startsWith('<')) {
    const close = trimmed.indexOf('>');
    return close > 0 ? trimmed.slice(1, close) : trimmed.slice(1);
  }
  return trimmed.replace(/\s+("[^"]*"|'[^']*')$/, '');
}

const unescapeMarkdown = (text: string): string => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** Same-line closing `$` for inline math; Typora allows spaces inside, so only escapes are skipped. */
function inlineMathEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') return -1;
    if (ch === '\\') i++;
    else if (ch === '$') return i > open + 1 ? i + 1 : -1;
  }
  return -1;
}

// <scheme:…> and <user@host> are autolinks, not tags.
const AUTOLINK = /<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9.-]+)>/y;
const IMG_START = /<img(?=[\s/>]|$)/iy;
const TAG_LIKE = /<[a-zA-Z/!?]/y;

function stickyMatch(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

/** End of the code span whose backtick run of `length` starts at `open`; the run itself if it does not close on its line. */
function codeSpanEnd(text: string, open: number, length: number): number {
  let search = open + length;
  for (;;) {
    const close = text.indexOf('`', search);
    // Code spans stay on their line: a run left open must not shield the next lines' HTML from sanitizing.
    const lineEnd = text.indexOf('\n', open);
    if (close < 0 || (lineEnd >= 0 && close > lineEnd)) return open + length;
    let runEnd = close;
    while (text[runEnd] === '`') runEnd++;
    if (runEnd - close === length) return runEnd;
    search = runEnd;
  }
}

/** An `<img …>`; Typora sometimes leaves one unclosed at the end of a line, which still counts. */
function imageTagEnd(text: string, start: number): number {
  let quote: string | null = null;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i + 1;
    else if (ch === '\n') return i;
  }
  return text.length;
}

export function rewriteInline(text: string, renderImage: ImageRenderer): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      out += text.slice(i, i + 2);
      i += 2;
    } else if (ch === '`') {
      let runEnd = i;
      while (text[runEnd] === '`') runEnd++;
      const end = codeSpanEnd(text, i, runEnd - i);
      out += text.slice(i, end);
      i = end;
    } else if (ch === '$') {
      let end = -1;
      if (text[i + 1] === '$') {
        // Inline $$…$$ stays on its line; display math on lines of its own is handled by rewriteBody.
        const close = text.indexOf('$$', i + 2);
        const lineEnd = text.indexOf('\n', i);
        if (close > 0 && (lineEnd < 0 || close < lineEnd)) end = close + 2;
      } else end = inlineMathEnd(text, i);
      if (end < 0) {
        out += ch;
        i++;
      } else {
        out += neutralizeActiveHtml(text.slice(i, end));
        i = end;
      }
    } else if (ch === '<') {
      const autolink = stickyMatch(AUTOLINK, text, i);
      const tag = tagAt(text, i);
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        if (close < 0) out += '&lt;';
        i = close < 0 ? i + 1 : close + 3;
      } else if (autolink && isSafeLinkTarget(autolink[1])) {
        out += autolink[0];
        i += autolink[0].length;
      } else if (stickyMatch(IMG_START, text, i)) {
        const end = imageTagEnd(text, i);
        const attributes = parseAttributes(text.slice(i + 4, end).replace(/\/?>$/, ''));
        out += renderImage({ src: (attributes.get('src') ?? '').trim(), alt: attributes.get('alt') ?? '' });
        i = end;
      } else if (tag) {
        const { replacement, consumed } = rewriteTag(text, i, tag);
        out += replacement;
        i += consumed;
      } else {
        // Broken or unknown markup (`<div class="x"` with no `>`): shown as text, never parsed as HTML.
        out += stickyMatch(TAG_LIKE, text, i) ? '&lt;' : '<';
        i++;
      }
    } else if (ch === '!' && text[i + 1] === '[') {
      const altEnd = matchingBracket(text, i + 1);
      const parenEnd = altEnd > 0 && text[altEnd + 1] === '(' ? matchingParen(text, altEnd + 1) : -1;
      if (parenEnd < 0) {
        out += ch;
        i++;
      } else {
        const src = linkDestination(text.slice(altEnd + 2, parenEnd - 1));
        out += renderImage({ src, alt: unescapeMarkdown(text.slice(i + 2, altEnd)) });
        i = parenEnd;
      }
    } else if (ch === ']' && text[i + 1] === '(') {
      const parenEnd = matchingParen(text, i + 1);
      const target = parenEnd > 0 ? linkDestination(text.slice(i + 2, parenEnd - 1)) : '';
      if (parenEnd > 0 && !isSafeLinkTarget(target)) {
        out += '](#)';
        i = parenEnd;
      } else {
        out += ch;
        i++;
      }
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** `[label]: javascript:…` reference definitions lose their target, like inline links do. */
export function neutralizeReferenceDefinitions(text: string): string {
  return text.replace(/^( {0,3}\[[^\]\n]+\]:[ \t]*)(<[^>\n]*>|\S+)/gm, (whole, lead: string, target: string) =>
    isSafeLinkTarget(target.replace(/^<|>$/g, '')) ? whole : `${lead}#`,
  );
}
