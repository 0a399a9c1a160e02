// The FSRS optimizer and "which scheduler fits me" (issue 16), over a preset's decks' review history.
// - optimize: a job. The optimizer runs in a worker (optimizerRunner.ts) for up to seconds; the renderer polls its
//   status, shows elapsed time (the binding's progress callback may never fire) and then the preset's current and
//   new weights scored on the same reviews. Nothing is applied here: the user applies the weights (updatePreset).
//   cancel terminates the job's worker; its status is then `cancelled`.
// - evaluate: SM-2 and FSRS predict the later half of the history (core evaluate.ts, replayed in a worker: the main
//   thread only reads the history). FSRS is fitted on the earlier half only — never with the preset's optimized
//   weights, which have seen the scored reviews — or keeps its defaults when that half is too small to fit; the
//   answer says which.
import { AppError } from '../contract/errors';
import { message } from '../contract/messages';
import { MIN_OPTIMIZER_REVIEWS, MIN_SCORED_REVIEWS, type OptimizerStatus, type SchedulerFit } from '../contract/scheduling';
import { optimizerItems, splitDay, trainingPart, type CardHistory } from '../core/scheduler';
import type { HistoryStore } from '../storage/historyStore';
import type { PresetStore } from '../storage/presetStore';
import { runEvaluation, runOptimizer, type OptimizerResult } from './optimizerRunner';

/** Finished runs kept for their status (the oldest forgotten first): a user polls only the latest. */
const KEPT_JOBS = 20;

interface Job {
  presetId: number;
  startedAt: number;
  progress: { current: number; total: number } | null;
  /** Aborted by cancel: terminates the job's worker. */
  stop: AbortController;
  finished:
    | { at: number; result: OptimizerResult; reviews: number }
    | { at: number; detail: string }
    | { at: number; cancelled: true }
    | null;
}

export function createOptimizerService(deps: {
  histories: HistoryStore;
  presets: PresetStore;
  /** Milliseconds on a monotonic clock, for elapsed time (not the study clock, which a test may move). */
  timer?: () => number;
  run?: typeof runOptimizer;
  /** Where evaluate's replay runs (a worker by default). */
  replay?: typeof runEvaluation;
}) {
  const { histories, presets } = deps;
  const timer = deps.timer ?? (() => performance.now());
  const run = deps.run ?? runOptimizer;
  const replay = deps.replay ?? runEvaluation;
  const jobs = new Map<string, Job>();
  let lastJob = 0;

  function historyOf(presetId: number): CardHistory[] {
    presets.get(presetId); // refuses an unknown preset
    return histories.historiesOfPreset(presetId);
  }

  function jobOf(jobId: string): Job {
    const job = jobs.get(jobId);
    if (!job) throw new AppError(message('optimizer.unknownJob', { jobId }));
    return job;
  }

  function statusOf(jobId: string): OptimizerStatus {
    const job = jobOf(jobId);
    const { finished } = job;
    const elapsedMs = Math.round((finished?.at ?? timer()) - job.startedAt);
    if (!finished) return { state: 'running', elapsedMs, progress: job.progress };
    if ('cancelled' in finished) return { state: 'cancelled', elapsedMs };
    if ('detail' in finished) return { state: 'failed', elapsedMs, message: message('optimizer.failed', { detail: finished.detail }) };
    const { weights, before, after } = finished.result;
    return { state: 'done', presetId: job.presetId, elapsedMs, weights, reviews: finished.reviews, before, after };
  }

  function remember(job: Job): string {
    const jobId = `optimize-${++lastJob}`;
    jobs.set(jobId, job);
    for (const old of jobs.keys()) if (jobs.size > KEPT_JOBS) jobs.delete(old);
    return jobId;
  }

  return {
    /** Starts the optimizer on the preset's history; refused below MIN_OPTIMIZER_REVIEWS (the weights stay as they are). */
    optimize(presetId: number): { jobId: string } {
      const items = optimizerItems(historyOf(presetId));
      if (items.length < MIN_OPTIMIZER_REVIEWS) {
        throw new AppError(message('optimizer.notEnoughReviews', { reviews: items.length, needed: MIN_OPTIMIZER_REVIEWS }));
      }
      const job: Job = { presetId, startedAt: timer(), progress: null, stop: new AbortController(), finished: null };
      const onProgress = (current: number, total: number) => (job.progress = { current, total });
      // `??=`: a job cancelled meanwhile stays cancelled, whatever its worker's promise says after.
      run({ items, currentWeights: presets.get(presetId).fsrsWeights }, onProgress, job.stop.signal).then(
        (result) => (job.finished ??= { at: timer(), result, reviews: items.length }),
        (error: unknown) => (job.finished ??= { at: timer(), detail: error instanceof Error ? error.message : String(error) }),
      );
      return { jobId: remember(job) };
    },

    status: statusOf,

    /**
     * Stops a running job: its worker is terminated and its status is `cancelled` from now on. A job that has
     * already finished (done, failed or cancelled) is left as it is; either way the answer is the job's status.
     */
    cancel(jobId: string): OptimizerStatus {
      const job = jobOf(jobId);
      if (!job.finished) {
        job.finished = { at: timer(), cancelled: true };
        job.stop.abort();
      }
      return statusOf(jobId);
    },

    /** Both schedulers scored on the later half of the preset's history; refused below MIN_SCORED_REVIEWS. */
    async evaluate(presetId: number): Promise<SchedulerFit> {
      const all = historyOf(presetId);
      const { desiredRetention } = presets.get(presetId);
      const fromDay = splitDay(all);
      const compare = (weights: readonly number[] | null) => replay({ histories: all, fromDay, desiredRetention, weights });
      const first = await compare(null);
      const scored = first?.scored ?? 0;
      if (!first || scored < MIN_SCORED_REVIEWS) {
        throw new AppError(message('scheduler.notEnoughHistory', { scored, needed: MIN_SCORED_REVIEWS }));
      }
      const training = optimizerItems(trainingPart(all, fromDay));
      const withDefaults: SchedulerFit = { comparison: first, fsrsParameters: 'default', trainingReviews: training.length, fromDay };
      if (training.length < MIN_OPTIMIZER_REVIEWS) return withDefaults;
      // fsrs-rs may still decline a set it finds too thin ("NotEnoughData"): the defaults are the honest fallback.
      const fitted = await run({ items: training, currentWeights: null }).catch(() => null);
      return fitted ? { comparison: (await compare(fitted.weights))!, fsrsParameters: 'fitted', trainingReviews: training.length, fromDay } : withDefaults;
    },
  };
}

export type OptimizerService = ReturnType<typeof createOptimizerService>;
