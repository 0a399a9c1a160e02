// Editing decks from the app (issue #6). Deck files stay the source of truth: every edit is planned on the parsed
// file (core/deck's updateCard/appendCard/removeCard change only that card's lines and refuse text that would not
// parse back), written atomically, and then reconciled into the database for just the decks it touched.
// A file that changed on disk since it was loaded is never overwritten: the edit is refused and the file re-read.
// Built-in decks are read-only: editing one of their cards first forks the deck into the user's folder (same deck
// and card ids, so the sync hides the built-in copy and the scheduling carries over).
import { existsSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CardDraft, CardSaveError, EditableCard, EditOutcome, SaveCardResult } from '../contract/api';
import type { DeckFileError } from '../contract/deck';
import {
  appendCard, formatCard, isValidCardId, parseDeck, removeCard, serializeDeck, slugifyCardId, updateCard,
  type CardEditResult, type DeckFileCard, type ParsedDeckFile,
} from '../core/deck';
import type { Db } from '../storage/database';
import { applyDeckFiles, cardLocations, cardView, restoreQueues, setSuspended, takenCardIds, takenDeckIds, type CardLocation } from '../storage/editStore';
import { cardHash, toSyncedDeck, type LoadedDeckFile } from './collectionService';
import type { SyncedDeck } from '../storage/collectionStore';
import { writeFileAtomic } from '../files/atomicWrite';
import type { FoundFile } from './deckFiles';
import { EditError, errno, readIfExists } from './editErrors';
import { savePastedImage } from './pastedImages';
import { reverseStep, undoHistory, type UndoStep } from './undoLog';
import { copyNewFiles, removeCreated } from './deckImages';
import { cardsOwnedElsewhere, folderImportMessage, planFolderImport } from './folderImport';
import * as deckExport from './edit/deckExport';

export { EditError } from './editErrors';
export { imageReferences } from './deckImages';

export interface EditContext {
  db: Db;
  /** Parsed files by deck id as last loaded (the sync's map); edits keep it current. */
  loaded: Map<string, LoadedDeckFile>;
  userDeckDir: string;
  /** Where deleted deck files are copied first, so nothing is lost even after the app restarts. */
  trashDir: string;
  now: number;
  /** The full reconcile of every deck folder (after deletions, imports and undo). */
  resync(): { fileErrors: DeckFileError[] };
}

interface FileChange {
  found: FoundFile;
  /** Text expected on disk now; null when the file must not exist yet. */
  before: string | null;
  /** Text to write; null deletes the file. */
  after: string | null;
  /** `after` already parsed (the edit functions return it), so a save does not parse the file again. */
  parsed?: ParsedDeckFile;
}


/** `name`, or `name-2.md`, `name-3.md`… in `dir`: never overwrites a file. */
function freePath(dir: string, name: string): string {
  const stem = name.replace(/\.md$/i, '');
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? `${stem}.md` : `${stem}-${n}.md`);
    if (!existsSync(path)) return path;
  }
}

/** A YAML scalar for the deck name: plain when that reads back the same, else double-quoted (JSON is YAML). */
function yamlScalar(text: string): string {
  return /^[\p{L}\p{N}(][^:#\n"'{}[\],&*!|>%@`]*$/u.test(text) && text.trim() === text ? text : JSON.stringify(text);
}

function fieldsOf(card: DeckFileCard): CardDraft {
  return { frontMd: card.frontMd, backMd: card.backMd, proofCode: card.proofCode, proofLang: card.proofLang, tags: card.tags };
}

/** Where in the editor a parser complaint belongs, from its line in the card's canonical text. */
function fieldAt(cardText: string, line: number): CardSaveError['field'] {
  const lines = cardText.split('\n');
  const proofStart = lines.findIndex((text) => /^(`{3,}|~{3,})(js|ts) proof\s*$/.test(text));
  const separator = lines.findIndex((text) => text.trim() === '?');
  if (proofStart >= 0 && line > proofStart) return 'proof';
  if (line <= 1 || (separator >= 0 && line <= separator + 1)) return 'question';
  return 'answer';
}

function fieldFromMessage(message: string): CardSaveError['field'] {
  if (/tag/i.test(message)) return 'tags';
  if (/proof/i.test(message)) return 'proof';
  if (/question|heading/i.test(message)) return 'question';
  return 'answer';
}

/** The parser's own errors for the card alone (with their line), else the edit's message at the card's heading. */
function saveErrors(file: string, cardLine: number, draft: CardDraft, fallback: string): CardSaveError[] {
  const header = '---\nid: check\ndeck: check\nversion: 1\n---\n\n';
  const cardText = formatCard({ ...draft, id: null });
  const errors = parseDeck(header + cardText, file).errors.filter((e) => e.line > 6);
  if (errors.length > 0) {
    return errors.map((e) => ({ file, line: cardLine + e.line - 7, message: e.message, field: fieldAt(cardText, e.line - 6) }));
  }
  return [{ file, line: cardLine, message: fallback, field: fieldFromMessage(fallback) }];
}

export function createEditService(context: () => EditContext) {
  /** The edit history lives in the database, so undo survives a restart (services/undoLog.ts). */
  const history = () => undoHistory(context().db, context().now);

  function entryFor(deckId: string): LoadedDeckFile {
    const entry = context().loaded.get(deckId);
    if (!entry) throw new EditError('not-found', `Deck "${deckId}" is not loaded (its file is missing or has errors: fix it first, see the home screen).`);
    return entry;
  }

  /** Refuses (and re-reads everything) when the file is not what the app loaded: an editor or `git pull` changed it. */
  function assertUnchanged(entry: LoadedDeckFile): string {
    const expected = serializeDeck(entry.parsed);
    const onDisk = readIfExists(entry.file.path);
    if (onDisk === expected) return expected;
    context().resync();
    const what = onDisk === null ? 'was deleted' : 'changed on disk';
    throw new EditError('conflict', `${entry.file.path} ${what} since ProofDeck loaded it (edited outside the app?). ProofDeck has re-read it; your edit was not saved. Your text is still in the editor: check the card and save again.`);
  }

  /** The file an edit of this deck writes: the deck's own, or a fork of a built-in deck in the user's folder. */
  function writable(entry: LoadedDeckFile, current: string): { found: FoundFile; before: string | null; forkedFrom: string | null } {
    if (!entry.file.folder.builtIn) return { found: entry.file, before: current, forkedFrom: null };
    const { userDeckDir } = context();
    const found = { path: freePath(userDeckDir, basename(entry.file.path)), folder: { path: userDeckDir, builtIn: false } };
    return { found, before: null, forkedFrom: entry.file.path };
  }

  function writeChanges(changes: readonly FileChange[]): void {
    const done: FileChange[] = [];
    try {
      for (const change of changes) {
        if (readIfExists(change.found.path) !== change.before) {
          throw new EditError('conflict', `${change.found.path} changed on disk meanwhile; nothing was changed.`);
        }
        if (change.after === null) unlinkSync(change.found.path);
        else {
          mkdirSync(join(change.found.path, '..'), { recursive: true });
          writeFileAtomic(change.found.path, change.after);
        }
        done.push(change);
      }
    } catch (error) {
      for (const change of done.reverse()) {
        try {
          if (change.before === null) unlinkSync(change.found.path);
          else writeFileAtomic(change.found.path, change.before);
        } catch {
          // The start-up reconcile repairs the database side; the file keeps whichever version reached the disk.
        }
      }
      if (error instanceof EditError) throw error;
      throw new EditError('conflict', `Cannot write ${changes[done.length]?.found.path}: ${errno(error)}. The file or its folder is read-only or gone; nothing was changed.`);
    }
  }

  /** Writes the files, then updates the database for just those decks (a deletion needs the full reconcile). */
  function commit(label: string, changes: FileChange[], undoable = true): void {
    writeChanges(changes);
    const ctx = context();
    if (changes.some((change) => change.after === null)) ctx.resync();
    else {
      const previous = new Map<string, SyncedDeck>();
      const decks = changes.map((change) => {
        const parsed = change.parsed ?? parseDeck(change.after!, change.found.path);
        const deckId = parsed.deck!.id;
        const before = ctx.loaded.get(deckId)?.synced;
        if (before) previous.set(deckId, before);
        const synced = toSyncedDeck({ file: change.found, parsed }, before);
        ctx.loaded.set(deckId, { file: change.found, parsed, synced });
        return synced;
      });
      applyDeckFiles(ctx.db, decks, ctx.now, { previous });
    }
    if (undoable) {
      history().pushFiles(label, changes);
    }
  }

  const outcome = (message: string, cardIds: string[], deckId: string | null): EditOutcome => ({
    message, cardIds, deckId, undoLabel: history().label(),
  });

  function takenIds(): Set<string> {
    const taken = takenCardIds(context().db);
    for (const entry of context().loaded.values()) for (const card of entry.parsed.cards) if (card.id) taken.add(card.id);
    return taken;
  }

  function locate(cardId: string): { entry: LoadedDeckFile; index: number; location: CardLocation } {
    const location = cardLocations(context().db, [cardId]).get(cardId);
    if (!location || location.removed) throw new EditError('not-found', `No card with id ${cardId} (it was deleted or its file no longer has it).`);
    const entry = entryFor(location.deckId);
    const index = entry.parsed.cards.findIndex((card) => card.id === cardId);
    if (index < 0) throw new EditError('not-found', `Card ${cardId} is not in ${entry.file.path} any more.`);
    return { entry, index, location };
  }

  /** Applies `edit` to each card of each deck in turn (grouped by deck), forking built-in decks; one undo step. */
  function editCards(label: string, cardIds: readonly string[], edit: (parsed: ParsedDeckFile, card: DeckFileCard) => CardEditResult | null): string[] {
    const byDeck = new Map<string, string[]>();
    for (const id of new Set(cardIds)) {
      const { entry } = locate(id);
      const deckId = entry.parsed.deck!.id;
      byDeck.set(deckId, [...(byDeck.get(deckId) ?? []), id]);
    }
    const changes: FileChange[] = [];
    const changed: string[] = [];
    for (const [deckId, ids] of byDeck) {
      const entry = entryFor(deckId);
      const current = assertUnchanged(entry);
      let parsed = entry.parsed;
      for (const id of ids) {
        const card = parsed.cards.find((c) => c.id === id)!;
        const result = edit(parsed, card);
        if (result === null) continue;
        if (!result.ok) throw new EditError('bad-request', `${entry.file.path}:${card.line}: ${result.error}`);
        parsed = result.parsed;
        changed.push(id);
      }
      if (parsed === entry.parsed) continue;
      const target = writable(entry, current);
      changes.push({ found: target.found, before: target.before, after: serializeDeck(parsed) });
    }
    if (changes.length > 0) commit(label, changes);
    return changed;
  }

  const indexOf = (parsed: ParsedDeckFile, card: DeckFileCard) => parsed.cards.findIndex((c) => c.id === card.id);

  return {
    addCardImage(deckId: string, fileName: string, bytes: Uint8Array): { path: string; markdown: string } {
      return savePastedImage(entryFor(deckId), fileName, bytes);
    },

    getCard(cardId: string): EditableCard {
      const { entry } = locate(cardId);
      const card = cardView(context().db, cardId);
      if (!card) throw new EditError('not-found', `No card with id ${cardId}.`);
      return { card, deckName: entry.parsed.deck!.name, sourcePath: entry.file.path, builtIn: entry.file.folder.builtIn };
    },

    saveCard(arg: { deckId: string; cardId: string | null; draft: CardDraft; baseContentHash: string | null }): SaveCardResult {
      const { deckId, cardId, draft, baseContentHash } = arg;
      let entry = entryFor(deckId);
      let index = -1;
      if (cardId !== null) {
        const found = locate(cardId);
        if (found.entry.parsed.deck!.id !== deckId) throw new EditError('bad-request', `Card ${cardId} is in deck "${found.entry.parsed.deck!.id}", not "${deckId}": move it instead.`);
        if (baseContentHash !== null && found.location.contentHash !== baseContentHash) {
          throw new EditError('conflict', `Card ${cardId} changed since you opened it (in its file or another window); it was not saved. Your text is still in the editor: reopen the card to see the new version.`);
        }
        ({ entry, index } = found);
      }
      const current = assertUnchanged(entry);
      const parsed = entry.parsed;
      const file = entry.file.path;
      const newId = cardId ?? slugifyCardId(draft.frontMd.split('\n')[0].replace(/[$`*_\\]/g, ' ').trim(), takenIds());
      const result = cardId !== null ? updateCard(parsed, index, draft) : appendCard(parsed, { ...draft, id: newId });
      if (!result.ok) {
        const line = cardId !== null ? parsed.cards[index].line : serializeDeck(parsed).split('\n').length + 1;
        return { ok: false, errors: saveErrors(file, line, draft, result.error) };
      }
      const target = writable(entry, current);
      commit(cardId === null ? 'add card' : 'edit card', [{ found: target.found, before: target.before, after: result.text, parsed: result.parsed }]);
      const saved = result.parsed.cards.find((card) => card.id === newId)!;
      return { ok: true, cardId: newId, deckId, sourcePath: target.found.path, contentHash: cardHash(saved), forkedFrom: target.forkedFrom };
    },

    duplicateCard(cardId: string): EditOutcome {
      const { entry, index } = locate(cardId);
      const original = entry.parsed.cards[index];
      const copyId = slugifyCardId(cardId, takenIds());
      const current = assertUnchanged(entry);
      const result = appendCard(entry.parsed, { ...fieldsOf(original), id: copyId, attributes: original.attributes });
      if (!result.ok) throw new EditError('bad-request', result.error);
      const target = writable(entry, current);
      commit('duplicate card', [{ found: target.found, before: target.before, after: result.text }]);
      return outcome(`Duplicated as ${copyId}`, [copyId], entry.parsed.deck!.id);
    },

    deleteCards(cardIds: readonly string[]): EditOutcome {
      const removed = editCards('delete cards', cardIds, (parsed, card) => removeCard(parsed, indexOf(parsed, card)));
      return outcome(`Deleted ${removed.length} card${removed.length === 1 ? '' : 's'} (their history is kept; undo brings them back)`, removed, null);
    },

    setTag(cardIds: readonly string[], tag: string, present: boolean): EditOutcome {
      if (!/^[^\s"\\]+$/.test(tag)) throw new EditError('bad-request', `Bad tag "${tag}": tags cannot contain spaces, quotes or backslashes.`);
      const changed = editCards(present ? 'add tag' : 'remove tag', cardIds, (parsed, card) => {
        if (card.tags.includes(tag) === present) return null;
        const tags = present ? [...card.tags, tag] : card.tags.filter((t) => t !== tag);
        return updateCard(parsed, indexOf(parsed, card), { ...fieldsOf(card), tags });
      });
      return outcome(`${present ? 'Tagged' : 'Untagged'} ${changed.length} card${changed.length === 1 ? '' : 's'}`, changed, null);
    },

    moveCards(cardIds: readonly string[], toDeckId: string): EditOutcome {
      const target = entryFor(toDeckId);
      const targetText = assertUnchanged(target);
      const moving = [...new Set(cardIds)].filter((id) => locate(id).entry.parsed.deck!.id !== toDeckId);
      if (moving.length === 0) return outcome('Nothing to move', [], toDeckId);
      let targetParsed = target.parsed;
      const sources = new Map<string, ParsedDeckFile>();
      for (const id of moving) {
        const { entry } = locate(id);
        const deckId = entry.parsed.deck!.id;
        if (!sources.has(deckId)) {
          assertUnchanged(entry);
          sources.set(deckId, entry.parsed);
        }
        const parsed = sources.get(deckId)!;
        const card = parsed.cards.find((c) => c.id === id)!;
        const added = appendCard(targetParsed, { ...fieldsOf(card), id, attributes: card.attributes });
        if (!added.ok) throw new EditError('bad-request', `${card.id}: ${added.error}`);
        targetParsed = added.parsed;
        const removed = removeCard(parsed, indexOf(parsed, card));
        if (!removed.ok) throw new EditError('bad-request', removed.error);
        sources.set(deckId, removed.parsed);
      }
      const changes: FileChange[] = [];
      for (const [deckId, parsed] of sources) {
        const entry = entryFor(deckId);
        const where = writable(entry, serializeDeck(entry.parsed));
        changes.push({ found: where.found, before: where.before, after: serializeDeck(parsed) });
      }
      const into = writable(target, targetText);
      changes.push({ found: into.found, before: into.before, after: serializeDeck(targetParsed) });
      commit('move cards', changes);
      return outcome(`Moved ${moving.length} card${moving.length === 1 ? '' : 's'} to ${target.parsed.deck!.name}`, moving, toDeckId);
    },

    setSuspended(cardIds: readonly string[], suspended: boolean): EditOutcome {
      const snapshot = setSuspended(context().db, cardIds, suspended);
      history().pushQueues(suspended ? 'suspend' : 'unsuspend', snapshot);
      return outcome(`${suspended ? 'Suspended' : 'Unsuspended'} ${cardIds.length} card${cardIds.length === 1 ? '' : 's'}`, [...cardIds], null);
    },

    createDeck(name: string, requestedId?: string): EditOutcome {
      const ctx = context();
      const clean = name.trim();
      if (clean === '') throw new EditError('bad-request', 'A deck needs a name.');
      const taken = takenDeckIds(ctx.db);
      for (const id of ctx.loaded.keys()) taken.add(id);
      const id = requestedId ?? slugifyCardId(clean, taken);
      if (!isValidCardId(id)) throw new EditError('bad-request', `Bad deck id "${id}": ids use letters, digits, '-', '_' and '.', at most 64 characters.`);
      if (taken.has(id)) throw new EditError('bad-request', `A deck with id "${id}" already exists.`);
      const text = `---\nid: ${id}\ndeck: ${yamlScalar(clean)}\nversion: 1\n---\n`;
      const parsed = parseDeck(text, `${id}.md`);
      if (parsed.errors.length > 0 || parsed.deck?.name !== clean) throw new EditError('bad-request', `The name "${clean}" cannot be written as a deck name: ${parsed.errors[0]?.message ?? 'it reads back differently'}.`);
      const found = { path: freePath(ctx.userDeckDir, `${id}.md`), folder: { path: ctx.userDeckDir, builtIn: false } };
      commit('create deck', [{ found, before: null, after: text }]);
      return outcome(`Created deck ${clean} (${found.path})`, [], id);
    },

    renameDeck(deckId: string, name: string): EditOutcome {
      const entry = entryFor(deckId);
      const clean = name.trim();
      if (clean === '') throw new EditError('bad-request', 'A deck needs a name.');
      const current = assertUnchanged(entry);
      const fm = entry.parsed.frontMatterRaw;
      const lines = fm.split(/(?<=\n)/);
      const at = lines.findIndex((line) => /^deck\s*:/.test(line));
      if (at < 0) throw new EditError('bad-request', `${entry.file.path}: its front matter has no one-line "deck:" entry to rename; edit the file.`);
      lines[at] = `deck: ${yamlScalar(clean)}${lines[at].match(/\r?\n$/)?.[0] ?? ''}`;
      const text = serializeDeck({ ...entry.parsed, frontMatterRaw: lines.join('') });
      const parsed = parseDeck(text, entry.file.path);
      if (parsed.errors.length > 0 || parsed.deck?.name !== clean) throw new EditError('bad-request', `The name "${clean}" cannot be written: ${parsed.errors[0]?.message ?? 'it reads back differently'}.`);
      const target = writable(entry, current);
      commit('rename deck', [{ found: target.found, before: target.before, after: text }]);
      return outcome(`Renamed to ${clean}`, [], deckId);
    },

    deleteDeck(deckId: string): EditOutcome {
      const entry = entryFor(deckId);
      if (entry.file.folder.builtIn) throw new EditError('bad-request', 'Built-in decks ship with the app and cannot be deleted. Their cards stay out of your way unless you study them.');
      const current = assertUnchanged(entry);
      const ctx = context();
      try {
        mkdirSync(ctx.trashDir, { recursive: true });
        writeFileSync(join(ctx.trashDir, `${ctx.now}-${basename(entry.file.path)}`), current);
      } catch (error) {
        throw new EditError('conflict', `Cannot keep a copy of the deck in ${ctx.trashDir} (${errno(error)}), so it was not deleted.`);
      }
      commit('delete deck', [{ found: entry.file, before: current, after: null }]);
      return outcome(`Deleted deck ${entry.parsed.deck!.name} (a copy is in ${ctx.trashDir}; undo restores it)`, [], deckId);
    },

    nextUndo(): string | null {
      return history().label();
    },

    undo(): EditOutcome {
      let step: UndoStep | undefined;
      try {
        step = history().pop();
      } catch (error) {
        throw new EditError('conflict', `Cannot undo: ${(error as Error).message}; it was taken off the history.`);
      }
      if (!step) return outcome('Nothing to undo', [], null);
      if (step.kind === 'queues') {
        restoreQueues(context().db, step.queues);
        return outcome(`Undid ${step.label}`, step.queues.map((q) => q.cardId), null);
      }
      const reverse: FileChange[] = [];
      for (const file of [...step.files].reverse()) {
        const edit = reverseStep(file, readIfExists(file.path));
        if (!edit) throw new EditError('conflict', `Cannot undo ${step.label}: ${file.path} was changed after that edit (in another editor, or by a later edit); nothing was changed.`);
        reverse.push(edit);
      }
      try {
        writeChanges(reverse);
      } catch (error) {
        throw new EditError('conflict', `Cannot undo ${step.label}: ${(error as Error).message} (the file was changed after that edit).`);
      }
      if (step.created) removeCreated(step.created.files, step.created.folders);
      context().resync();
      return outcome(`Undid ${step.label}`, [], null);
    },


    exportDeck(deckId: string): { fileName: string; text: string } {
      return deckExport.exportDeck(entryFor(deckId));
    },

    exportDeckToFolder(deckId: string, folder: string): { path: string; images: string[]; missingImages: string[] } {
      return deckExport.exportDeckToFolder(entryFor(deckId), folder);
    },

    importDeckFile(fileName: string, text: string): EditOutcome {
      const ctx = context();
      const parsed = parseDeck(text, fileName);
      if (parsed.errors.length > 0 || !parsed.deck) {
        const list = parsed.errors.slice(0, 5).map((e) => `line ${e.line}: ${e.message}`).join('; ');
        throw new EditError('bad-request', `${fileName} is not a valid deck file, nothing was imported: ${list}`);
      }
      const [clash] = cardsOwnedElsewhere(ctx.db, parsed);
      if (clash) throw new EditError('bad-request', `${fileName} was not imported: card id "${clash.card.id}" is already used in deck "${clash.deckId}". Rename one of them.`);
      const existing = ctx.loaded.get(parsed.deck.id);
      const inPlace = existing && !existing.file.folder.builtIn ? existing : null;
      const safeName = basename(fileName).replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^\.+/, '') || `${parsed.deck.id}.md`;
      const found = inPlace?.file ?? { path: freePath(ctx.userDeckDir, safeName), folder: { path: ctx.userDeckDir, builtIn: false } };
      const before = inPlace ? assertUnchanged(inPlace) : null;
      const change = { found, before, after: text };
      writeChanges([change]);
      const report = ctx.resync();
      const problems = report.fileErrors.filter((e) => e.file === found.path);
      if (problems.length > 0) {
        writeChanges([{ found, before: text, after: before }]);
        ctx.resync();
        throw new EditError('bad-request', `${fileName} was not imported: ${problems.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`);
      }
      // The sync may have written generated card ids into the file: undo must expect what is on disk now.
      history().pushFiles('import deck', [{ ...change, after: readIfExists(found.path) }]);
      return outcome(`${inPlace ? 'Updated' : 'Imported'} deck ${parsed.deck.name} (${found.path})`, parsed.cards.flatMap((c) => (c.id ? [c.id] : [])), parsed.deck.id);
    },

    /** All or nothing: planFolderImport checks every file first; a write or sync failure rolls everything back. */
    importDeckFolder(folder: string): EditOutcome {
      const ctx = context();
      const plan = planFolderImport(folder, ctx);
      const changes: FileChange[] = [];
      for (const deck of plan.decks) {
        const before = deck.replaces ? assertUnchanged(deck.replaces) : null;
        if (before !== deck.text) changes.push({ found: deck.target, before, after: deck.text });
      }
      const cardIds = plan.decks.flatMap((deck) => deck.parsed.cards.flatMap((card) => (card.id ? [card.id] : [])));
      const deckId = plan.decks.length === 1 ? plan.decks[0].parsed.deck!.id : null;
      if (changes.length === 0 && plan.images.length === 0) return outcome(`Nothing to import: the decks of ${folder} are already here, unchanged.`, cardIds, deckId);
      const copied = copyNewFiles(plan.images, plan.newFolders);
      try {
        writeChanges(changes);
      } catch (error) {
        removeCreated(copied, plan.newFolders);
        throw error;
      }
      const written = new Set(changes.map((change) => change.found.path));
      const problems = ctx.resync().fileErrors.filter((e) => written.has(e.file));
      // The sync may have written generated card ids into the files: undo and rollback expect what is on disk now.
      const landed = changes.map((change) => ({ ...change, after: readIfExists(change.found.path) }));
      if (problems.length > 0) {
        writeChanges(landed.map((change) => ({ found: change.found, before: change.after, after: change.before })));
        removeCreated(copied, plan.newFolders);
        ctx.resync();
        throw new EditError('bad-request', `Nothing was imported from ${folder}:\n${problems.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n')}`);
      }
      history().pushFiles('import folder', landed, { files: copied, folders: plan.newFolders });
      return outcome(folderImportMessage(folder, plan, written), cardIds, deckId);
    },
  };
}

export type EditService = ReturnType<typeof createEditService>;
