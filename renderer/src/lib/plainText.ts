// Card Markdown → readable plain text, for places that show a card as one line of text (Browse's rows, the
// review's screen-reader announcement): `**bold**` → bold, `` `code` `` → code, `$\sqrt{d_k}$` → \sqrt{d_k} (its TeX
// source: readable to anyone who writes TeX, and what a search finds), `[text](url)` → text, an image → its alt
// text, HTML tags dropped. It reads the tokens of the one Markdown parser (./markdownHtml.ts), so math, code and
// escapes are found exactly as review renders them. Pure: no DOM.
import { markdownTokens } from './markdownHtml';

type Token = ReturnType<typeof markdownTokens>[number];

const TAG = /<[^>]*>/g;
/** Block tokens whose end separates lines of text. */
const LINE_ENDS = new Set(['paragraph_close', 'heading_close', 'list_item_close', 'blockquote_close', 'tr_close', 'th_close', 'td_close']);

function inlineText(children: readonly Token[]): string {
  let text = '';
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
        text += child.content;
        break;
      case 'math_inline':
      case 'math_display_inline':
        text += child.content.trim();
        break;
      case 'image':
        text += inlineText(child.children ?? []);
        break;
      case 'softbreak':
        text += ' ';
        break;
      case 'hardbreak':
        text += '\n';
        break;
      case 'html_inline':
        break; // tags say nothing to a reader; the text between them is its own token
    }
  }
  return text;
}

function blockText(token: Token): string | null {
  switch (token.type) {
    case 'inline':
      return inlineText(token.children ?? []);
    case 'math_block':
    case 'fence':
    case 'code_block':
      return `${token.content.trim()}\n`;
    case 'html_block':
      return `${token.content.replace(TAG, '').trim()}\n`;
    case 'th_close':
    case 'td_close':
      return ' ';
    default:
      return LINE_ENDS.has(token.type) ? '\n' : null;
  }
}

/** The text of card Markdown without its markup: one line per paragraph, heading or list item. */
export function markdownToPlainText(source: string): string {
  const parts: string[] = [];
  for (const token of markdownTokens(source)) {
    const text = blockText(token);
    if (text !== null) parts.push(text);
  }
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The first line of the plain text: a card's question as one row. */
export const plainFirstLine = (source: string): string => markdownToPlainText(source).split('\n', 1)[0] ?? '';
