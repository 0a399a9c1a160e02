// Reconciling deck files with the database by card id (ARCHITECTURE.md "Data and who owns it"):
// new cards are added, changed text is updated with scheduling untouched, vanished ids are marked removed
// (history kept) and come back if the id reappears. One transaction per sync.
import type { Db } from './database';
import { joinTags } from './rows';

export interface SyncedDeck {
  id: string;
  name: string;
  description: string | null;
  sourcePath: string;
  readOnly: boolean;
  builtIn: boolean;
  cards: SyncedCard[];
}

export interface SyncedCard {
  id: string;
  position: number;
  frontMd: string;
  backMd: string;
  proofCode: string | null;
  proofLang: string | null;
  tags: string[];
  contentHash: string;
}

export interface BrokenDeck {
  sourcePath: string;
  /** The deck id, when the file's front matter was readable or the path was known. */
  deckId: string | null;
  error: string;
}

export interface SyncChanges {
  added: string[];
  updated: string[];
  removed: string[];
  restored: string[];
  hiddenDecks: string[];
}

export function syncCollection(db: Db, input: { decks: SyncedDeck[]; broken: BrokenDeck[]; now: number }): SyncChanges {
  const changes: SyncChanges = { added: [], updated: [], removed: [], restored: [], hiddenDecks: [] };
  const upsertDeck = db.prepare(`
    INSERT INTO decks (id, name, description, source_path, read_only, built_in, available, file_error, synced_at)
    VALUES (@id, @name, @description, @sourcePath, @readOnly, @builtIn, 1, NULL, @now)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description,
      source_path = excluded.source_path, read_only = excluded.read_only, built_in = excluded.built_in,
      available = 1, file_error = NULL, synced_at = excluded.synced_at`);
  const existingCards = db.prepare(`SELECT id, deck_id, position, content_hash, removed_at FROM cards WHERE id IN (SELECT value FROM json_each(?))`);
  const deckCards = db.prepare(`SELECT id FROM cards WHERE deck_id = ? AND removed_at IS NULL`);
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
  const hideDeck = db.prepare(`UPDATE decks SET available = 0, file_error = ?, synced_at = ? WHERE id = ?`);
  const deckByPath = db.prepare(`SELECT id FROM decks WHERE source_path = ?`);
  // card_state mirrors each card's deck and liveness for the study queries (migration 002); rewrite only what changed.
  const refreshCardScope = db.prepare(`UPDATE card_state SET deck_id = scope.deck_id, live = scope.live
    FROM (SELECT c.id, c.deck_id, (c.removed_at IS NULL AND d.available = 1) AS live FROM cards c JOIN decks d ON d.id = c.deck_id) AS scope
    WHERE scope.id = card_state.card_id AND (card_state.live IS NOT scope.live OR card_state.deck_id IS NOT scope.deck_id)`);

  db.transaction(() => {
    const seenDecks = new Set<string>();
    for (const deck of input.decks) {
      seenDecks.add(deck.id);
      upsertDeck.run({ ...deck, readOnly: deck.readOnly ? 1 : 0, builtIn: deck.builtIn ? 1 : 0, now: input.now });
      const known = new Map<string, { deck_id: string; position: number; content_hash: string; removed_at: number | null }>();
      for (const row of existingCards.all(JSON.stringify(deck.cards.map((c) => c.id))) as {
        id: string; deck_id: string; position: number; content_hash: string; removed_at: number | null;
      }[]) known.set(row.id, row);
      const inFile = new Set<string>();
      for (const card of deck.cards) {
        inFile.add(card.id);
        const params = { ...card, deckId: deck.id, tags: joinTags(card.tags), now: input.now };
        const existing = known.get(card.id);
        if (!existing) {
          insertCard.run(params);
          insertState.run(card.id, deck.id);
          changes.added.push(card.id);
        } else if (existing.content_hash !== card.contentHash) {
          updateCard.run(params);
          (existing.removed_at === null ? changes.updated : changes.restored).push(card.id);
        } else if (existing.deck_id !== deck.id || existing.position !== card.position || existing.removed_at !== null) {
          movePosition.run(deck.id, card.position, card.id);
          if (existing.removed_at !== null) changes.restored.push(card.id);
        }
      }
      for (const { id } of deckCards.all(deck.id) as { id: string }[]) {
        if (!inFile.has(id)) {
          markRemoved.run(input.now, id);
          changes.removed.push(id);
        }
      }
    }
    for (const broken of input.broken) {
      const deckId = broken.deckId ?? (deckByPath.get(broken.sourcePath) as { id: string } | undefined)?.id ?? null;
      if (deckId && !seenDecks.has(deckId)) {
        hideDeck.run(broken.error, input.now, deckId);
        seenDecks.add(deckId);
        changes.hiddenDecks.push(deckId);
      }
    }
    // Decks whose file disappeared: hidden, their history kept.
    for (const { id } of db.prepare(`SELECT id FROM decks WHERE available = 1`).all() as { id: string }[]) {
      if (!seenDecks.has(id)) {
        hideDeck.run('deck file not found', input.now, id);
        changes.hiddenDecks.push(id);
      }
    }
    refreshCardScope.run();
  })();
  return changes;
}

export interface DeckRow {
  id: string;
  name: string;
  description: string | null;
  source_path: string;
  read_only: number;
  built_in: number;
  available: number;
  file_error: string | null;
}

/** Built-in decks first, then the user's, each in file-path order (name files `01-…` to order them). */
export const DECK_ORDER = 'built_in DESC, source_path';

export function listDecks(db: Db): DeckRow[] {
  return db.prepare(`SELECT id, name, description, source_path, read_only, built_in, available, file_error FROM decks ORDER BY ${DECK_ORDER}`).all() as DeckRow[];
}

export function cardCountsByDeck(db: Db): Map<string, number> {
  const rows = db.prepare(`SELECT deck_id, COUNT(*) AS n FROM cards WHERE removed_at IS NULL GROUP BY deck_id`).all() as { deck_id: string; n: number }[];
  return new Map(rows.map((r) => [r.deck_id, r.n]));
}
