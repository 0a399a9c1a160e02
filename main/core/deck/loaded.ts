// Narrowing a parsed deck file to a loaded one, so code past loading needs no `deck!` or `id!` assertions.
import type { LoadedDeck, ParsedDeckFile } from './types';

/** The same object typed as loaded when it is: no error, front matter read, every card with an id. */
export function asLoadedDeck(parsed: ParsedDeckFile): LoadedDeck | null {
  const complete = parsed.errors.length === 0 && parsed.deck !== null && parsed.cards.every((card) => card.id !== null);
  return complete ? (parsed as LoadedDeck) : null;
}
