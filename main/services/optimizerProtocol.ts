// What the optimizer's worker (optimizerWorker.ts) is given and answers. Types only, so the worker's bundle shares
// no code with the main one.
import type { ParameterFit } from '../contract/scheduling';
import type { OptimizerItem } from '../core/scheduler/optimizerItems';

export interface OptimizerRequest {
  items: OptimizerItem[];
  /** The preset's weights, scored beside the new ones; null: FSRS's defaults. */
  currentWeights: readonly number[] | null;
}

export type OptimizerReply =
  | { kind: 'progress'; current: number; total: number }
  | { kind: 'done'; weights: number[]; before: ParameterFit; after: ParameterFit }
  | { kind: 'failed'; detail: string };
