// Public surface of the notes importer's pure core.
export { convertNotes, fileStem } from './convert';
export { decodeNotesBytes, validateNotesText, MAX_NOTES_BYTES, type DecodedNotes } from './textInput';
export { isValidImportedCardId, deckIdFromName } from './ids';
export type * from './types';
export { isNotesFileName, isSkippedNotesFolder, joinDeckName, notesParentDeck } from './batch';
