// Deck edits: create, rename and delete a deck file. Deleting keeps a copy in the trash folder first and, like every
// edit, is one undo step.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { EditOutcome } from '../../contract/api';
import { AppError } from '../../contract/errors';
import { message } from '../../contract/messages';
import { isValidCardId, parseDeck, serializeDeck, slugifyCardId } from '../../core/deck';
import { takenDeckIds } from '../../storage/editStore';
import { errno } from './fileText';
import { freePath, userFile, type FileTransactions } from './fileTransaction';

/** A YAML scalar for the deck name: plain when that reads back the same, else double-quoted (JSON is YAML). */
function yamlScalar(text: string): string {
  return /^[\p{L}\p{N}(][^:#\n"'{}[\],&*!|>%@`]*$/u.test(text) && text.trim() === text ? text : JSON.stringify(text);
}

function cleanName(name: string): string {
  const clean = name.trim();
  if (clean === '') throw new AppError(message('edit.deckNeedsName'));
  return clean;
}

/** Refuses a deck text whose name does not read back as `name` (YAML could give it another meaning). */
function checkNameReadsBack(text: string, file: string, name: string): void {
  const parsed = parseDeck(text, file);
  if (parsed.errors.length === 0 && parsed.deck?.name === name) return;
  const [first] = parsed.errors;
  throw new AppError(message('edit.badDeckName', { name, problem: first ? { code: first.code, params: first.params } : null }));
}

export function deckEdits(tx: FileTransactions) {
  function createDeck(name: string, requestedId?: string): EditOutcome {
    const ctx = tx.context();
    const clean = cleanName(name);
    const taken = takenDeckIds(ctx.db);
    for (const id of ctx.loaded.keys()) taken.add(id);
    const id = requestedId ?? slugifyCardId(clean, taken);
    if (!isValidCardId(id)) throw new AppError(message('edit.badDeckId', { id }));
    if (taken.has(id)) throw new AppError(message('edit.deckExists', { id }));
    const text = `---\nid: ${id}\ndeck: ${yamlScalar(clean)}\nversion: 1\n---\n`;
    checkNameReadsBack(text, `${id}.md`, clean);
    const found = userFile(ctx, freePath(ctx.userDeckDir, `${id}.md`));
    tx.commit('create deck', [{ found, before: null, after: text }]);
    return tx.outcome(message('done.createdDeck', { name: clean, path: found.path }), [], id);
  }

  function renameDeck(deckId: string, name: string): EditOutcome {
    const entry = tx.entryFor(deckId);
    const clean = cleanName(name);
    const current = tx.assertUnchanged(entry);
    const lines = entry.parsed.frontMatterRaw.split(/(?<=\n)/);
    const at = lines.findIndex((line) => /^deck\s*:/.test(line));
    if (at < 0) throw new AppError(message('edit.noDeckLine', { file: entry.file.path }));
    lines[at] = `deck: ${yamlScalar(clean)}${lines[at].match(/\r?\n$/)?.[0] ?? ''}`;
    const text = serializeDeck({ ...entry.parsed, frontMatterRaw: lines.join('') });
    checkNameReadsBack(text, entry.file.path, clean);
    const target = tx.writable(entry, current);
    tx.commit('rename deck', [{ found: target.found, before: target.before, after: text }]);
    return tx.outcome(message('done.renamedDeck', { name: clean }), [], deckId);
  }

  function deleteDeck(deckId: string): EditOutcome {
    const entry = tx.entryFor(deckId);
    if (entry.file.folder.builtIn) throw new AppError(message('edit.builtInNotDeletable'));
    const current = tx.assertUnchanged(entry);
    const { trashDir, now } = tx.context();
    try {
      mkdirSync(trashDir, { recursive: true });
      writeFileSync(join(trashDir, `${now}-${basename(entry.file.path)}`), current);
    } catch (error) {
      throw new AppError(message('edit.cannotKeepCopy', { folder: trashDir, reason: errno(error) }));
    }
    tx.commit('delete deck', [{ found: entry.file, before: current, after: null }]);
    return tx.outcome(message('done.deletedDeck', { name: entry.parsed.deck.name, trash: trashDir }), [], deckId);
  }

  return { createDeck, renameDeck, deleteDeck };
}
