// Card Markdown → HTML, before sanitizing: markdown-it with KaTeX math. No DOM here, so Node tests run the same
// code review and the editor preview run (renderer/src/lib/markdown.ts sanitizes the result).
import MarkdownIt, { type StateBlock, type StateInline } from 'markdown-it';
import { renderTex, scanInlineMath, separateDisplayDelimiters } from './math';

/** `$…$` and `$$…$$` inside a paragraph, by the lenient rule of ./math.ts. */
function inlineMath(state: StateInline, silent: boolean): boolean {
  const found = scanInlineMath(state.src, state.pos, state.posMax);
  if (!found) return false;
  if (!silent) {
    const token = state.push(found.display ? 'math_display_inline' : 'math_inline', 'math', 0);
    token.content = found.content;
  }
  state.pos = found.end;
  return true;
}

/** A `$$` line opens display math that ends at the next line ending in `$$` (or `$$…$$` alone on one line). */
function blockMath(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const lineStart = state.bMarks[startLine] + state.tShift[startLine];
  const lineEnd = state.eMarks[startLine];
  const first = state.src.slice(lineStart, lineEnd).trim();
  if (!first.startsWith('$$')) return false;
  let content: string;
  let last = startLine;
  const rest = first.slice(2);
  // `$$x$$ and then text` is a paragraph with display math in it, not a block.
  const closeOnLine = rest.indexOf('$$');
  if (closeOnLine >= 0 && rest.slice(closeOnLine + 2).trim()) return false;
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

/** Card Markdown → markdown-it's tokens, by the same rules (math included) as the HTML: ./plainText.ts reads them. */
export function markdownTokens(source: string): ReturnType<typeof md.parse> {
  return md.parse(separateDisplayDelimiters(source), {});
}

/** Card Markdown → unsanitized HTML (KaTeX spans included). */
export function markdownToHtml(source: string): string {
  return md.render(separateDisplayDelimiters(source));
}
