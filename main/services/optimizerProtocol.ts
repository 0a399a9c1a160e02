// What the optimizer's worker (optimizerWorker.ts) is given and answers. Types only, so the worker's bundle shares
// no code with the main one through this file (the worker bundles the pure core it replays with on its own).
import type { ParameterFit, SchedulerComparison } from '../contract/scheduling';
import type { OptimizerItem } from '../core/scheduler/optimizerItems';
import type { PackedHistories } from '../core/scheduler/packedHistories';

/** Fit FSRS's parameters to `items` and score the preset's current weights and the new ones on them. */
export interface OptimizeRequest {
  kind: 'optimize';
  items: OptimizerItem[];
  /** The preset's weights, scored beside the new ones; null: FSRS's defaults. */
  currentWeights: readonly number[] | null;
}

/** Replay `histories` through SM-2 and FSRS and score both on the reviews from `fromDay` on (core evaluateSchedulers). */
export interface EvaluateRequest {
  kind: 'evaluate';
  /** What storage's historyStore read, packed into typed arrays that are transferred, not cloned (core packedHistories.ts). */
  histories: PackedHistories;
  fromDay: number;
  desiredRetention: number;
  /** FSRS's weights for the comparison; null: its defaults. */
  weights: readonly number[] | null;
}

/** What runOptimizer is given (it adds the kind). */
export type OptimizerRequest = Omit<OptimizeRequest, 'kind'>;

export type WorkerRequest = OptimizeRequest | EvaluateRequest;

export type OptimizerReply =
  | { kind: 'progress'; current: number; total: number }
  | { kind: 'done'; weights: number[]; before: ParameterFit; after: ParameterFit }
  | { kind: 'failed'; detail: string };

export type EvaluateReply = { kind: 'evaluated'; comparison: SchedulerComparison | null } | { kind: 'failed'; detail: string };

export type WorkerReply = OptimizerReply | EvaluateReply;
