// Deck file format (ARCHITECTURE.md "Deck files"): pure parse, serialize, decode and edit functions.
export { parseDeck, DEFAULT_FILE_NAME } from './parse';
export { serializeDeck } from './serialize';
export { isValidCardId, slugifyCardId, MAX_ID_LENGTH } from './cardId';
export type { DeckFileCard, HeadingAttribute, LineEnding, ParsedDeckFile } from './types';
