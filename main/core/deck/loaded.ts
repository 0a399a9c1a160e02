// Narrowing a parsed deck file to a loaded one, so code past loading needs no `deck!` or `id!` assertions.
import type { CleanDeck, LoadedDeck, ParsedDeckFile } from './types';

/** The same object typed as clean when it is: no error, front matter read. */
export function asCleanDeck(parsed: ParsedDeckFile): CleanDeck | null {
  return parsed.errors.length === 0 && parsed.deck !== null ? (parsed as CleanDeck) : null;
}

/** The same object typed as loaded when it is: no error, front matter read, every card with an id. */
export function asLoadedDeck(parsed: ParsedDeckFile): LoadedDeck | null {
  return asCleanDeck(parsed) && parsed.cards.every((card) => card.id !== null) ? (parsed as LoadedDeck) : null;
}
