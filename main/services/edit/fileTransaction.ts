// The one way an edit changes deck files: read what the app loaded, refuse when the file changed on disk since,
// write atomically (rolling back the files already written when a later one fails), update the database for just
// those decks, and record the undo step. Card edits, deck edits, imports and undo all go through it.
import { existsSync, mkdirSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { EditOutcome } from '../../contract/api';
import { AppError } from '../../contract/errors';
import { message, type Message } from '../../contract/messages';
import { asLoadedDeck, parseDeck, serializeDeck, type LoadedDeck } from '../../core/deck';
import type { SyncedDeck } from '../../storage/collectionStore';
import { applyDeckFiles, cardLocations, takenCardIds, type CardLocation } from '../../storage/editStore';
import { toSyncedDeck, type LoadedDeckFile } from '../collectionService';
import { writeFileAtomic } from '../../files/atomicWrite';
import type { FoundFile } from '../deckFiles';
import { undoHistory } from '../undoLog';
import type { EditContext } from './context';
import { errno, readIfExists } from './fileText';

export interface FileChange {
  found: FoundFile;
  /** Text expected on disk now; null when the file must not exist yet. */
  before: string | null;
  /** Text to write; null deletes the file. */
  after: string | null;
  /** `after` already parsed (the edit functions return it), so a save does not parse the file again. */
  parsed?: LoadedDeck;
}

/** Where an edit of a deck writes: its own file, or a fork of a built-in deck in the user's folder. */
export interface WriteTarget {
  found: FoundFile;
  before: string | null;
  forkedFrom: string | null;
}

/** `name`, or `name-2.md`, `name-3.md`… in `dir`: never overwrites a file. */
export function freePath(dir: string, name: string): string {
  const stem = name.replace(/\.md$/i, '');
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? `${stem}.md` : `${stem}-${n}.md`);
    if (!existsSync(path)) return path;
  }
}

export const userFile = (ctx: EditContext, path: string): FoundFile => ({ path, folder: { path: ctx.userDeckDir, builtIn: false } });

export function createFileTransactions(context: () => EditContext) {
  /** The edit history lives in the database, so undo survives a restart (services/undoLog.ts). */
  const history = () => undoHistory(context().db, context().now);

  function entryFor(deckId: string): LoadedDeckFile {
    const entry = context().loaded.get(deckId);
    if (!entry) throw new AppError(message('edit.deckNotLoaded', { deckId }));
    return entry;
  }

  /** Refuses (and re-reads everything) when the file is not what the app loaded: an editor or `git pull` changed it. */
  function assertUnchanged(entry: LoadedDeckFile): string {
    const expected = serializeDeck(entry.parsed);
    const onDisk = readIfExists(entry.file.path);
    if (onDisk === expected) return expected;
    context().resync();
    throw new AppError(message('edit.fileChanged', { file: entry.file.path, deleted: onDisk === null }));
  }

  function writable(entry: LoadedDeckFile, current: string): WriteTarget {
    if (!entry.file.folder.builtIn) return { found: entry.file, before: current, forkedFrom: null };
    const ctx = context();
    return { found: userFile(ctx, freePath(ctx.userDeckDir, basename(entry.file.path))), before: null, forkedFrom: entry.file.path };
  }

  function undoWrites(done: readonly FileChange[]): void {
    for (const change of [...done].reverse()) {
      try {
        if (change.before === null) unlinkSync(change.found.path);
        else writeFileAtomic(change.found.path, change.before);
      } catch {
        // The start-up reconcile repairs the database side; the file keeps whichever version reached the disk.
      }
    }
  }

  /** All files or none: each must still hold `before`; a failure puts back the ones already written. */
  function writeChanges(changes: readonly FileChange[]): void {
    const done: FileChange[] = [];
    try {
      for (const change of changes) {
        if (readIfExists(change.found.path) !== change.before) {
          throw new AppError(message('edit.fileChangedMeanwhile', { file: change.found.path }));
        }
        if (change.after === null) unlinkSync(change.found.path);
        else {
          mkdirSync(join(change.found.path, '..'), { recursive: true });
          writeFileAtomic(change.found.path, change.after);
        }
        done.push(change);
      }
    } catch (error) {
      undoWrites(done);
      if (error instanceof AppError) throw error;
      throw new AppError(message('edit.cannotWrite', { file: changes[done.length]?.found.path ?? '', reason: errno(error) }));
    }
  }

  /** The database side of written files: only those decks are sent, and only their changed cards. */
  function applyWritten(changes: readonly FileChange[]): void {
    const ctx = context();
    const previous = new Map<string, SyncedDeck>();
    const files = changes.map((change) => ({ found: change.found, parsed: change.parsed ?? asLoadedDeck(parseDeck(change.after ?? '', change.found.path)) }));
    // Every edit verified its text before writing, so an unloadable file is a bug: the full reconcile still repairs.
    if (files.some((file) => file.parsed === null)) {
      ctx.resync();
      return;
    }
    const decks = (files as { found: FoundFile; parsed: LoadedDeck }[]).map(({ found, parsed }) => {
      const before = ctx.loaded.get(parsed.deck.id)?.synced;
      if (before) previous.set(parsed.deck.id, before);
      const synced = toSyncedDeck({ file: found, parsed }, before);
      ctx.loaded.set(parsed.deck.id, { file: found, parsed, synced });
      return synced;
    });
    applyDeckFiles(ctx.db, decks, ctx.now, { previous });
  }

  /** Writes the files, then updates the database for just those decks (a deletion needs the full reconcile). */
  function commit(label: string, changes: FileChange[], undoable = true): void {
    writeChanges(changes);
    if (changes.some((change) => change.after === null)) context().resync();
    else applyWritten(changes);
    if (undoable) history().pushFiles(label, changes);
  }

  const outcome = (said: Message, cardIds: string[], deckId: string | null): EditOutcome => ({
    message: said, cardIds, deckId, undoLabel: history().label(),
  });

  /** Every card id in use: the database's (removed cards keep theirs) and the loaded files'. */
  function takenIds(): Set<string> {
    const taken = takenCardIds(context().db);
    for (const entry of context().loaded.values()) for (const card of entry.parsed.cards) taken.add(card.id);
    return taken;
  }

  function locate(cardId: string): { entry: LoadedDeckFile; index: number; location: CardLocation } {
    const location = cardLocations(context().db, [cardId]).get(cardId);
    if (!location || location.removed) throw new AppError(message('edit.cardNotFound', { cardId }));
    const entry = entryFor(location.deckId);
    const index = entry.parsed.cards.findIndex((card) => card.id === cardId);
    if (index < 0) throw new AppError(message('edit.cardNotInFile', { cardId, file: entry.file.path }));
    return { entry, index, location };
  }

  return { context, history, entryFor, assertUnchanged, writable, writeChanges, commit, outcome, takenIds, locate };
}

export type FileTransactions = ReturnType<typeof createFileTransactions>;
