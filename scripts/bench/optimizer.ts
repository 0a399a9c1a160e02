// FSRS's optimizer (issue 16): seconds for N reviews, as the app runs it — in a worker thread started per run
// (optimizerRunner.ts), on histories drawn from FSRS's own curve with a seeded PRNG (the unit tests' generator).
// Also the out-of-sample evaluation ("which scheduler fits me": replaying every card under both schedulers): as the
// app runs it now, in a worker (runEvaluation), beside the old in-process replay of the same histories in the same
// run. For each, how long the main thread was blocked: the longest gap between ticks of a 1 ms interval timer —
// for the in-process replay that is the whole replay, during which the app's main process answers no IPC.
// Numbers, not assertions.
import { evaluateSchedulers, optimizerItems, splitDay } from '../../main/core/scheduler';
import { runEvaluation, runOptimizer } from '../../main/services/optimizerRunner';
import { fsrsCurveHistories } from '../../tests/unit/scheduler/synthetic';
import { withStallMeter } from './stats';

// 400 (the app's minimum) shows mostly the worker's start: from source it registers tsx inside the worker first
// (the Electron build does not). The binding refuses far smaller sets ("NotEnoughData").
const SIZES = [400, 1_000, 3_000, 10_000, 30_000];
/** Later-day reviews per synthetic card (14 answers, the first and same-day steps not counted). */
const ITEMS_PER_CARD_GUESS = 9;

export async function benchOptimizer(): Promise<void> {
  console.log('\nFSRS optimizer (computeParameters in a worker thread, per run)');
  const evaluations: string[] = [];
  for (const size of SIZES) {
    const histories = fsrsCurveHistories(Math.ceil(size / ITEMS_PER_CARD_GUESS), 7);
    const items = optimizerItems(histories).slice(0, size);
    const started = performance.now();
    const result = await runOptimizer({ items, currentWeights: null });
    const optimizeS = (performance.now() - started) / 1000;
    console.log(`  ${String(items.length).padStart(6)} reviews: optimize ${optimizeS.toFixed(2)} s (log loss ${result.before.logLoss.toFixed(4)} → ${result.after.logLoss.toFixed(4)})`);

    const fromDay = splitDay(histories);
    const old = await withStallMeter(() => evaluateSchedulers(histories, { fromDay }));
    const worker = await withStallMeter(() => runEvaluation({ histories, fromDay, desiredRetention: 0.9, weights: null }));
    const same = JSON.stringify(worker.value) === JSON.stringify(old.value) ? 'same result' : 'DIFFERENT RESULT';
    const answers = histories.reduce((n, h) => n + h.answers.length, 0);
    evaluations.push(
      `  ${String(answers).padStart(6)} answers (${old.value?.scored ?? 0} scored): in-process ${old.wallMs.toFixed(0)} ms, main thread blocked ${old.stallMs.toFixed(0)} ms; ` +
        `worker ${worker.wallMs.toFixed(0)} ms, main thread blocked ${worker.stallMs.toFixed(1)} ms (${(worker.stallMs / old.stallMs).toFixed(3)}× the in-process block); ${same}`,
    );
  }
  console.log('\n"Which scheduler fits me": one replay of both schedulers (FSRS defaults), in-process (before) vs in a worker (now)');
  for (const line of evaluations) console.log(line);
}
