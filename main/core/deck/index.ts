// Deck file format (ARCHITECTURE.md "Deck files"): pure parse, serialize, decode and edit functions.
export { parseDeck, DEFAULT_FILE_NAME } from './parse';
export { serializeDeck } from './serialize';
export { decodeDeckBytes } from './decode';
export { isValidCardId, slugifyCardId, MAX_ID_LENGTH } from './cardId';
export { assignMissingIds, type AssignIdsResult } from './assignIds';
export { formatCard, type CardFields, type FormattableCard } from './format';
export { appendCard, removeCard, updateCard, type CardEditResult } from './edit';
export { asCleanDeck, asLoadedDeck } from './loaded';
export type { CleanDeck, DeckFileCard, HeadingAttribute, LineEnding, LoadedCard, LoadedDeck, ParsedDeckFile } from './types';
export { contentOf, sameContent } from './content';
export { compareNatural, chineseNumeralValue } from './naturalOrder';
export { compareDeckPaths, deckTreePath, DECK_PATH_SEPARATOR } from './deckPath';
