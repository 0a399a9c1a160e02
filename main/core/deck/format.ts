// formatCard: a card in canonical form, the shape the editor writes.
import type { CardContent, CodeBlock, CodingParts } from '../../contract/deck';
import { scanFences } from './fences';
import { endsWithAttributeBlock, formatAttributeBlock, isCodingHeading } from './heading';
import { splitLines, toMarkdown } from './lines';
import type { HeadingAttribute, LineEnding } from './types';

/** `frontMd`'s first line is the heading's question; the rest (if any) is the question's body, above a `?` line. */
export type CardFields = CardContent;

export interface FormattableCard extends CardFields {
  id?: string | null;
  /** Heading attributes other than `#id`; a `tags` entry here is replaced by `tags`. */
  attributes?: HeadingAttribute[];
}

function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** How parseDeck will read these fields back: the comparison basis for edits. */
export function canonicalFields(fields: CardFields): CardFields {
  const [heading = '', ...body] = normalizeNewlines(fields.frontMd).replace(/^\s*\n/, '').split('\n');
  const questionBody = toMarkdown(body);
  return {
    frontMd: questionBody === '' ? heading.trim() : `${heading.trim()}\n\n${questionBody}`,
    backMd: toMarkdown(normalizeNewlines(fields.backMd).split('\n')),
    proofCode: fields.proofCode === null ? null : normalizeNewlines(fields.proofCode),
    proofLang: fields.proofCode === null ? null : (fields.proofLang ?? 'js'),
    code: fields.code ? canonicalCode(fields.code) : null,
    tags: fields.tags.filter((tag) => tag !== ''),
  };
}

function canonicalCode(code: CodingParts): CodingParts {
  const block = ({ code: text, lang }: CodeBlock): CodeBlock => ({ code: normalizeNewlines(text), lang: lang ?? 'js' });
  return { starter: block(code.starter), solution: block(code.solution) };
}

/**
 * A card with coding parts gets `type="code"` in its heading (appended when missing). One without keeps its
 * attributes: a coding card's draft that lost its blocks is then refused on read-back instead of saved as a plain card.
 */
export function attributesWithType(attributes: readonly HeadingAttribute[], coding: boolean): HeadingAttribute[] {
  if (!coding || isCodingHeading(attributes)) return [...attributes];
  return [...attributes, { key: 'type', value: 'code', raw: 'type="code"' }];
}

/** A `?` line outside code fences in the answer would be taken for the question separator. */
function hasSeparatorLine(markdown: string): boolean {
  const lines = splitLines(markdown);
  const { literal } = scanFences(lines, 0, lines.length);
  return lines.some((line, index) => !literal[index] && line.text.trim() === '?');
}

/** Longer than any backtick run that starts a line of the code, so the code cannot close the fence. */
function proofFence(code: string): string {
  let longest = 0;
  for (const match of code.matchAll(/^ {0,3}(`+)/gm)) longest = Math.max(longest, match[1].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** A fenced block after a blank line: ```` ```js proof ````, ```` ```ts starter ```` … */
function fencedBlock(code: string, info: string): string[] {
  const fence = proofFence(code);
  return ['', `${fence}${info}`, code, fence];
}

/** Heading attributes with `tags` set to `tags` (kept in place when present, appended otherwise). */
export function attributesWithTags(attributes: readonly HeadingAttribute[], tags: readonly string[]): HeadingAttribute[] {
  const value = tags.join(' ');
  const tagsAttribute: HeadingAttribute = { key: 'tags', value, raw: `tags="${value}"` };
  const kept = attributes.filter((attribute) => attribute.key !== 'tags' || tags.length > 0);
  const index = kept.findIndex((attribute) => attribute.key === 'tags');
  if (tags.length === 0) return kept;
  if (index >= 0) {
    const same = kept[index].value.split(/\s+/).filter(Boolean).join(' ') === value;
    return kept.map((attribute, at) => (at === index && !same ? tagsAttribute : attribute));
  }
  return [...kept, tagsAttribute];
}

export function formatHeadingLine(question: string, id: string | null, attributes: readonly HeadingAttribute[]): string {
  const block = formatAttributeBlock(id, attributes);
  if (block !== '') return `## ${question} ${block}`;
  // Question text that itself ends like an attribute block needs an empty block after it to stay text.
  return endsWithAttributeBlock(question) ? `## ${question} {}` : `## ${question}`;
}

/** Canonical card text, every line ended by `eol` (the last one included). */
export function formatCard(card: FormattableCard, eol: LineEnding = '\n'): string {
  const fields = canonicalFields(card);
  const [question, ...bodyLines] = fields.frontMd.split('\n');
  const questionBody = bodyLines.join('\n').replace(/^\n+/, '');
  const attributes = attributesWithTags(attributesWithType(card.attributes ?? [], fields.code !== null), fields.tags);
  const out: string[] = [formatHeadingLine(question, card.id ?? null, attributes)];
  if (questionBody !== '') out.push('', questionBody, '', '?');
  else if (hasSeparatorLine(fields.backMd)) out.push('?');
  if (fields.backMd !== '') out.push('', fields.backMd);
  // A coding card's blocks in reading order: what the user starts from, the reference, then the test.
  if (fields.code) {
    out.push(...fencedBlock(fields.code.starter.code, `${fields.code.starter.lang} starter`));
    out.push(...fencedBlock(fields.code.solution.code, `${fields.code.solution.lang} solution`));
  }
  if (fields.proofCode !== null) out.push(...fencedBlock(fields.proofCode, `${fields.proofLang} proof`));
  return out.join('\n').split('\n').join(eol) + eol;
}
