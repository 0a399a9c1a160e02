// Editing decks from the app. Deck files stay the source of truth: every edit is planned on the parsed file, written
// atomically through one file transaction (fileTransaction.ts), then reconciled into the database for just the decks
// it touched. A file changed on disk since it was loaded is never overwritten; built-in decks are forked first.
import { createFileTransactions } from './fileTransaction';
import { cardEdits } from './cardEdits';
import { deckEdits } from './deckEdits';
import { deckImport } from './deckImport';
import { exportDeck, exportDeckToFolder } from './deckExport';
import { editUndo } from './editUndo';
import type { EditContext } from './context';

export type { EditContext } from './context';

export function createEditService(context: () => EditContext) {
  const tx = createFileTransactions(context);
  return {
    ...cardEdits(tx),
    ...deckEdits(tx),
    ...deckImport(tx),
    ...editUndo(tx),
    exportDeck: (deckId: string) => exportDeck(tx.entryFor(deckId)),
    exportDeckToFolder: (deckId: string, folder: string) => exportDeckToFolder(tx.entryFor(deckId), folder),
  };
}

export type EditService = ReturnType<typeof createEditService>;
