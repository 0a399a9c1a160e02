// Card headings: `## question {#id tags="a b" key=value}` — a Pandoc attribute block, last on the line.
import { message, type Message } from '../../contract/messages';
import { isValidCardId } from './cardId';
import type { HeadingAttribute } from './types';

export const HEADING = /^##(?:[ \t]|$)/;

export interface ParsedHeading {
  /** Heading text without the attribute block, trimmed. */
  question: string;
  id: string | null;
  hasIdToken: boolean;
  hasAttributeBlock: boolean;
  attributes: HeadingAttribute[];
  tags: string[];
  /** Problems to report on the heading's line. */
  problems: Message[];
}

const BLOCK_AT_END = /[ \t]*\{([^{}]*)\}[ \t]*$/;
// One token of the block: #id, .class, or key=value with "double", 'single' or bare value.
const TOKEN = /[ \t]*(?:#([^\s{}]+)|(\.[^\s{}=]+)|([^\s{}="'#.][^\s{}="']*)=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s{}"']+)))/y;

interface AttributeBlock {
  ids: string[];
  attributes: HeadingAttribute[];
}

function tokenizeBlock(inner: string): AttributeBlock | null {
  const block: AttributeBlock = { ids: [], attributes: [] };
  TOKEN.lastIndex = 0;
  let position = 0;
  while (inner.slice(position).trim() !== '') {
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(inner);
    if (!match) return null;
    position = TOKEN.lastIndex;
    const [whole, id, className, key, doubleQuoted, singleQuoted, bare] = match;
    if (id !== undefined) block.ids.push(id);
    else if (className !== undefined) block.attributes.push({ key: '', value: className, raw: className });
    else {
      const value = doubleQuoted !== undefined ? doubleQuoted.replace(/\\(.)/g, '$1') : (singleQuoted ?? bare);
      block.attributes.push({ key, value, raw: whole.trim() });
    }
  }
  return block;
}

export function parseHeadingText(afterMarker: string): ParsedHeading {
  const heading: ParsedHeading = {
    question: afterMarker.trim(),
    id: null,
    hasIdToken: false,
    hasAttributeBlock: false,
    attributes: [],
    tags: [],
    problems: [],
  };
  const blockMatch = BLOCK_AT_END.exec(afterMarker);
  if (!blockMatch) return heading;
  const block = tokenizeBlock(blockMatch[1]);
  if (!block) {
    // Braces that do not tokenize are question text (`$\{x\}$`), unless they clearly meant an id.
    if (blockMatch[1].trim().startsWith('#')) {
      heading.hasIdToken = true;
      heading.problems.push(message('deck.badAttributeBlock', { block: blockMatch[1] }));
    }
    return heading;
  }
  heading.hasAttributeBlock = true;
  heading.question = afterMarker.slice(0, blockMatch.index).trim();
  heading.attributes = block.attributes;
  heading.hasIdToken = block.ids.length > 0;
  if (block.ids.length > 1) {
    heading.problems.push(message('deck.twoIds', { ids: block.ids }));
  }
  const id = block.ids[0];
  if (id !== undefined) {
    if (isValidCardId(id)) heading.id = id;
    else heading.problems.push(message('deck.badCardId', { id }));
  }
  const tagsAttribute = block.attributes.find((attribute) => attribute.key === 'tags');
  heading.tags = tagsAttribute ? tagsAttribute.value.split(/\s+/).filter((tag) => tag !== '') : [];
  return heading;
}

function quoteValue(value: string): string {
  return /^[^\s{}"']+$/.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

/** Renders `{#id …}` (attributes in the given order); '' when there is nothing to write. */
export function formatAttributeBlock(id: string | null, attributes: readonly HeadingAttribute[]): string {
  const tokens: string[] = [];
  if (id !== null) tokens.push(`#${id}`);
  for (const attribute of attributes) {
    tokens.push(attribute.raw !== '' ? attribute.raw : `${attribute.key}=${quoteValue(attribute.value)}`);
  }
  return tokens.length === 0 ? '' : `{${tokens.join(' ')}}`;
}

/** True when `text` already ends with something that would parse as an attribute block. */
export function endsWithAttributeBlock(text: string): boolean {
  const blockMatch = BLOCK_AT_END.exec(text);
  return blockMatch !== null && tokenizeBlock(blockMatch[1]) !== null;
}

/** A coding card's heading carries `type="code"` (quoted or bare, as any attribute). */
export function isCodingHeading(attributes: readonly HeadingAttribute[]): boolean {
  return attributes.some((attribute) => attribute.key === 'type' && attribute.value === 'code');
}
