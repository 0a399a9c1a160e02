// What the browse list needs of every live card, read in one pass (services/browseService.ts filters and sorts it
// in memory: per keystroke, scanning 100,000 rows joined on text keys costs SQLite 50–150 ms on a small machine,
// a filter over arrays a few ms). `changeCounter` tells the service when its copy is stale: every write of the
// app goes through this one connection, so SQLite's total_changes() moves whenever any card, state or proof
// result does.
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

export function readBrowseSource(db: Db): BrowseSource[] {
  const rows = db.prepare(`
    SELECT c.id, c.deck_id, d.name AS deck_name, d.built_in, d.source_path, c.position, substr(c.front_md, 1, 300) AS question,
      c.front_md || char(10) || c.back_md AS text, c.tags, s.queue, s.due_day, s.drill_day, c.created_at, c.updated_at,
      (SELECT MIN(p.ok) FROM proof_runs p WHERE p.card_id = c.id AND p.content_hash = c.content_hash) AS proof_ok
    FROM card_state s JOIN cards c ON c.id = s.card_id JOIN decks d ON d.id = c.deck_id
    WHERE s.live = 1`).all() as SourceRow[];
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
