// serializeDeck: the exact inverse of parseDeck for the layout it recorded.
import type { ParsedDeckFile } from './types';

/**
 * Joins the recorded segments back: BOM, front matter, preamble, each card's raw text. Content changes go
 * through updateCard/appendCard/removeCard (edit.ts), which rewrite the affected card's raw text.
 */
export function serializeDeck(parsed: ParsedDeckFile): string {
  let text = parsed.bom ? '\uFEFF' : '';
  text += parsed.frontMatterRaw + parsed.preambleRaw;
  for (const card of parsed.cards) text += card.raw;
  return text;
}
