// Card edits from the editor and Browse: save, duplicate, delete, tag, move, suspend, add an image. Each plans on the
// parsed file (core/deck changes only that card's lines and refuses text that would not parse back) and commits
// through the file transaction; a built-in deck is forked into the user's folder first.
import type { CardDraft, EditableCard, EditOutcome, SaveCardResult } from '../../contract/api';
import { AppError } from '../../contract/errors';
import { message } from '../../contract/messages';
import {
  appendCard, contentOf, removeCard, serializeDeck, slugifyCardId, updateCard,
  type CardEditResult, type LoadedCard, type LoadedDeck,
} from '../../core/deck';
import { cardView, setSuspended } from '../../storage/editStore';
import { cardHash } from '../collectionService';
import { savePastedImage } from '../pastedImages';
import type { FileChange, FileTransactions } from './fileTransaction';
import { saveErrors } from './saveErrors';

type CardEdit = (parsed: LoadedDeck, card: LoadedCard) => CardEditResult | null;

const indexOf = (parsed: LoadedDeck, card: LoadedCard) => parsed.cards.findIndex((c) => c.id === card.id);

export function cardEdits(tx: FileTransactions) {
  /** Applies `edit` to each card, deck by deck, forking built-in decks; one undo step. Returns the changed ids. */
  function editCards(label: string, cardIds: readonly string[], edit: CardEdit): string[] {
    const byDeck = new Map<string, string[]>();
    for (const id of new Set(cardIds)) {
      const deckId = tx.locate(id).entry.parsed.deck.id;
      byDeck.set(deckId, [...(byDeck.get(deckId) ?? []), id]);
    }
    const changes: FileChange[] = [];
    const changed: string[] = [];
    for (const [deckId, ids] of byDeck) {
      const entry = tx.entryFor(deckId);
      const current = tx.assertUnchanged(entry);
      let parsed = entry.parsed;
      for (const id of ids) {
        const card = parsed.cards.find((c) => c.id === id)!;
        const result = edit(parsed, card);
        if (result === null) continue;
        if (!result.ok) throw new AppError(message('edit.refusedAt', { file: entry.file.path, line: card.line, problem: result.error }));
        parsed = result.parsed as LoadedDeck;
        changed.push(id);
      }
      if (parsed === entry.parsed) continue;
      const target = tx.writable(entry, current);
      changes.push({ found: target.found, before: target.before, after: serializeDeck(parsed) });
    }
    if (changes.length > 0) tx.commit(label, changes);
    return changed;
  }

  function saveCard(arg: { deckId: string; cardId: string | null; draft: CardDraft; baseContentHash: string | null }): SaveCardResult {
    const { deckId, cardId, draft, baseContentHash } = arg;
    let entry = tx.entryFor(deckId);
    let index = -1;
    if (cardId !== null) {
      const found = tx.locate(cardId);
      const actual = found.entry.parsed.deck.id;
      if (actual !== deckId) throw new AppError(message('edit.cardInOtherDeck', { cardId, deckId: actual, requested: deckId }));
      if (baseContentHash !== null && found.location.contentHash !== baseContentHash) throw new AppError(message('edit.cardChanged', { cardId }));
      ({ entry, index } = found);
    }
    const current = tx.assertUnchanged(entry);
    const parsed = entry.parsed;
    const newId = cardId ?? slugifyCardId(draft.frontMd.split('\n')[0].replace(/[$`*_\\]/g, ' ').trim(), tx.takenIds());
    const result = cardId !== null ? updateCard(parsed, index, draft) : appendCard(parsed, { ...draft, id: newId });
    if (!result.ok) {
      const line = cardId !== null ? parsed.cards[index].line : serializeDeck(parsed).split('\n').length + 1;
      return { ok: false, errors: saveErrors(entry.file.path, line, draft, result.error) };
    }
    const saved = result.parsed as LoadedDeck;
    const target = tx.writable(entry, current);
    tx.commit(cardId === null ? 'add card' : 'edit card', [{ found: target.found, before: target.before, after: result.text, parsed: saved }]);
    const card = saved.cards.find((c) => c.id === newId)!;
    return { ok: true, cardId: newId, deckId, sourcePath: target.found.path, contentHash: cardHash(card), forkedFrom: target.forkedFrom };
  }

  function duplicateCard(cardId: string): EditOutcome {
    const { entry, index } = tx.locate(cardId);
    const original = entry.parsed.cards[index];
    const copyId = slugifyCardId(cardId, tx.takenIds());
    const current = tx.assertUnchanged(entry);
    const result = appendCard(entry.parsed, { ...contentOf(original), id: copyId, attributes: original.attributes });
    if (!result.ok) throw new AppError(result.error);
    const target = tx.writable(entry, current);
    tx.commit('duplicate card', [{ found: target.found, before: target.before, after: result.text }]);
    return tx.outcome(message('done.duplicated', { cardId: copyId }), [copyId], entry.parsed.deck.id);
  }

  function deleteCards(cardIds: readonly string[]): EditOutcome {
    const removed = editCards('delete cards', cardIds, (parsed, card) => removeCard(parsed, indexOf(parsed, card)));
    return tx.outcome(message('done.deletedCards', { count: removed.length }), removed, null);
  }

  function setTag(cardIds: readonly string[], tag: string, present: boolean): EditOutcome {
    if (!/^[^\s"\\]+$/.test(tag)) throw new AppError(message('edit.badTag', { tag }, 'tags'));
    const changed = editCards(present ? 'add tag' : 'remove tag', cardIds, (parsed, card) => {
      if (card.tags.includes(tag) === present) return null;
      const tags = present ? [...card.tags, tag] : card.tags.filter((t) => t !== tag);
      return updateCard(parsed, indexOf(parsed, card), { ...contentOf(card), tags });
    });
    return tx.outcome(message('done.tagged', { count: changed.length, added: present }), changed, null);
  }

  function moveCards(cardIds: readonly string[], toDeckId: string): EditOutcome {
    const target = tx.entryFor(toDeckId);
    const targetText = tx.assertUnchanged(target);
    const moving = [...new Set(cardIds)].filter((id) => tx.locate(id).entry.parsed.deck.id !== toDeckId);
    if (moving.length === 0) return tx.outcome(message('done.nothingToMove'), [], toDeckId);
    let targetParsed = target.parsed;
    const sources = new Map<string, LoadedDeck>();
    for (const id of moving) {
      const { entry } = tx.locate(id);
      const deckId = entry.parsed.deck.id;
      if (!sources.has(deckId)) {
        tx.assertUnchanged(entry);
        sources.set(deckId, entry.parsed);
      }
      const parsed = sources.get(deckId)!;
      const card = parsed.cards.find((c) => c.id === id)!;
      const added = appendCard(targetParsed, { ...contentOf(card), id, attributes: card.attributes });
      if (!added.ok) throw new AppError(message('edit.refusedAt', { file: target.file.path, line: card.line, problem: added.error }));
      targetParsed = added.parsed as LoadedDeck;
      const removed = removeCard(parsed, indexOf(parsed, card));
      if (!removed.ok) throw new AppError(removed.error);
      sources.set(deckId, removed.parsed as LoadedDeck);
    }
    const changes: FileChange[] = [];
    for (const [deckId, parsed] of sources) {
      const entry = tx.entryFor(deckId);
      const where = tx.writable(entry, serializeDeck(entry.parsed));
      changes.push({ found: where.found, before: where.before, after: serializeDeck(parsed) });
    }
    const into = tx.writable(target, targetText);
    changes.push({ found: into.found, before: into.before, after: serializeDeck(targetParsed) });
    tx.commit('move cards', changes);
    return tx.outcome(message('done.moved', { count: moving.length, deckName: target.parsed.deck.name }), moving, toDeckId);
  }

  function suspend(cardIds: readonly string[], suspended: boolean): EditOutcome {
    const snapshot = setSuspended(tx.context().db, cardIds, suspended);
    // Naming only cards that do not exist changes nothing: say so, and leave no empty step on the undo history.
    if (snapshot.length === 0) throw new AppError(message('edit.noCardsFound', { count: new Set(cardIds).size }));
    tx.history().pushQueues(suspended ? 'suspend' : 'unsuspend', snapshot);
    return tx.outcome(message('done.suspended', { count: snapshot.length, suspended }), snapshot.map((s) => s.cardId), null);
  }

  function getCard(cardId: string): EditableCard {
    const { entry, index } = tx.locate(cardId);
    const view = cardView(tx.context().db, cardId);
    if (!view) throw new AppError(message('edit.cardNotFound', { cardId }));
    // The database does not store a coding card's starter and solution: the deck file, their source, gives them.
    const card = { ...view, code: entry.parsed.cards[index].code ?? null };
    return { card, deckName: entry.parsed.deck.name, sourcePath: entry.file.path, builtIn: entry.file.folder.builtIn };
  }

  return {
    getCard,
    saveCard,
    duplicateCard,
    deleteCards,
    setTag,
    moveCards,
    setSuspended: suspend,
    addCardImage: (deckId: string, fileName: string, bytes: Uint8Array) => savePastedImage(tx.entryFor(deckId), fileName, bytes),
  };
}
