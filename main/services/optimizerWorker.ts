// The FSRS optimizer's worker entry (a Node worker_threads Worker): fsrs-rs fits parameters for seconds on a large
// history, which on the main thread would freeze every API call. It receives plain items (core optimizerItems.ts),
// builds the binding's objects here — the only file that loads the binding — fits, and scores the preset's current
// weights and the new ones on the same items. Built as its own entry beside out/main/index.js (electron.vite.config.ts);
// run from source through tsx (browser mode, tests).
import { parentPort, workerData } from 'node:worker_threads';
import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from '@open-spaced-repetition/binding';
import type { OptimizerReply, OptimizerRequest } from './optimizerProtocol';

const reply = (message: OptimizerReply) => parentPort!.postMessage(message);

async function run({ items, currentWeights }: OptimizerRequest): Promise<void> {
  const trainSet = items.map((reviews) => new FSRSBindingItem(reviews.map((r) => new FSRSBindingReview(r.rating, r.deltaT))));
  const weights = await computeParameters(trainSet, {
    enableShortTerm: true,
    progress: (current, total) => reply({ kind: 'progress', current, total }),
  });
  const fit = (w: readonly number[] | null) => new FSRSBinding(w ? [...w] : undefined).evaluate(trainSet);
  reply({ kind: 'done', weights, before: fit(currentWeights), after: fit(weights) });
}

run(workerData as OptimizerRequest).catch((error: unknown) => reply({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) }));
