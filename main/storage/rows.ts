// Row shapes and their mapping to contract types. Only storage sees column names.
import type { CardQueue, CardView } from '../contract/api';
import type { ProofLang } from '../contract/deck';
import type { CardSchedule } from '../core/scheduler/types';
import type { FsrsPhase, SchedulerState } from '../core/scheduler/state';
import type { SchedulerName } from '../contract/scheduling';

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
  scheduler: SchedulerName;
  fsrs_stability: number | null;
  fsrs_difficulty: number | null;
  fsrs_phase: FsrsPhase | null;
  fsrs_step: number | null;
  due_at: number | null;
  last_review_day: number | null;
}

/** A card's scheduling state alone (what answering reads). */
export type StateRow = Pick<CardRow, 'deck_id' | 'ef_milli' | 'reps' | 'interval_days' | 'due_day' | 'lapses' | 'queue' | 'drill_day'
  | 'last_review_at' | 'version' | 'scheduler' | 'fsrs_stability' | 'fsrs_difficulty' | 'fsrs_phase' | 'fsrs_step' | 'due_at'
  | 'last_review_day'>;
export const STATE_COLUMNS = `deck_id, ef_milli, reps, interval_days, due_day, lapses, queue, drill_day, last_review_at, version,
  scheduler, fsrs_stability, fsrs_difficulty, fsrs_phase, fsrs_step, due_at, last_review_day`;

export const CARD_COLUMNS = `c.id, c.deck_id, c.position, c.front_md, c.back_md, c.proof_code, c.proof_lang, c.tags,
  c.content_hash, s.ef_milli, s.reps, s.interval_days, s.due_day, s.lapses, s.queue, s.drill_day,
  s.last_review_at, s.version, s.scheduler, s.fsrs_stability, s.fsrs_difficulty, s.fsrs_phase, s.fsrs_step, s.due_at,
  s.last_review_day`;

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

/** The row's state under the algorithm that owns it (card_state.scheduler). */
export function stateOf(row: StateRow): SchedulerState {
  if (row.scheduler !== 'fsrs') return { algorithm: 'sm2', ...scheduleOf(row) };
  return {
    algorithm: 'fsrs',
    phase: row.fsrs_phase ?? 'new',
    stability: row.fsrs_stability ?? 0,
    difficulty: row.fsrs_difficulty ?? 0,
    step: row.fsrs_step ?? 0,
    reps: row.reps,
    lapses: row.lapses,
    scheduledDays: row.interval_days,
    dueDay: row.due_day,
    dueAt: row.due_at,
    lastReviewDay: row.last_review_day,
    queue: row.queue,
  };
}

/** Column values of a state (named as the columns, camel-cased). An FSRS state keeps the card's last SM-2 EF. */
export interface StateColumns extends CardSchedule {
  scheduler: SchedulerName;
  fsrsStability: number | null;
  fsrsDifficulty: number | null;
  fsrsPhase: FsrsPhase | null;
  fsrsStep: number | null;
  dueAt: number | null;
  lastReviewDay: number | null;
}

const NO_FSRS = { fsrsStability: null, fsrsDifficulty: null, fsrsPhase: null, fsrsStep: null, dueAt: null, lastReviewDay: null };

export function columnsOf(state: Readonly<SchedulerState>, efMilliBefore: number): StateColumns {
  if (state.algorithm === 'sm2') {
    const { algorithm, ...schedule } = state;
    return { scheduler: algorithm, ...schedule, ...NO_FSRS };
  }
  return {
    scheduler: 'fsrs', efMilli: efMilliBefore, reps: state.reps, intervalDays: state.scheduledDays, dueDay: state.dueDay,
    lapses: state.lapses, queue: state.queue, drillDay: null, fsrsStability: state.stability,
    fsrsDifficulty: state.difficulty, fsrsPhase: state.phase, fsrsStep: state.step, dueAt: state.dueAt,
    lastReviewDay: state.lastReviewDay,
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
