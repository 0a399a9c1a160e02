// Database side of in-app edits. An edit rewrites one or two deck files; reconciling just those decks (instead of
// every folder, as the start-up sync does) is what keeps a save within milliseconds on a 100,000-card collection.
// The per-deck rules are the sync's (collectionStore.ts): by card id, scheduling untouched, vanished ids marked
// removed with their history kept. One transaction per call.
import type { CardQueue, CardView } from '../contract/api';
import type { Db } from './database';
import type { SyncedDeck } from './collectionStore';
import { CARD_COLUMNS, cardViewOf, joinTags, type CardRow } from './rows';

export interface DeckApplyChanges {
  added: string[];
  updated: string[];
  removed: string[];
}

const statementCache = new WeakMap<Db, ReturnType<typeof prepareApply>>();

/** Prepared once per connection: preparing nine statements on every save cost more than running them. */
function applyStatements(db: Db) {
  let statements = statementCache.get(db);
  if (!statements) statementCache.set(db, (statements = prepareApply(db)));
  return statements;
}

function prepareApply(db: Db) {
  const upsertDeck = db.prepare(`
    INSERT INTO decks (id, name, description, source_path, read_only, built_in, available, file_error, synced_at)
    VALUES (@id, @name, @description, @sourcePath, @readOnly, @builtIn, 1, NULL, @now)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description,
      source_path = excluded.source_path, read_only = excluded.read_only, built_in = excluded.built_in,
      available = 1, file_error = NULL, synced_at = excluded.synced_at`);
  const existing = db.prepare(`SELECT id, deck_id, position, content_hash, removed_at FROM cards WHERE id IN (SELECT value FROM json_each(?))`);
  const liveInDeck = db.prepare(`SELECT id FROM cards WHERE deck_id = ? AND removed_at IS NULL`);
  const insertCard = db.prepare(`
    INSERT INTO cards (id, deck_id, position, front_md, back_md, proof_code, proof_lang, tags, content_hash, created_at, updated_at)
    VALUES (@id, @deckId, @position, @frontMd, @backMd, @proofCode, @proofLang, @tags, @contentHash, @now, @now)`);
  const insertState = db.prepare(`INSERT OR IGNORE INTO card_state (card_id, deck_id) VALUES (?, ?)`);
  const updateCard = db.prepare(`
    UPDATE cards SET deck_id = @deckId, position = @position, front_md = @frontMd, back_md = @backMd,
      proof_code = @proofCode, proof_lang = @proofLang, tags = @tags, content_hash = @contentHash,
      removed_at = NULL, updated_at = @now WHERE id = @id`);
  const movePosition = db.prepare(`UPDATE cards SET deck_id = ?, position = ?, removed_at = NULL WHERE id = ?`);
  const markRemoved = db.prepare(`UPDATE cards SET removed_at = ? WHERE id = ?`);
  // Only this deck's cards: the study queries read deck and liveness from card_state (migration 002).
  const refreshScope = db.prepare(`UPDATE card_state SET deck_id = c.deck_id, live = (c.removed_at IS NULL)
    FROM cards c WHERE c.id = card_state.card_id AND c.id IN (SELECT value FROM json_each(?))
      AND (card_state.deck_id IS NOT c.deck_id OR card_state.live IS NOT (c.removed_at IS NULL))`);
  return { upsertDeck, existing, liveInDeck, insertCard, insertState, updateCard, movePosition, markRemoved, refreshScope };
}

export function applyDeckFiles(db: Db, decks: readonly SyncedDeck[], now: number): DeckApplyChanges {
  const changes: DeckApplyChanges = { added: [], updated: [], removed: [] };
  const { upsertDeck, existing, liveInDeck, insertCard, insertState, updateCard, movePosition, markRemoved, refreshScope } = applyStatements(db);
  db.transaction(() => {
    for (const deck of decks) {
      upsertDeck.run({ ...deck, readOnly: deck.readOnly ? 1 : 0, builtIn: deck.builtIn ? 1 : 0, now });
      const ids = deck.cards.map((card) => card.id);
      const known = new Map(
        (existing.all(JSON.stringify(ids)) as { id: string; deck_id: string; position: number; content_hash: string; removed_at: number | null }[])
          .map((row) => [row.id, row]),
      );
      const touched = new Set<string>();
      for (const card of deck.cards) {
        const params = { ...card, deckId: deck.id, tags: joinTags(card.tags), now };
        const row = known.get(card.id);
        if (!row) {
          insertCard.run(params);
          insertState.run(card.id, deck.id);
          changes.added.push(card.id);
          touched.add(card.id);
        } else if (row.content_hash !== card.contentHash) {
          updateCard.run(params);
          changes.updated.push(card.id);
          touched.add(card.id);
        } else if (row.deck_id !== deck.id || row.position !== card.position || row.removed_at !== null) {
          movePosition.run(deck.id, card.position, card.id);
          touched.add(card.id);
        }
      }
      const inFile = new Set(ids);
      for (const { id } of liveInDeck.all(deck.id) as { id: string }[]) {
        if (inFile.has(id)) continue;
        markRemoved.run(now, id);
        changes.removed.push(id);
        touched.add(id);
      }
      if (touched.size > 0) refreshScope.run(JSON.stringify([...touched]));
    }
  })();
  return changes;
}

export interface CardLocation {
  id: string;
  deckId: string;
  contentHash: string;
  removed: boolean;
}

export function cardLocations(db: Db, cardIds: readonly string[]): Map<string, CardLocation> {
  const rows = db.prepare(`SELECT id, deck_id, content_hash, removed_at FROM cards WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(cardIds)) as { id: string; deck_id: string; content_hash: string; removed_at: number | null }[];
  return new Map(rows.map((r) => [r.id, { id: r.id, deckId: r.deck_id, contentHash: r.content_hash, removed: r.removed_at !== null }]));
}

/** Every card id ever seen (removed ones too: reusing one would resurrect its history in the wrong card). */
export function takenCardIds(db: Db): Set<string> {
  return new Set((db.prepare(`SELECT id FROM cards`).pluck().all() as string[]));
}

export function takenDeckIds(db: Db): Set<string> {
  return new Set((db.prepare(`SELECT id FROM decks`).pluck().all() as string[]));
}

export interface QueueSnapshot {
  cardId: string;
  queue: CardQueue;
}

/** Suspends or unsuspends; returns the previous queues (for undo). An unsuspended card goes back to new or review. */
export function setSuspended(db: Db, cardIds: readonly string[], suspended: boolean): QueueSnapshot[] {
  const ids = JSON.stringify(cardIds);
  return db.transaction(() => {
    const before = db.prepare(`SELECT card_id AS cardId, queue FROM card_state WHERE card_id IN (SELECT value FROM json_each(?))`).all(ids) as QueueSnapshot[];
    if (suspended) {
      db.prepare(`UPDATE card_state SET queue = 'suspended', version = version + 1
        WHERE queue <> 'suspended' AND card_id IN (SELECT value FROM json_each(?))`).run(ids);
    } else {
      db.prepare(`UPDATE card_state SET queue = CASE WHEN reps = 0 AND due_day IS NULL THEN 'new' ELSE 'review' END, version = version + 1
        WHERE queue = 'suspended' AND card_id IN (SELECT value FROM json_each(?))`).run(ids);
    }
    return before;
  })();
}

export function restoreQueues(db: Db, snapshot: readonly QueueSnapshot[]): void {
  const update = db.prepare(`UPDATE card_state SET queue = ?, version = version + 1 WHERE card_id = ? AND queue <> ?`);
  db.transaction(() => {
    for (const { cardId, queue } of snapshot) update.run(queue, cardId, queue);
  })();
}

export function cardView(db: Db, cardId: string): CardView | null {
  const row = db.prepare(`SELECT ${CARD_COLUMNS} FROM cards c JOIN card_state s ON s.card_id = c.id WHERE c.id = ?`).get(cardId) as CardRow | undefined;
  return row ? cardViewOf(row) : null;
}
