// The browse list's queries: one WHERE built from a parsed filter (services/browseService.ts), a count and a page.
// Text search scans card_search (migration 003), a narrow copy of question + answer, with LIKE: case-insensitive
// for ASCII, and a substring match in any script, so two-character Chinese queries work (see the bench).
import type { BrowseRow, BrowseSort } from '../contract/api';
import type { Db } from './database';
import type Database from 'better-sqlite3';
import { splitTags } from './rows';

export interface BrowseTerm {
  value: string;
  negate: boolean;
}

export interface BrowseFilter {
  text: BrowseTerm[];
  decks: BrowseTerm[];
  tags: BrowseTerm[];
  states: { value: 'new' | 'learning' | 'review' | 'suspended' | 'due'; negate: boolean }[];
  proofs: { value: 'pass' | 'fail' | 'none'; negate: boolean }[];
  dueWithin: number | null;
  overdue: boolean;
}

export interface BrowseOrder {
  sort: BrowseSort;
  descending: boolean;
  today: number;
}

const PROOF_STATUS = `CASE
  WHEN EXISTS (SELECT 1 FROM proof_runs p WHERE p.card_id = c.id AND p.content_hash = c.content_hash AND p.ok = 0) THEN 'fail'
  WHEN EXISTS (SELECT 1 FROM proof_runs p WHERE p.card_id = c.id AND p.content_hash = c.content_hash) THEN 'pass'
  ELSE 'none' END`;

const STATE_SQL: Record<BrowseFilter['states'][number]['value'], string> = {
  new: `(s.queue = 'new' AND s.drill_day IS NOT @today)`,
  learning: `(s.drill_day = @today AND s.queue <> 'suspended')`,
  review: `(s.queue = 'review' AND s.drill_day IS NOT @today)`,
  suspended: `(s.queue = 'suspended')`,
  due: `(s.queue = 'review' AND s.due_day <= @today)`,
};

const like = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereOf(filter: BrowseFilter, today: number): { sql: string; params: Record<string, unknown>; needsText: boolean } {
  const clauses = ['s.live = 1'];
  const params: Record<string, unknown> = { today };
  let n = 0;
  const param = (value: unknown) => {
    const name = `p${n++}`;
    params[name] = value;
    return `@${name}`;
  };
  const add = (negate: boolean, sql: string) => clauses.push(negate ? `NOT ${sql}` : sql);
  for (const t of filter.text) add(t.negate, `(t.text LIKE ${param(`%${like(t.value)}%`)} ESCAPE '\\')`);
  for (const t of filter.decks) add(t.negate, `(c.deck_id = ${param(t.value)} OR d.name LIKE ${param(`${like(t.value)}%`)} ESCAPE '\\')`);
  for (const t of filter.tags) add(t.negate, `((' ' || c.tags || ' ') LIKE ${param(`% ${like(t.value)} %`)} ESCAPE '\\')`);
  for (const t of filter.states) add(t.negate, STATE_SQL[t.value]);
  for (const t of filter.proofs) add(t.negate, `(${PROOF_STATUS}) = ${param(t.value)}`);
  if (filter.dueWithin !== null) clauses.push(`(s.queue = 'review' AND s.due_day <= @today + ${param(filter.dueWithin)})`);
  if (filter.overdue) clauses.push(`(s.queue = 'review' AND s.due_day < @today)`);
  return { sql: clauses.join(' AND '), params, needsText: filter.text.length > 0 };
}

function orderOf({ sort, descending }: BrowseOrder): string {
  const dir = descending ? 'DESC' : 'ASC';
  switch (sort) {
    case 'question': return `c.front_md COLLATE NOCASE ${dir}, c.id`;
    case 'due': return `s.due_day IS NULL, s.due_day ${dir}, c.id`;
    case 'created': return `c.created_at ${dir}, c.rowid ${dir}`;
    case 'updated': return `c.updated_at ${dir}, c.rowid ${dir}`;
    default: return `d.built_in DESC, d.source_path ${dir}, c.position ${dir}`;
  }
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();
function prepared(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    if (cache.size > 200) cache.clear();
    cache.set(sql, statement);
  }
  return statement;
}

function fromOf(needsText: boolean): string {
  return `FROM card_state s JOIN cards c ON c.id = s.card_id JOIN decks d ON d.id = c.deck_id${needsText ? ' JOIN card_search t ON t.card_rowid = c.rowid' : ''}`;
}

interface PageRow {
  id: string; deck_id: string; deck_name: string; question: string; tags: string; queue: string;
  due_day: number | null; drill_day: number | null; proof: BrowseRow['proof'];
}

export function browsePage(db: Db, filter: BrowseFilter, order: BrowseOrder, offset: number, limit: number): { total: number; rows: BrowseRow[] } {
  const where = whereOf(filter, order.today);
  const from = fromOf(where.needsText);
  const total = prepared(db, `SELECT COUNT(*) ${from} WHERE ${where.sql}`).pluck().get(where.params) as number;
  const rows = prepared(db, `SELECT c.id, c.deck_id, d.name AS deck_name, substr(c.front_md, 1, 300) AS question, c.tags, s.queue,
      s.due_day, s.drill_day, ${PROOF_STATUS} AS proof ${from} WHERE ${where.sql} ORDER BY ${orderOf(order)} LIMIT @limit OFFSET @offset`)
    .all({ ...where.params, limit, offset }) as PageRow[];
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      deckId: r.deck_id,
      deckName: r.deck_name,
      question: r.question,
      tags: splitTags(r.tags),
      state: r.drill_day === order.today && r.queue !== 'suspended' ? 'learning' : (r.queue as BrowseRow['state']),
      dueDay: r.due_day,
      proof: r.proof,
    })),
  };
}

export function browseIds(db: Db, filter: BrowseFilter, order: BrowseOrder): string[] {
  const where = whereOf(filter, order.today);
  return prepared(db, `SELECT c.id ${fromOf(where.needsText)} WHERE ${where.sql} ORDER BY ${orderOf(order)}`).pluck().all(where.params) as string[];
}
