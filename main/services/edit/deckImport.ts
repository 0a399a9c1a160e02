// Importing deck files: one file (uploaded or chosen) or a whole folder with the images its decks reference. All or
// nothing: a file that does not load rolls every written file back; one undo step removes what the import added.
import { basename } from 'node:path';
import { DECK_FILE_MAX_BYTES, type DeckFileError } from '../../contract/deck';
import type { EditOutcome } from '../../contract/api';
import { AppError } from '../../contract/errors';
import { message, type FileProblem, type LineProblem } from '../../contract/messages';
import { asCleanDeck, parseDeck } from '../../core/deck';
import { copyNewFiles, removeCreated } from '../deckImages';
import { cardsOwnedElsewhere, folderImportMessage, planFolderImport } from '../folderImport';
import { readIfExists } from './fileText';
import { freePath, userFile, type FileChange, type FileTransactions } from './fileTransaction';

const atLine = (e: DeckFileError): LineProblem => ({ line: e.line, problem: { code: e.code, params: e.params } });
const atFile = (e: DeckFileError): FileProblem => ({ file: e.file, ...atLine(e) });
const idsOf = (cards: readonly { id: string | null }[]): string[] => cards.flatMap((card) => (card.id ? [card.id] : []));

export function deckImport(tx: FileTransactions) {
  /** The sync may have written generated card ids into the files: undo and rollback expect what is on disk now. */
  const asLanded = (changes: readonly FileChange[]): FileChange[] => changes.map((change) => ({ ...change, after: readIfExists(change.found.path) }));

  function importDeckFile(fileName: string, text: string): EditOutcome {
    const ctx = tx.context();
    const size = Buffer.byteLength(text, 'utf8');
    if (size > DECK_FILE_MAX_BYTES) throw new AppError(message('edit.deckFileTooLarge', { fileName, size, limit: DECK_FILE_MAX_BYTES }));
    const read = parseDeck(text, fileName);
    const parsed = asCleanDeck(read);
    if (!parsed) throw new AppError(message('edit.invalidDeckFile', { fileName, errors: read.errors.slice(0, 5).map(atLine) }));
    const [clash] = cardsOwnedElsewhere(ctx.db, parsed);
    if (clash) throw new AppError(message('edit.cardIdTaken', { fileName, cardId: clash.card.id ?? '', deckId: clash.deckId }));
    const existing = ctx.loaded.get(parsed.deck.id);
    const inPlace = existing && !existing.file.folder.builtIn ? existing : null;
    const safeName = basename(fileName).replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^\.+/, '') || `${parsed.deck.id}.md`;
    const found = inPlace?.file ?? userFile(ctx, freePath(ctx.userDeckDir, safeName));
    const before = inPlace ? tx.assertUnchanged(inPlace) : null;
    const change = { found, before, after: text };
    tx.writeChanges([change]);
    const problems = ctx.resync().fileErrors.filter((e) => e.file === found.path);
    if (problems.length > 0) {
      tx.writeChanges([{ found, before: text, after: before }]);
      ctx.resync();
      throw new AppError(message('edit.importRejected', { fileName, errors: problems.map(atLine) }));
    }
    tx.history().pushFiles('import deck', asLanded([change]));
    return tx.outcome(message('done.importedDeck', { updated: inPlace !== null, name: parsed.deck.name, path: found.path }), idsOf(parsed.cards), parsed.deck.id);
  }

  /** planFolderImport checks every file first; a write or sync failure rolls everything back. */
  function importDeckFolder(folder: string): EditOutcome {
    const ctx = tx.context();
    const plan = planFolderImport(folder, ctx);
    const changes: FileChange[] = [];
    for (const deck of plan.decks) {
      const before = deck.replaces ? tx.assertUnchanged(deck.replaces) : null;
      if (before !== deck.text) changes.push({ found: deck.target, before, after: deck.text });
    }
    const cardIds = plan.decks.flatMap((deck) => idsOf(deck.parsed.cards));
    const deckId = plan.decks.length === 1 ? plan.decks[0].parsed.deck.id : null;
    if (changes.length === 0 && plan.images.length === 0) return tx.outcome(message('done.folderUnchanged', { folder }), cardIds, deckId);
    const copied = copyNewFiles(plan.images, plan.newFolders);
    try {
      tx.writeChanges(changes);
    } catch (error) {
      removeCreated(copied, plan.newFolders);
      throw error;
    }
    const written = new Set(changes.map((change) => change.found.path));
    const problems = ctx.resync().fileErrors.filter((e) => written.has(e.file));
    const landed = asLanded(changes);
    if (problems.length > 0) {
      tx.writeChanges(landed.map((change) => ({ found: change.found, before: change.after, after: change.before })));
      removeCreated(copied, plan.newFolders);
      ctx.resync();
      throw new AppError(message('edit.folderImportRejected', { folder, errors: problems.map(atFile) }));
    }
    tx.history().pushFiles('import folder', landed, { files: copied, folders: plan.newFolders });
    return tx.outcome(folderImportMessage(folder, plan, written), cardIds, deckId);
  }

  return { importDeckFile, importDeckFolder };
}
