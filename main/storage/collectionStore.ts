// Reconciling deck files with the database by card id (ARCHITECTURE.md "Data and who owns it"):
// new cards are added, changed text is updated with scheduling untouched, vanished ids are marked removed
// (history kept) and come back if the id reappears. One transaction per sync.
import type { DeckSummary } from '../contract/api';
import type { CardContent } from '../contract/deck';
import type { Db } from './database';
import { joinTags } from './rows';

export interface SyncedDeck {
  id: string;
  name: string;
  description: string | null;
  /** Front matter `lang`; absent is null (tests and older callers may leave it out). */
  lang?: string | null;
  sourcePath: string;
  readOnly: boolean;
  builtIn: boolean;
  cards: SyncedCard[];
}

export interface SyncedCard extends CardContent {
  id: string;
  position: number;
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
  const hideDeck = db.prepare(`UPDATE decks SET available = 0, file_error = ?, synced_at = ? WHERE id = ?`);
  const deckByPath = db.prepare(`SELECT id FROM decks WHERE source_path = ?`);
  // card_state mirrors each card's deck and liveness for the study queries (migration 002); rewrite only what changed.
  const refreshCardScope = db.prepare(`UPDATE card_state SET deck_id = scope.deck_id, live = scope.live
    FROM (SELECT c.id, c.deck_id, (c.removed_at IS NULL AND d.available = 1) AS live FROM cards c JOIN decks d ON d.id = c.deck_id) AS scope
    WHERE scope.id = card_state.card_id AND (card_state.live IS NOT scope.live OR card_state.deck_id IS NOT scope.deck_id)`);

  db.transaction(() => {
    const seenDecks = new Set<string>();
    for (const deck of input.decks) seenDecks.add(deck.id);
    const applied = applyDeckFiles(db, input.decks, input.now, { refreshScope: false });
    changes.added.push(...applied.added);
    changes.updated.push(...applied.updated);
    changes.removed.push(...applied.removed);
    changes.restored.push(...applied.restored);
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
  lang: string | null;
  source_path: string;
  read_only: number;
  built_in: number;
  available: number;
  file_error: string | null;
}

/** Built-in decks first, then the user's, each in file-path order (name files `01-…` to order them). */
export const DECK_ORDER = 'built_in DESC, source_path';

export function listDecks(db: Db): DeckRow[] {
  return db.prepare(`SELECT id, name, description, lang, source_path, read_only, built_in, available, file_error FROM decks ORDER BY ${DECK_ORDER}`).all() as DeckRow[];
}

/** The available decks as the home screen lists them, each with its live card count, in one query. */
export function deckSummaries(db: Db): Omit<DeckSummary, 'due' | 'path'>[] {
  const rows = db.prepare(`SELECT d.id, d.name, d.description, d.lang, d.source_path, d.read_only, d.built_in,
      (SELECT COUNT(*) FROM cards c WHERE c.deck_id = d.id AND c.removed_at IS NULL) AS card_count
    FROM decks d WHERE d.available = 1 ORDER BY ${DECK_ORDER}`).all() as (Omit<DeckRow, 'available' | 'file_error'> & { card_count: number })[];
  return rows.map((row) => ({
    id: row.id, name: row.name, description: row.description, lang: row.lang, sourcePath: row.source_path,
    readOnly: row.read_only === 1, builtIn: row.built_in === 1, cardCount: row.card_count,
  }));
}

export interface DeckApplyChanges {
  added: string[];
  updated: string[];
  removed: string[];
  /** Cards whose id had vanished from their file and came back. */
  restored: string[];
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
    INSERT INTO decks (id, name, description, lang, source_path, read_only, built_in, available, file_error, synced_at)
    VALUES (@id, @name, @description, @lang, @sourcePath, @readOnly, @builtIn, 1, NULL, @now)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, lang = excluded.lang,
      source_path = excluded.source_path, read_only = excluded.read_only, built_in = excluded.built_in,
      available = 1, file_error = NULL, synced_at = excluded.synced_at`);
  const existing = db.prepare(`SELECT id, deck_id, position, content_hash, removed_at FROM cards WHERE id IN (SELECT value FROM json_each(?))`);
  const liveInDeck = db.prepare(`SELECT id FROM cards WHERE deck_id = ? AND removed_at IS NULL`);
  const liveAmong = db.prepare(`SELECT id FROM cards WHERE deck_id = ? AND removed_at IS NULL AND id IN (SELECT value FROM json_each(?))`);
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
  return { upsertDeck, existing, liveInDeck, liveAmong, insertCard, insertState, updateCard, movePosition, markRemoved, refreshScope };
}

/**
 * The per-deck rules shared by the start-up sync and in-app edits: by card id, scheduling untouched, vanished ids
 * marked removed with their history kept. `refreshScope: false` leaves card_state's mirror to the caller (the
 * full sync refreshes it once for every deck at the end). `previous` holds decks as this database last received
 * them: only what changed since is compared and written.
 */
export function applyDeckFiles(
  db: Db,
  decks: readonly SyncedDeck[],
  now: number,
  { refreshScope: refresh = true, previous }: { refreshScope?: boolean; previous?: ReadonlyMap<string, SyncedDeck> } = {},
): DeckApplyChanges {
  const changes: DeckApplyChanges = { added: [], updated: [], removed: [], restored: [] };
  const { upsertDeck, existing, liveInDeck, liveAmong, insertCard, insertState, updateCard, movePosition, markRemoved, refreshScope } = applyStatements(db);
  db.transaction(() => {
    for (const deck of decks) {
      upsertDeck.run({ ...deck, lang: deck.lang ?? null, readOnly: deck.readOnly ? 1 : 0, builtIn: deck.builtIn ? 1 : 0, now });
      const before = previous?.get(deck.id);
      const candidates = before ? changedSince(before, deck) : deck.cards;
      const known = new Map(
        (existing.all(JSON.stringify(candidates.map((card) => card.id))) as { id: string; deck_id: string; position: number; content_hash: string; removed_at: number | null }[])
          .map((row) => [row.id, row]),
      );
      const touched = new Set<string>();
      for (const card of candidates) {
        const params = { ...card, deckId: deck.id, tags: joinTags(card.tags), now };
        const row = known.get(card.id);
        if (!row) {
          insertCard.run(params);
          insertState.run(card.id, deck.id);
          changes.added.push(card.id);
          touched.add(card.id);
        } else if (row.content_hash !== card.contentHash) {
          updateCard.run(params);
          (row.removed_at === null ? changes.updated : changes.restored).push(card.id);
          touched.add(card.id);
        } else if (row.deck_id !== deck.id || row.position !== card.position || row.removed_at !== null) {
          movePosition.run(deck.id, card.position, card.id);
          if (row.removed_at !== null) changes.restored.push(card.id);
          touched.add(card.id);
        }
      }
      const inFile = new Set(deck.cards.map((card) => card.id));
      const live = before
        ? (liveAmong.all(deck.id, JSON.stringify(before.cards.flatMap((card) => (inFile.has(card.id) ? [] : [card.id])))) as { id: string }[])
        : (liveInDeck.all(deck.id) as { id: string }[]);
      for (const { id } of live) {
        if (inFile.has(id)) continue;
        markRemoved.run(now, id);
        changes.removed.push(id);
        touched.add(id);
      }
      if (refresh && touched.size > 0) refreshScope.run(JSON.stringify([...touched]));
    }
  })();
  return changes;
}

/**
 * The cards of `deck` that differ from `before` (new, changed or moved). An edit knows the deck as the database
 * last received it, so a one-card save sends one card to SQLite instead of the whole file's.
 */
function changedSince(before: SyncedDeck, deck: SyncedDeck): SyncedCard[] {
  const old = new Map(before.cards.map((card) => [card.id, card]));
  return deck.cards.filter((card) => {
    const was = old.get(card.id);
    return was === undefined || was.contentHash !== card.contentHash || was.position !== card.position;
  });
}
