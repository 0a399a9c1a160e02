// Scheduler choice, the "which scheduler fits me" comparison and the FSRS optimizer's runs, as the API carries them
// (issue 16). Pure types.
import type { Message } from './messages';

/** The algorithms a preset can choose. SM-2 is the default. */
export type SchedulerName = 'sm2' | 'fsrs';

/** A preset's FSRS options. */
export interface FsrsSettings {
  /** Probability of recall the intervals aim at, 0.7–0.99; 0.9 by default. */
  desiredRetention: number;
  /** FSRS-6's 21 weights; the defaults until the optimizer has run on the user's history. */
  weights: readonly number[];
  /** Learning steps of a new card, minutes (default 1, 10). */
  learningStepsMin: readonly number[];
  /** Relearning steps of a lapsed card, minutes (default 10). */
  relearningStepsMin: readonly number[];
}

/** What a deck preset sets (issue 16); decks share presets, and a deck without one uses the default (id 1). */
export interface PresetFields {
  name: string;
  newPerDay: number;
  reviewsPerDay: number;
  scheduler: SchedulerName;
  /** 0.70–0.99; FSRS only. */
  desiredRetention: number;
  /** FSRS weights from the optimizer; null keeps FSRS's defaults. */
  fsrsWeights: number[] | null;
}

export interface Preset extends PresetFields {
  id: number;
}

/** Desired retention a preset may ask for (issue 16). */
export const DESIRED_RETENTION_MIN = 0.7;
export const DESIRED_RETENTION_MAX = 0.99;
/** The default preset: every deck uses it until given another; it cannot be deleted. */
export const DEFAULT_PRESET_ID = 1;

/** The presets and which deck uses which (a deck not listed uses the default preset). */
export interface PresetList {
  presets: Preset[];
  assignments: { deckId: string; presetId: number }[];
}

/** How well one scheduler's predicted recall matched what happened (the srs-benchmark's metrics). */
export interface ForecastMetrics {
  /** Mean negative log-likelihood of the outcomes; lower is better. */
  logLoss: number;
  /** RMSE over bins of interval length × reviews × lapses, weighted by bin size; lower is better. */
  rmseBins: number;
  /** Area under the ROC curve; higher is better; null when every scored review passed (or every one failed). */
  auc: number | null;
}

export interface SchedulerComparison {
  /** Reviews scored: later than the training window, not the card's first, not on the same day as the one before. */
  scored: number;
  sm2: ForecastMetrics;
  fsrs: ForecastMetrics;
}

/** Below this many reviews to learn from (answers on a later day than the card's previous one), the optimizer is not run. */
export const MIN_OPTIMIZER_REVIEWS = 400;
/** Below this many scored reviews the comparison is noise, and "not enough history" is said instead. */
export const MIN_SCORED_REVIEWS = 100;

/** How well a set of FSRS parameters fits reviews, as fsrs-rs scores it (in sample: on the reviews it was fitted to). */
export interface ParameterFit {
  logLoss: number;
  rmseBins: number;
}

/**
 * One optimizer run (`optimizePreset` starts it, `optimizerStatus` polls it, `cancelOptimize` stops it). Nothing is
 * applied: the user applies.
 */
export type OptimizerStatus =
  | {
      state: 'running';
      elapsedMs: number;
      /** The optimizer's own progress, when it reports any (the binding's callback may never fire). */
      progress: { current: number; total: number } | null;
    }
  | {
      state: 'done';
      presetId: number;
      elapsedMs: number;
      /** FSRS-6's 21 weights fitted to the preset's history. */
      weights: number[];
      /** Reviews the optimizer learned from. */
      reviews: number;
      /** The preset's current weights (FSRS's defaults when it has none) and the new ones, on the same reviews. */
      before: ParameterFit;
      after: ParameterFit;
    }
  | { state: 'failed'; elapsedMs: number; message: Message }
  /** Stopped by `cancelOptimize` before it finished (its worker terminated); `elapsedMs` up to the cancel. */
  | { state: 'cancelled'; elapsedMs: number };

/** "Which scheduler fits me" for a preset's decks: both schedulers scored out of sample on the user's own history. */
export interface SchedulerFit {
  comparison: SchedulerComparison;
  /**
   * FSRS's parameters in the comparison: `fitted` by the optimizer on the reviews before `fromDay` only (never on
   * the scored ones), or FSRS's `default` ones when those were fewer than MIN_OPTIMIZER_REVIEWS (or the optimizer
   * declined them as too thin).
   */
  fsrsParameters: 'fitted' | 'default';
  /** Reviews before `fromDay` (what FSRS was or could have been fitted to). */
  trainingReviews: number;
  /** The first study day scored: the day by which half the answers had been given. */
  fromDay: number;
}
