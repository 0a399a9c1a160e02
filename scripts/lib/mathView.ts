// Shared by the math corpus test (tests/unit/renderer) and `npm run notes:report`: one definition of "rendered".
// Reads card HTML the way a reviewer sees it: formulas KaTeX rendered, formulas shown as errors, and the text
// left outside math and code (where a stray `$` means a formula the reader sees raw). No DOM in Node, so a small
// tag walker; KaTeX and markdown-it output is well formed.
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'col', 'wbr', 'area', 'base', 'source']);

export interface MathView {
  /** Outermost `.katex` elements (a display formula's `.katex-display` wraps one). */
  rendered: number;
  /** `.math-error` elements. */
  errors: number;
  /** Text outside formulas, errors, `<code>` and `<pre>`, entities decoded. */
  text: string;
}

const decode = (text: string): string =>
  text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export function viewMath(html: string): MathView {
  const view: MathView = { rendered: 0, errors: 0, text: '' };
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g;
  // Depth of the open element that hides its content (a formula, an error, code); -1 when none.
  let stack = 0;
  let hiddenAt = -1;
  let last = 0;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    if (hiddenAt < 0) view.text += decode(html.slice(last, match.index));
    last = tag.lastIndex;
    const [, closing, rawName, attributes] = match;
    const name = rawName.toLowerCase();
    if (VOID.has(name) || attributes.endsWith('/')) continue;
    if (closing) {
      stack--;
      if (stack === hiddenAt) hiddenAt = -1;
      continue;
    }
    if (hiddenAt < 0) {
      const classes = (/\bclass="([^"]*)"/.exec(attributes)?.[1] ?? '').split(/\s+/);
      if (classes.includes('katex')) view.rendered++;
      if (classes.includes('math-error')) view.errors++;
      if (classes.includes('katex') || classes.includes('math-error') || name === 'code' || name === 'pre') hiddenAt = stack;
    }
    stack++;
  }
  if (hiddenAt < 0) view.text += decode(html.slice(last));
  return view;
}

/** `$` signs a reader would see as raw math: every `$` in the text except a price's (`$5`, `$2.5`, `$1,000`). */
export const strayDollars = (text: string): string[] => text.match(/\$(?!\d)[^\n]{0,30}/g) ?? [];

/** Formulas of some cards as review shows them. */
export interface CardsMath {
  rendered: number;
  /** Error boxes (`.math-error`). */
  errors: number;
  /** Raw `$…` spans left in the text (a formula the reader sees as source). */
  stray: string[];
  /** The text outside formulas and code, to look for prices in. */
  text: string;
}

/** Each card's question and answer through `toHtml` (the card renderer review and the editor preview use). */
export function mathOfCards(cards: readonly { frontMd: string; backMd: string }[], toHtml: (markdown: string) => string): CardsMath {
  const total: CardsMath = { rendered: 0, errors: 0, stray: [], text: '' };
  for (const card of cards) {
    for (const source of [card.frontMd, card.backMd]) {
      const view = viewMath(toHtml(source));
      total.rendered += view.rendered;
      total.errors += view.errors;
      total.stray.push(...strayDollars(view.text));
      total.text += view.text;
    }
  }
  return total;
}
