// Fenced code blocks as CommonMark (and the deck parser) see them: ``` or ~~~, at least 3, indented at most
// 3 spaces, closed by the same character at least as long with nothing after it. Headings inside a fence
// (a Python `# comment`) are code, not headings.

export interface FenceOpening {
  char: '`' | '~';
  length: number;
  info: string;
}

const OPENING = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

export function parseFenceOpening(line: string): FenceOpening | null {
  const match = OPENING.exec(line);
  if (!match) return null;
  // A backtick fence's info string may not contain backticks (that would be inline code).
  if (match[1][0] === '`' && match[2].includes('`')) return null;
  return { char: match[1][0] as '`' | '~', length: match[1].length, info: match[2].trim() };
}

export function closesFence(line: string, fence: FenceOpening): boolean {
  const match = CLOSING.exec(line);
  return match !== null && match[1][0] === fence.char && match[1].length >= fence.length;
}

export const closingLineFor = (fence: FenceOpening): string => fence.char.repeat(fence.length);
