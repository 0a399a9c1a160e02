// Math as the notes' author saw it (Typora, MathJax, GitHub Pages), not only as Pandoc reads it. The rule is the
// deck format's (docs/ARCHITECTURE.md, "Math delimiters"); this file is its one implementation.
import katex from 'katex';

/** KaTeX lacks a few MathJax commands notes use; these stand in (`\label`, `\require` just vanish). */
const MATHJAX_MACROS: Record<string, string | ((context: { consumeArgs(count: number): unknown }) => string)> = {
  '\\mbox': '\\text{#1}',
  '\\displaylines': '\\begin{gathered}#1\\end{gathered}',
  '\\label': (context) => {
    context.consumeArgs(1);
    return '';
  },
  '\\require': (context) => {
    context.consumeArgs(1);
    return '';
  },
};

/** `eqnarray` (no KaTeX environment): its `a &=& b` rows are right/centre/left columns, exactly an `rcl` array. */
export function normalizeTex(tex: string): string {
  return tex
    .replace(/\\begin\{eqnarray\*?\}/g, '{\\def\\arraystretch{1.5}\\begin{array}{rcl}')
    .replace(/\\end\{eqnarray\*?\}/g, '\\end{array}}');
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** KaTeX HTML; a formula it cannot parse shows its own source, small and inline, the reason on hover. */
export function renderTex(tex: string, displayMode: boolean): string {
  try {
    return katex.renderToString(normalizeTex(tex), {
      displayMode,
      throwOnError: true,
      strict: 'ignore',
      trust: false,
      maxExpand: 1000,
      maxSize: 50,
      macros: { ...MATHJAX_MACROS },
    });
  } catch (error) {
    const reason = (error as Error).message.replace(/^KaTeX parse error: /, '');
    const delimiter = displayMode ? '$$' : '$';
    return `<code class="math-error" role="note" title="${escapeHtml(`Math error: ${reason}`)}">${escapeHtml(`${delimiter}${tex}${delimiter}`)}</code>`;
  }
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n';

/** Index of the next unescaped `delimiter` at or after `from` (before `max`), -1 if none. */
function nextDelimiter(src: string, from: number, max: number, delimiter: string): number {
  for (let at = from; at < max; at++) {
    if (src[at] === '\\') at++;
    else if (src.startsWith(delimiter, at)) return at;
  }
  return -1;
}

/** Inline math found at `start` (a `$`): its content and where it ends; null when the `$` is plain text. */
export interface InlineMath {
  display: boolean;
  content: string;
  end: number;
}

/**
 * `$$…$$` anywhere in a paragraph is display math. `$…$` closes at the next unescaped `$` of the paragraph, spaces
 * inside allowed (Typora, MathJax) — except a price: a `$` before a digit whose candidate partner has a space
 * before it or a digit after it (`costs $5 and $10`, `$5-$10`) is text, and the next `$` gets its own chance.
 */
export function scanInlineMath(src: string, start: number, max: number): InlineMath | null {
  if (src[start] !== '$') return null;
  if (src[start + 1] === '$') {
    const close = nextDelimiter(src, start + 2, max, '$$');
    const content = close < 0 ? '' : src.slice(start + 2, close);
    return content.trim() ? { display: true, content, end: close + 2 } : null;
  }
  const close = nextDelimiter(src, start + 1, max, '$');
  if (close < 0) return null;
  const content = src.slice(start + 1, close);
  if (!content.trim()) return null;
  if (isDigit(src[start + 1]) && (isSpace(src[close - 1]) || isDigit(src[close + 1]))) return null;
  return { display: false, content, end: close + 1 };
}

/** Unescaped `$$` positions in a line, code spans skipped. */
function displayDelimiters(line: string): number[] {
  const found: number[] = [];
  for (let at = 0; at < line.length; at++) {
    if (line[at] === '\\') at++;
    else if (line[at] === '`') {
      const close = line.indexOf('`', at + 1);
      if (close > 0) at = close;
    } else if (line.startsWith('$$', at)) {
      found.push(at);
      at++;
    }
  }
  return found;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * A display block whose `$$` shares its line with text (`公式如下： $$` … `$$ 其中 …`) is laid out as if each
 * such `$$` stood on its own line, so the block rule sees it and the text around stays text. Fenced code untouched.
 */
export function separateDisplayDelimiters(source: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  let inDisplay = false;
  for (const line of source.split('\n')) {
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== null || fenceMark) {
      if (fence === null) fence = fenceMark ?? null;
      else if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = null;
      out.push(line);
      continue;
    }
    const indent = /^\s*/.exec(line)?.[0] ?? '';
    let rest = line;
    let positions = displayDelimiters(rest);
    // Pairs on one line (`$$x$$`) are inline display math; only a `$$` left over opens or closes a block.
    while (positions.length % 2 === 1 || (inDisplay && positions.length > 0)) {
      const at = inDisplay ? positions[0] : positions[positions.length - 1];
      const before = rest.slice(0, at);
      const after = rest.slice(at + 2);
      if (before.trim()) out.push(inDisplay ? before : before.trimEnd());
      out.push(`${indent}$$`);
      inDisplay = !inDisplay;
      rest = after.trim() ? indent + after.trimStart() : '';
      positions = displayDelimiters(rest);
      if (!inDisplay && positions.length % 2 === 0) break;
    }
    if (rest.trim() || rest === line) out.push(rest);
  }
  return out.join('\n');
}
