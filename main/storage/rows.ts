// Row shapes and their mapping to contract types. Only storage sees column names.
import type { CardQueue, CardView } from '../contract/api';
import type { ProofLang } from '../contract/deck';
import type { CardSchedule } from '../core/scheduler/types';

export interface CardRow {
  id: string;
  deck_id: string;
  position: number;
  front_md: string;
  back_md: string;
  proof_code: string | null;
  proof_lang: string | null;
  tags: string;
  content_hash: string;
  ef_milli: number;
  reps: number;
  interval_days: number;
  due_day: number | null;
  lapses: number;
  queue: CardQueue;
  drill_day: number | null;
  last_review_at: number | null;
  version: number;
}

/** A card's scheduling state alone (what answering reads). */
export type StateRow = Pick<CardRow, 'ef_milli' | 'reps' | 'interval_days' | 'due_day' | 'lapses' | 'queue' | 'drill_day' | 'last_review_at' | 'version'>;
export const STATE_COLUMNS = `ef_milli, reps, interval_days, due_day, lapses, queue, drill_day, last_review_at, version`;

export const CARD_COLUMNS = `c.id, c.deck_id, c.position, c.front_md, c.back_md, c.proof_code, c.proof_lang, c.tags,
  c.content_hash, s.ef_milli, s.reps, s.interval_days, s.due_day, s.lapses, s.queue, s.drill_day,
  s.last_review_at, s.version`;

export const splitTags = (tags: string): string[] => (tags ? tags.split(' ').filter(Boolean) : []);
export const joinTags = (tags: readonly string[]): string => tags.join(' ');

export function scheduleOf(row: StateRow): CardSchedule {
  return {
    efMilli: row.ef_milli,
    reps: row.reps,
    intervalDays: row.interval_days,
    dueDay: row.due_day,
    lapses: row.lapses,
    queue: row.queue,
    drillDay: row.drill_day,
  };
}

export function cardViewOf(row: CardRow): CardView {
  return {
    id: row.id,
    deckId: row.deck_id,
    position: row.position,
    frontMd: row.front_md,
    backMd: row.back_md,
    proofCode: row.proof_code,
    proofLang: (row.proof_lang as ProofLang | null) ?? null,
    tags: splitTags(row.tags),
    contentHash: row.content_hash,
    state: { ...scheduleOf(row), version: row.version },
  };
}
