// What the browse list needs of every live card, read in one pass (services/browseIndex.ts filters and sorts it
// in memory: per keystroke, scanning 100,000 rows joined on text keys costs SQLite 50–150 ms on a small machine,
// a filter over arrays a few ms). `changeCounter` tells the service when its copy is stale: every write of the
// app goes through this one connection, so SQLite's total_changes() moves whenever any card, state or proof
// result does. `trackBrowseChanges` says which cards moved, so the copy is patched instead of read again.
import type { Db } from './database';
import { splitTags } from './rows';

export interface BrowseSource {
  id: string;
  deckId: string;
  deckName: string;
  builtIn: boolean;
  sourcePath: string;
  position: number;
  /** The question's first 300 characters. */
  question: string;
  /** Question and answer text, searched as you type. */
  text: string;
  tags: string[];
  queue: 'new' | 'review' | 'suspended';
  dueDay: number | null;
  drillDay: number | null;
  createdAt: number;
  updatedAt: number;
  /** From the proof results stored for the card's current text: any failure, all passed, or none. */
  proof: 'pass' | 'fail' | 'none';
}

/** One row as an array (better-sqlite3's raw mode: no object per row), in SOURCE_COLUMNS order. */
type SourceRow = [
  id: string, deckId: string, position: number, question: string, text: string, tags: string,
  queue: BrowseSource['queue'], dueDay: number | null, drillDay: number | null, createdAt: number, updatedAt: number, proofOk: number | null,
];

export function changeCounter(db: Db): number {
  return db.prepare(`SELECT total_changes()`).pluck().get() as number;
}

const SOURCE_COLUMNS = `
  c.id, c.deck_id, c.position, substr(c.front_md, 1, 300), c.front_md || char(10) || c.back_md, c.tags,
  s.queue, s.due_day, s.drill_day, c.created_at, c.updated_at,
  (SELECT MIN(p.ok) FROM proof_runs p WHERE p.card_id = c.id AND p.content_hash = c.content_hash)`;

/**
 * Every live card; with `cardIds`, just those of them that are live (a missing id left the list). Rows come as
 * arrays and decks are read once and shared by their cards: at 100,000 cards that halves the read (0.8 → 0.4 s).
 */
export function readBrowseSource(db: Db, cardIds?: readonly string[]): BrowseSource[] {
  const decks = new Map(
    (db.prepare(`SELECT id, name, built_in, source_path FROM decks`).raw().all() as [string, string, number, string][])
      .map(([id, name, builtIn, sourcePath]) => [id, { deckName: name, builtIn: builtIn === 1, sourcePath }]),
  );
  const rows = (cardIds === undefined
    ? db.prepare(`SELECT ${SOURCE_COLUMNS} FROM card_state s JOIN cards c ON c.id = s.card_id WHERE s.live = 1`).raw().all()
    // CROSS JOIN keeps the ids as the outer loop: left to itself SQLite walks every live card by the live index.
    : db.prepare(`SELECT ${SOURCE_COLUMNS} FROM json_each(?) AS j CROSS JOIN card_state s ON s.card_id = j.value JOIN cards c ON c.id = s.card_id WHERE s.live = 1`)
      .raw().all(JSON.stringify(cardIds))) as SourceRow[];
  const out: BrowseSource[] = [];
  for (const [id, deckId, position, question, text, tags, queue, dueDay, drillDay, createdAt, updatedAt, proofOk] of rows) {
    const deck = decks.get(deckId);
    if (!deck) continue; // cards always name a deck row; a card without one cannot be shown with its deck
    out.push({
      id, deckId, deckName: deck.deckName, builtIn: deck.builtIn, sourcePath: deck.sourcePath, position, question, text, tags: splitTags(tags), queue, dueDay, drillDay, createdAt, updatedAt,
      proof: proofOk === null ? 'none' : proofOk === 1 ? 'pass' : 'fail',
    });
  }
  return out;
}

/** The id noted when a deck's name, file or availability changed: every row of it must be read again. */
const EVERY_CARD = '';

/**
 * Temporary triggers (this connection only; nothing is stored in the file, no migration) that note the id of every
 * card whose row, state or proof results change. Installed when browse is first opened, so the start-up sync does
 * not pay for them; an answer pays one insert into a small in-memory table.
 */
export function trackBrowseChanges(db: Db): void {
  // Not INSERT OR IGNORE: an outer statement's conflict policy (an upsert's) overrides a trigger step's.
  const note = (id: string) => `INSERT INTO temp.browse_changes SELECT ${id} WHERE NOT EXISTS (SELECT 1 FROM temp.browse_changes WHERE card_id = ${id})`;
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS browse_changes (card_id TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TEMP TRIGGER IF NOT EXISTS browse_card_insert AFTER INSERT ON main.cards BEGIN ${note('new.id')}; END;
    CREATE TEMP TRIGGER IF NOT EXISTS browse_card_update AFTER UPDATE ON main.cards BEGIN ${note('new.id')}; END;
    CREATE TEMP TRIGGER IF NOT EXISTS browse_card_delete AFTER DELETE ON main.cards BEGIN ${note('old.id')}; END;
    CREATE TEMP TRIGGER IF NOT EXISTS browse_state_insert AFTER INSERT ON main.card_state BEGIN ${note('new.card_id')}; END;
    CREATE TEMP TRIGGER IF NOT EXISTS browse_state_update AFTER UPDATE ON main.card_state BEGIN ${note('new.card_id')}; END;
    CREATE TEMP TRIGGER IF NOT EXISTS browse_proof_insert AFTER INSERT ON main.proof_runs BEGIN ${note('new.card_id')}; END;
    CREATE TEMP TRIGGER IF NOT EXISTS browse_proof_update AFTER UPDATE ON main.proof_runs BEGIN ${note('new.card_id')}; END;
    CREATE TEMP TRIGGER IF NOT EXISTS browse_proof_delete AFTER DELETE ON main.proof_runs BEGIN ${note('old.card_id')}; END;
    CREATE TEMP TRIGGER IF NOT EXISTS browse_deck_update AFTER UPDATE ON main.decks
      WHEN old.name IS NOT new.name OR old.source_path IS NOT new.source_path OR old.built_in IS NOT new.built_in OR old.available IS NOT new.available
      BEGIN ${note(`'${EVERY_CARD}'`)}; END;
    CREATE TEMP TRIGGER IF NOT EXISTS browse_deck_delete AFTER DELETE ON main.decks BEGIN ${note(`'${EVERY_CARD}'`)}; END;
  `);
}

/** The cards noted since the last call (and forgets them); `everything` when a deck-wide change was noted. */
export function takeBrowseChanges(db: Db): { everything: boolean; cardIds: string[] } {
  return db.transaction(() => {
    const ids = db.prepare(`SELECT card_id FROM temp.browse_changes`).pluck().all() as string[];
    if (ids.length > 0) db.prepare(`DELETE FROM temp.browse_changes`).run();
    return { everything: ids.includes(EVERY_CARD), cardIds: ids.filter((id) => id !== EVERY_CARD) };
  })();
}
