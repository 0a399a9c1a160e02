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

interface SourceRow {
  id: string; deck_id: string; deck_name: string; built_in: number; source_path: string; position: number; question: string;
  text: string; tags: string; queue: BrowseSource['queue']; due_day: number | null; drill_day: number | null;
  created_at: number; updated_at: number; proof_ok: number | null;
}

export function changeCounter(db: Db): number {
  return db.prepare(`SELECT total_changes()`).pluck().get() as number;
}

const SOURCE_COLUMNS = `
  c.id, c.deck_id, d.name AS deck_name, d.built_in, d.source_path, c.position, substr(c.front_md, 1, 300) AS question,
  c.front_md || char(10) || c.back_md AS text, c.tags, s.queue, s.due_day, s.drill_day, c.created_at, c.updated_at,
  (SELECT MIN(p.ok) FROM proof_runs p WHERE p.card_id = c.id AND p.content_hash = c.content_hash) AS proof_ok`;
const SOURCE_JOINS = `JOIN cards c ON c.id = s.card_id JOIN decks d ON d.id = c.deck_id`;

/** Every live card; with `cardIds`, just those of them that are live (a missing id left the list). */
export function readBrowseSource(db: Db, cardIds?: readonly string[]): BrowseSource[] {
  const rows = (cardIds === undefined
    ? db.prepare(`SELECT ${SOURCE_COLUMNS} FROM card_state s ${SOURCE_JOINS} WHERE s.live = 1`).all()
    // CROSS JOIN keeps the ids as the outer loop: left to itself SQLite walks every live card by the live index.
    : db.prepare(`SELECT ${SOURCE_COLUMNS} FROM json_each(?) AS j CROSS JOIN card_state s ON s.card_id = j.value ${SOURCE_JOINS} WHERE s.live = 1`)
      .all(JSON.stringify(cardIds))) as SourceRow[];
  return rows.map((r) => ({
    id: r.id,
    deckId: r.deck_id,
    deckName: r.deck_name,
    builtIn: r.built_in === 1,
    sourcePath: r.source_path,
    position: r.position,
    question: r.question,
    text: r.text,
    tags: splitTags(r.tags),
    queue: r.queue,
    dueDay: r.due_day,
    drillDay: r.drill_day,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    proof: r.proof_ok === null ? 'none' : r.proof_ok === 1 ? 'pass' : 'fail',
  }));
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
