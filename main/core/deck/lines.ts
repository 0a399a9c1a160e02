// Splitting text into lines that remember their own endings, so joining them back is exact.

export interface SourceLine {
  /** Line content without its ending. */
  text: string;
  /** The ending that followed it: '' only for a last line without a newline. */
  eol: '' | '\n' | '\r\n';
}

export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) {
      lines.push({ text: text.slice(start), eol: '' });
      break;
    }
    const crlf = newline > start && text[newline - 1] === '\r';
    lines.push({ text: text.slice(start, crlf ? newline - 1 : newline), eol: crlf ? '\r\n' : '\n' });
    start = newline + 1;
  }
  return lines;
}

export function joinRaw(lines: readonly SourceLine[]): string {
  let out = '';
  for (const line of lines) out += line.text + line.eol;
  return out;
}

export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** Content lines as Markdown: '\n'-joined, surrounding blank lines dropped, inner text verbatim. */
export function toMarkdown(texts: readonly string[]): string {
  let first = 0;
  let last = texts.length - 1;
  while (first <= last && isBlank(texts[first])) first++;
  while (last >= first && isBlank(texts[last])) last--;
  return texts.slice(first, last + 1).join('\n');
}
