// The scheduler worker's entry (a Node worker_threads Worker), one request per worker (workerData):
// - optimize: fsrs-rs fits parameters for seconds on a large history, which on the main thread would freeze every
//   API call. It receives plain items (core optimizerItems.ts), builds the binding's objects here — the only file
//   that loads the binding, and only for this request — fits, and scores the preset's current weights and the new
//   ones on the same items.
// - evaluate: "which scheduler fits me" replays every card's answers through SM-2 and FSRS (core evaluate.ts), about
//   half a second at 47,000 answers (npm run bench -- optimizer), all of it time the main thread would answer no
//   API call; the main thread only reads the histories from SQLite and transfers them here packed
//   (core packedHistories.ts).
// Built as its own entry beside out/main/index.js (electron.vite.config.ts); run from source through tsx (browser
// mode, tests).
import { parentPort, workerData } from 'node:worker_threads';
import { createFsrsScheduler, evaluateSchedulers, unpackHistories } from '../core/scheduler';
import type { EvaluateRequest, OptimizeRequest, WorkerReply, WorkerRequest } from './optimizerProtocol';

const reply = (message: WorkerReply) => parentPort!.postMessage(message);

async function optimize({ items, currentWeights }: OptimizeRequest): Promise<void> {
  const { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } = await import('@open-spaced-repetition/binding');
  const trainSet = items.map((reviews) => new FSRSBindingItem(reviews.map((r) => new FSRSBindingReview(r.rating, r.deltaT))));
  const weights = await computeParameters(trainSet, {
    enableShortTerm: true,
    progress: (current, total) => reply({ kind: 'progress', current, total }),
  });
  const fit = (w: readonly number[] | null) => new FSRSBinding(w ? [...w] : undefined).evaluate(trainSet);
  reply({ kind: 'done', weights, before: fit(currentWeights), after: fit(weights) });
}

function evaluate({ histories, fromDay, desiredRetention, weights }: EvaluateRequest): void {
  const fitFsrs = () => createFsrsScheduler({ desiredRetention, ...(weights ? { weights } : {}) });
  reply({ kind: 'evaluated', comparison: evaluateSchedulers(unpackHistories(histories), { fromDay, fitFsrs }) });
}

async function run(request: WorkerRequest): Promise<void> {
  if (request.kind === 'evaluate') evaluate(request);
  else await optimize(request);
}

run(workerData as WorkerRequest).catch((error: unknown) => reply({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) }));
