// CommonMark fenced code blocks (``` or ~~~, length >= 3, indented at most 3 spaces). Card headings,
// `?` lines and proof blocks are only recognised outside fences (and HTML comments), so a `## ` inside a
// listing stays code and a card can be commented out.
import type { SourceLine } from './lines';

export interface Fence {
  /** Index (into the scanned lines) of the opening fence line. */
  open: number;
  /** Index of the closing fence line; null when the fence runs to the end of the file unterminated. */
  close: number | null;
  char: '`' | '~';
  length: number;
  /** Leading spaces of the opening line; CommonMark removes that much indentation from content lines. */
  indent: number;
  /** Info string, trimmed. */
  info: string;
}

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;

function parseOpening(text: string): Omit<Fence, 'open' | 'close'> | null {
  const match = OPENING.exec(text);
  if (!match) return null;
  const marker = match[2];
  const info = match[3];
  // A backtick fence's info string may not contain backticks (otherwise it is inline code).
  if (marker[0] === '`' && info.includes('`')) return null;
  return { char: marker[0] as '`' | '~', length: marker.length, indent: match[1].length, info: info.trim() };
}

function closes(text: string, fence: Omit<Fence, 'open' | 'close'>): boolean {
  const match = /^ {0,3}(`+|~+)[ \t]*$/.exec(text);
  return match !== null && match[1][0] === fence.char && match[1].length >= fence.length;
}

/** An HTML comment block (`<!--` opening a line, up to the line holding `-->`): how a card is commented out. */
export interface HtmlComment {
  open: number;
  /** Null when no `-->` follows: the comment runs to the end of the file. */
  close: number | null;
}

const COMMENT_OPENING = /^ {0,3}<!--/;

/**
 * Finds every fence and HTML comment block in lines[from, to). `literal[i]` is true for lines whose Markdown
 * structure is not read (fence lines and their content, comment lines): no card heading, `?` or fence there.
 */
export function scanFences(
  lines: readonly SourceLine[],
  from: number,
  to: number,
): { fences: Fence[]; comments: HtmlComment[]; literal: boolean[] } {
  const fences: Fence[] = [];
  const comments: HtmlComment[] = [];
  const literal = new Array<boolean>(lines.length).fill(false);
  const markUntil = (start: number, isEnd: (text: string, index: number) => boolean): number | null => {
    for (let cursor = start; cursor < to; cursor++) {
      literal[cursor] = true;
      if (isEnd(lines[cursor].text, cursor)) return cursor;
    }
    return null;
  };
  let index = from;
  while (index < to) {
    const text = lines[index].text;
    const opening = parseOpening(text);
    if (opening) {
      const close = markUntil(index, (line, at) => at > index && closes(line, opening));
      fences.push({ ...opening, open: index, close });
      index = close === null ? to : close + 1;
    } else if (COMMENT_OPENING.test(text)) {
      const afterOpening = text.indexOf('<!--') + 4;
      const close = markUntil(index, (line, at) => (at === index ? line.slice(afterOpening) : line).includes('-->'));
      comments.push({ open: index, close });
      index = close === null ? to : close + 1;
    } else {
      index++;
    }
  }
  return { fences, comments, literal };
}

/** Content lines of a fence with the opening line's indentation removed (as CommonMark does). */
export function fenceContent(lines: readonly SourceLine[], fence: Fence, end: number): string[] {
  const stop = fence.close ?? end;
  const content: string[] = [];
  for (let index = fence.open + 1; index < stop; index++) {
    const text = lines[index].text;
    const leading = /^ */.exec(text)![0].length;
    content.push(text.slice(Math.min(leading, fence.indent)));
  }
  return content;
}

/** `js proof` / `ts proof` (any whitespace between the two words) mark the card's proof block. */
export function proofLangOf(info: string): 'js' | 'ts' | null {
  const block = codeBlockOf(info);
  return block?.role === 'proof' ? block.lang : null;
}

/** What a card's fenced block is for: its proof, or (on a coding card only) the starter or the solution. */
export type CodeBlockRole = 'proof' | 'starter' | 'solution';

/** `<js|ts> <proof|starter|solution>` (any whitespace between the two words); anything else is answer text. */
export function codeBlockOf(info: string): { lang: 'js' | 'ts'; role: CodeBlockRole } | null {
  const words = info.split(/\s+/);
  if (words.length !== 2 || (words[0] !== 'js' && words[0] !== 'ts')) return null;
  const role = words[1];
  return role === 'proof' || role === 'starter' || role === 'solution' ? { lang: words[0], role } : null;
}
