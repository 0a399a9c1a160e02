// Shared by the notes tests: convert and insist the deck file parses cleanly with the real deck parser.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parseDeck } from '../../../main/core/deck';
import { convertNotes, type ConvertNotesInput, type NotesImportSummary, type PreviousDeckCard } from '../../../main/core/notes';

export const fixturePath = (name: string): string => fileURLToPath(new URL(`../../fixtures/notes/${name}`, import.meta.url));
export const readFixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');

export function convertOk(text: string, options: Partial<ConvertNotesInput> = {}) {
  const result = convertNotes({ text, fileName: 'notes.md', ...options });
  if (!result.ok) throw new Error(`expected a deck, got: ${result.error}`);
  const parsed = parseDeck(result.deckText, 'imported.md');
  expect(parsed.errors).toEqual([]);
  return { deckText: result.deckText, summary: result.summary as NotesImportSummary, parsed };
}

export function convertError(text: string, options: Partial<ConvertNotesInput> = {}) {
  const result = convertNotes({ text, fileName: 'notes.md', ...options });
  if (result.ok) throw new Error('expected an error, got a deck');
  return result;
}

/** A deck's cards as a re-import reads them from the deck file (what services/notesImport.ts passes on). */
export function previousCardsOf(deckText: string): PreviousDeckCard[] {
  return parseDeck(deckText).cards.map(({ id, frontMd, backMd, tags, proofCode, proofLang }) => ({ id: id!, frontMd, backMd, tags, proofCode, proofLang }));
}
