// Gives cards without `{#id}` a readable id, rewriting their heading lines only.
import { slugifyCardId } from './cardId';
import { splitLines } from './lines';
import { parseDeck } from './parse';
import { serializeDeck } from './serialize';
import type { DeckFileCard, ParsedDeckFile } from './types';

export interface AssignIdsResult {
  parsed: ParsedDeckFile;
  text: string;
  /** Each generated id with its card's 1-based heading line. */
  assigned: { line: number; id: string }[];
}

/** The heading line with `#id` added: into its attribute block when it has one, else as ` {#id}`. */
export function headingWithId(headingText: string, card: Pick<DeckFileCard, 'hasAttributeBlock'>, id: string): string {
  if (!card.hasAttributeBlock) return `${headingText.trimEnd()} {#${id}}`;
  const open = headingText.lastIndexOf('{');
  const rest = headingText.slice(open + 1);
  const separator = rest.trimStart().startsWith('}') ? '' : ' ';
  return `${headingText.slice(0, open + 1)}#${id}${separator}${rest.trimStart()}`;
}

function withHeadingLine(card: DeckFileCard, headingText: string): DeckFileCard {
  const [first, ...rest] = splitLines(card.raw);
  return { ...card, raw: headingText + first.eol + rest.map((line) => line.text + line.eol).join('') };
}

/**
 * Ids come from the heading's question (slugifyCardId), unique against `takenIds` (other decks' cards)
 * and this file. A file with errors is returned unchanged: it imports nothing until fixed, and a heading
 * with a bad `#id` must not get a second one.
 */
export function assignMissingIds(parsed: ParsedDeckFile, takenIds: ReadonlySet<string>): AssignIdsResult {
  if (parsed.errors.length > 0) return { parsed, text: serializeDeck(parsed), assigned: [] };
  const taken = new Set(takenIds);
  for (const card of parsed.cards) if (card.id !== null) taken.add(card.id);
  const assigned: AssignIdsResult['assigned'] = [];
  const cards = parsed.cards.map((card) => {
    if (card.id !== null) return card;
    const id = slugifyCardId(card.frontMd.split('\n')[0], taken);
    taken.add(id);
    assigned.push({ line: card.line, id });
    return withHeadingLine(card, headingWithId(splitLines(card.raw)[0].text, card, id));
  });
  if (assigned.length === 0) return { parsed, text: serializeDeck(parsed), assigned };
  const text = serializeDeck({ ...parsed, cards });
  return { parsed: parseDeck(text, parsed.file), text, assigned };
}
