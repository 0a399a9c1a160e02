// Card Markdown → safe HTML. Decks are shared, so card text is untrusted: KaTeX renders `$…$` and `$$…$$`
// (a formula it cannot parse becomes an inline error, the rest of the card still renders), markdown-it renders
// the rest with raw HTML allowed only to be sanitized by DOMPurify afterwards.
import DOMPurify from 'dompurify';
import katex from 'katex';
import MarkdownIt, { type StateBlock, type StateInline } from 'markdown-it';

function renderTex(tex: string, displayMode: boolean): string {
  try {
    return katex.renderToString(tex, { displayMode, throwOnError: true, strict: 'ignore', trust: false, maxExpand: 1000, maxSize: 50 });
  } catch (error) {
    const message = (error as Error).message.replace(/^KaTeX parse error: /, '');
    const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    return `<span class="math-error" role="note" title="${escape(message)}"><span class="math-error-label">Math error:</span> <code>${escape(tex)}</code> <span class="math-error-message">${escape(message)}</span></span>`;
  }
}

/** `$…$` inline math: not after a backslash, not `$ ` opening, not ` $` closing (Typora/Pandoc rules). */
function inlineMath(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src[start] !== '$') return false;
  const display = src[start + 1] === '$';
  const open = display ? 2 : 1;
  if (!display && (src[start + 1] === ' ' || src[start + 1] === undefined)) return false;
  let end = start + open;
  while (end < state.posMax) {
    if (src[end] === '\\') {
      end += 2;
      continue;
    }
    if (src.startsWith(display ? '$$' : '$', end) && (display || src[end - 1] !== ' ')) break;
    end++;
  }
  if (end >= state.posMax || end === start + open) return false;
  if (!silent) {
    const token = state.push(display ? 'math_display_inline' : 'math_inline', 'math', 0);
    token.content = src.slice(start + open, end);
  }
  state.pos = end + open;
  return true;
}

/** A `$$` line opens display math that ends at the next line ending in `$$` (or `$$…$$` on one line). */
function blockMath(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const lineStart = state.bMarks[startLine] + state.tShift[startLine];
  const lineEnd = state.eMarks[startLine];
  const first = state.src.slice(lineStart, lineEnd).trim();
  if (!first.startsWith('$$')) return false;
  let content: string;
  let last = startLine;
  const rest = first.slice(2);
  if (rest.trim().endsWith('$$') && rest.trim().length >= 2) {
    content = rest.trim().slice(0, -2);
  } else {
    const parts = [rest];
    let found = false;
    for (let line = startLine + 1; line < endLine; line++) {
      const text = state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
      if (text.trim().endsWith('$$')) {
        parts.push(text.trim().slice(0, -2));
        last = line;
        found = true;
        break;
      }
      parts.push(text);
    }
    if (!found) return false;
    content = parts.join('\n');
  }
  if (silent) return true;
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.content = content;
  token.map = [startLine, last + 1];
  state.line = last + 1;
  return true;
}

const md = new MarkdownIt({ html: true, linkify: true, breaks: false });
md.inline.ruler.after('escape', 'math_inline', inlineMath);
md.block.ruler.after('blockquote', 'math_block', blockMath, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
md.renderer.rules.math_inline = (tokens, i) => renderTex(tokens[i].content, false);
md.renderer.rules.math_display_inline = (tokens, i) => renderTex(tokens[i].content, true);
md.renderer.rules.math_block = (tokens, i) => `<div class="math-display">${renderTex(tokens[i].content, true)}</div>\n`;

/** Where the host serves a deck's images (main/services/deckAssets.ts); same origin in both modes. */
export const DECK_ASSET_PATH = '/deck-asset';

/** A relative image path of a card (`img/x.png`): a file beside its deck file, not a URL. */
const isDeckRelative = (src: string) => !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(src);

export function deckAssetUrl(deckId: string, src: string): string {
  let path = src;
  try {
    path = decodeURI(src); // markdown-it percent-encodes link targets; the host wants the file's own name
  } catch {
    // A stray % is part of the file name.
  }
  return `${DECK_ASSET_PATH}?deck=${encodeURIComponent(deckId)}&path=${encodeURIComponent(path.split(/[?#]/)[0])}`;
}

let hooked = false;
/** The deck whose card is being rendered (set for the duration of one synchronous sanitize call). */
let renderingDeck: string | null = null;
function purifier() {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      // Links leave the app only through a confirmed click (see Markdown.svelte); mark them so it can find them.
      if (node.tagName === 'A' && node.getAttribute('href')) {
        node.setAttribute('rel', 'noopener noreferrer');
        node.setAttribute('data-external', 'true');
      }
      // Images beside the deck file come from the host; remote images stay blocked by the CSP (offline app).
      const src = node.tagName === 'IMG' ? node.getAttribute('src') : null;
      if (src && renderingDeck !== null && isDeckRelative(src)) node.setAttribute('src', deckAssetUrl(renderingDeck, src));
    });
    hooked = true;
  }
  return DOMPurify;
}

/** `deckId` lets relative images (`![](img/x.png)`) load from beside that deck's file. */
export function renderMarkdown(source: string, deckId: string | null = null): string {
  renderingDeck = deckId;
  try {
    return purifier().sanitize(md.render(source), {
      FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
      FORBID_ATTR: ['srcset', 'formaction'],
    });
  } finally {
    renderingDeck = null;
  }
}
