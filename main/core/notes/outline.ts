// Splits notes into sections, one per heading: the heading, the lines it owns (up to the next heading of any
// level, so a heading's "own content" stops at its first sub-heading) and the headings enclosing it.
import { message, type Message } from '../../contract/messages';
import { closesFence, closingLineFor, parseFenceOpening, type FenceOpening } from './fences';
import { parseAtxHeading, stripNumbering } from './headingText';

export interface NotesHeading {
  /** 1-based line in the notes. */
  line: number;
  level: number;
  /** Heading text as written (numbering kept). */
  text: string;
  /** Text without its numbering. */
  title: string;
}

export interface NotesSection {
  heading: NotesHeading;
  /** Headings enclosing this one, outermost first. */
  parents: NotesHeading[];
  /** Lines between this heading and the next one; a fence left open at the end of the file is closed. */
  body: string[];
  /** True when the next heading is nested under this one. */
  hasSubHeadings: boolean;
}

export interface NotesOutline {
  /** `title:` of a YAML front matter block Typora may have written at the top, if any. */
  frontMatterTitle: string | null;
  /** Lines before the first heading (front matter removed). */
  preamble: string[];
  sections: NotesSection[];
  warnings: Message[];
}

/** Typora can put YAML front matter at the very top; it is not notes content. */
function splitFrontMatter(lines: string[]): { title: string | null; rest: string[]; skipped: number } {
  if (lines[0]?.trim() !== '---') return { title: null, rest: lines, skipped: 0 };
  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end < 0) return { title: null, rest: lines, skipped: 0 };
  // A `---` rule at the top followed by another one later is not front matter unless the lines between read as YAML.
  const yamlLike = lines.slice(1, end).every((line) => line.trim() === '' || /^([\w-]+\s*:|\s+|- )/.test(line));
  if (!yamlLike || end === 1) return { title: null, rest: lines, skipped: 0 };
  const titleLine = lines.slice(1, end).find((line) => /^title\s*:/.test(line));
  const title = titleLine ? titleLine.replace(/^title\s*:\s*/, '').replace(/^["']|["']$/g, '').trim() : '';
  return { title: title || null, rest: lines.slice(end + 1), skipped: end + 1 };
}

/** `text` must already be normalised (LF endings, no BOM). */
export function outlineNotes(text: string): NotesOutline {
  const { title, rest: lines, skipped } = splitFrontMatter(text.split('\n'));
  const warnings: Message[] = [];
  const preamble: string[] = [];
  const sections: NotesSection[] = [];
  const enclosing: NotesHeading[] = [];
  let openFence: (FenceOpening & { line: number }) | null = null;

  const currentBody = (): string[] => (sections.length ? sections[sections.length - 1].body : preamble);

  lines.forEach((lineText, index) => {
    const line = index + 1 + skipped;
    if (openFence) {
      currentBody().push(lineText);
      if (closesFence(lineText, openFence)) openFence = null;
      return;
    }
    const fence = parseFenceOpening(lineText);
    if (fence) {
      openFence = { ...fence, line };
      currentBody().push(lineText);
      return;
    }
    const atx = parseAtxHeading(lineText);
    if (!atx) {
      currentBody().push(lineText);
      return;
    }
    const heading: NotesHeading = { line, level: atx.level, text: atx.text, title: stripNumbering(atx.text) };
    // Levels may skip (# then ###) or go back up unevenly: the parent is the nearest heading above with a
    // smaller level, whatever the gap.
    while (enclosing.length && enclosing[enclosing.length - 1].level >= heading.level) enclosing.pop();
    const previous = sections[sections.length - 1];
    if (previous && heading.level > previous.heading.level) previous.hasSubHeadings = true;
    sections.push({ heading, parents: [...enclosing], body: [], hasSubHeadings: false });
    enclosing.push(heading);
  });

  if (openFence) {
    const fence: FenceOpening & { line: number } = openFence;
    // CommonMark (and Typora) run an unclosed fence to the end of the file; keep that reading but close it,
    // so the deck file stays balanced, and tell the user why later headings did not become cards.
    const body = currentBody();
    while (body.length && body[body.length - 1].trim() === '') body.pop();
    body.push(closingLineFor(fence));
    warnings.push(message('notes.unclosedFence', { line: fence.line, fence: closingLineFor(fence) }));
  }
  return { frontMatterTitle: title, preamble, sections, warnings };
}
