// Rewrites a section's lines for the deck file. Fenced code passes through untouched (a Python `# comment`
// stays code), $$ display math too (only active HTML removed); everything else goes through rewriteInline.
// A line holding only `?` would end a deck card's question, so it is escaped.
import { closesFence, parseFenceOpening } from './fences';
import { neutralizeActiveHtml } from './html';
import { neutralizeReferenceDefinitions, rewriteInline, type ImageRenderer } from './inline';

export interface RewrittenBody {
  lines: string[];
  /** True when the body keeps a `js proof` / `ts proof` block (only the first one keeps that tag). */
  hasProof: boolean;
}

/** `js proof` / `ts proof`: the deck parser's proof marker. */
const isProofInfo = (info: string): boolean => /^(js|ts)\s+proof$/.test(info);

/** Line of the `$$` closing the block opened at `open`; -1 when none comes before a code fence or the end. */
function displayMathEnd(lines: readonly string[], open: number): number {
  for (let at = open + 1; at < lines.length; at++) {
    if (lines[at].trim() === '$$') return at;
    // The fence scan owns everything from here on; a math block reaching into it would unbalance the fences.
    if (parseFenceOpening(lines[at])) return -1;
  }
  return -1;
}

export function rewriteBody(lines: readonly string[], renderImage: ImageRenderer): RewrittenBody {
  const out: string[] = [];
  let hasProof = false;
  let prose: string[] = [];

  const flushProse = (): void => {
    if (!prose.length) return;
    const rewritten = rewriteInline(neutralizeReferenceDefinitions(prose.join('\n')), renderImage);
    for (const line of rewritten.split('\n')) out.push(line.trim() === '?' ? line.replace('?', '\\?') : line);
    prose = [];
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const fence = parseFenceOpening(line);
    if (fence) {
      flushProse();
      let opening = line;
      if (isProofInfo(fence.info)) {
        // A deck card has at most one proof; later proof-tagged blocks from the notes stay plain code.
        if (hasProof) opening = line.replace(/\s+proof\s*$/, '');
        hasProof = true;
      }
      out.push(opening);
      // The outline closed any fence left open at the end of the file, so this loop always finds a close.
      for (index++; index < lines.length; index++) {
        out.push(lines[index]);
        if (closesFence(lines[index], fence)) break;
      }
      continue;
    }
    if (line.trim() === '$$') {
      const close = displayMathEnd(lines, index);
      if (close > 0) {
        flushProse();
        for (; index <= close; index++) out.push(neutralizeActiveHtml(lines[index]));
        index = close;
        continue;
      }
    }
    prose.push(line);
  }
  flushProse();
  return { lines: out, hasProof };
}

/** Blank lines at either end removed; the body is Markdown the deck file can hold as an answer. */
export function trimBlankLines(lines: readonly string[]): string[] {
  let first = 0;
  let last = lines.length - 1;
  while (first <= last && lines[first].trim() === '') first++;
  while (last >= first && lines[last].trim() === '') last--;
  return lines.slice(first, last + 1);
}
