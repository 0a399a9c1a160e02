// FSRS's optimizer (issue 16): seconds for N reviews, as the app runs it — in a worker thread started per run
// (optimizerRunner.ts), on histories drawn from FSRS's own curve with a seeded PRNG (the unit tests' generator).
// Also the out-of-sample evaluation's own cost (replaying every card under both schedulers). Numbers, not assertions.
import { evaluateSchedulers, optimizerItems } from '../../main/core/scheduler';
import { runOptimizer } from '../../main/services/optimizerRunner';
import { fsrsCurveHistories } from '../../tests/unit/scheduler/synthetic';

// 400 (the app's minimum) shows mostly the worker's start: from source it registers tsx inside the worker first
// (the Electron build does not). The binding refuses far smaller sets ("NotEnoughData").
const SIZES = [400, 1_000, 3_000, 10_000, 30_000];
/** Later-day reviews per synthetic card (14 answers, the first and same-day steps not counted). */
const ITEMS_PER_CARD_GUESS = 9;

export async function benchOptimizer(): Promise<void> {
  console.log('\nFSRS optimizer (computeParameters in a worker thread, per run)');
  for (const size of SIZES) {
    const histories = fsrsCurveHistories(Math.ceil(size / ITEMS_PER_CARD_GUESS), 7);
    const items = optimizerItems(histories).slice(0, size);
    const started = performance.now();
    const result = await runOptimizer({ items, currentWeights: null });
    const optimizeS = (performance.now() - started) / 1000;
    const evalStarted = performance.now();
    const comparison = evaluateSchedulers(histories);
    const evaluateS = (performance.now() - evalStarted) / 1000;
    console.log(
      `  ${String(items.length).padStart(6)} reviews: optimize ${optimizeS.toFixed(2)} s (log loss ${result.before.logLoss.toFixed(4)} → ${result.after.logLoss.toFixed(4)}); ` +
        `evaluate both schedulers ${evaluateS.toFixed(2)} s over ${comparison?.scored ?? 0} scored`,
    );
  }
}
