// Runs FSRS's optimizer, or the replay behind "which scheduler fits me", in a worker thread (optimizerWorker.ts), a
// fresh one per request, and hands back its progress and result. The worker file is found beside this module: the
// built `optimizerWorker.js` next to out/main/index.js in the Electron build, or the TypeScript source when running from source (browser mode under tsx, tests). Node 20 does not apply
// `--import tsx` from a worker's execArgv to the worker's own entry, so from source a two-line bootstrap registers
// tsx inside the worker first and then imports the entry.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SchedulerComparison } from '../contract/scheduling';
import { packedBuffers, packHistories, type CardHistory } from '../core/scheduler';
import type { EvaluateRequest, OptimizerReply, OptimizerRequest, WorkerReply, WorkerRequest } from './optimizerProtocol';

export type OptimizerResult = Extract<OptimizerReply, { kind: 'done' }>;

/** tsx's ESM API as a file URL, for the worker to import (its CommonJS build cannot register from an import). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifest), exports['./esm/api'].import.default)).href;
}

/** The worker's entry: a file, or (from source) bootstrap code run with `eval`. */
function workerEntry(): { entry: string; eval: boolean } {
  // Built from a path, not `new URL('./…', import.meta.url)`, which Vite would try to resolve at build time.
  const here = dirname(fileURLToPath(import.meta.url));
  const built = join(here, 'optimizerWorker.js');
  if (existsSync(built)) return { entry: built, eval: false };
  const tsxApi = tsxEsmApi();
  const source = pathToFileURL(join(here, 'optimizerWorker.ts')).href;
  return { entry: `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, eval: true };
}

/** Why a run was stopped by its AbortSignal (the worker is terminated): the error `runOptimizer` rejects with. */
export class WorkerCancelled extends Error {
  constructor() {
    super("the worker was stopped before it answered");
    this.name = 'WorkerCancelled';
  }
}

/**
 * One request in a fresh worker, resolved with its answer (progress replies go to `onProgress`); an abort of
 * `signal` terminates the worker at once and rejects with WorkerCancelled.
 */
function runInWorker<R extends WorkerReply>(
  request: WorkerRequest,
  answer: (reply: WorkerReply) => reply is R,
  onProgress: (current: number, total: number) => void,
  signal?: AbortSignal,
  transferList: ArrayBuffer[] = [],
): Promise<R> {
  if (signal?.aborted) return Promise.reject(new WorkerCancelled());
  const { entry, eval: isCode } = workerEntry();
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: request, eval: isCode, transferList });
    let settled = false;
    const onAbort = () => settle(() => reject(new WorkerCancelled()));
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      done();
      void worker.terminate();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'progress') onProgress(reply.current, reply.total);
      else if (answer(reply)) settle(() => resolve(reply));
      else if (reply.kind === 'failed') settle(() => reject(new Error(reply.detail)));
      else settle(() => reject(new Error(`the worker answered ${reply.kind} to ${request.kind}`)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the optimizer's worker exited (code ${code}) without an answer`))));
  });
}

/**
 * Fits FSRS's parameters to `request.items` off the main thread; `onProgress` hears the optimizer's own progress, if
 * it reports any; aborting `signal` terminates the worker (the promise rejects with WorkerCancelled).
 */
export function runOptimizer(
  request: OptimizerRequest,
  onProgress: (current: number, total: number) => void = () => {},
  signal?: AbortSignal,
): Promise<OptimizerResult> {
  return runInWorker({ kind: 'optimize', ...request }, (reply): reply is OptimizerResult => reply.kind === 'done', onProgress, signal);
}

export type EvaluationRequest = Omit<EvaluateRequest, 'kind' | 'histories'> & { histories: readonly CardHistory[] };

/** Core evaluateSchedulers over plain histories, in a worker: the replay of both schedulers never blocks the main thread. */
export async function runEvaluation({ histories, ...rest }: EvaluationRequest): Promise<SchedulerComparison | null> {
  type Evaluated = Extract<WorkerReply, { kind: 'evaluated' }>;
  const packed = packHistories(histories);
  const request: EvaluateRequest = { kind: 'evaluate', histories: packed, ...rest };
  const reply = await runInWorker(request, (r): r is Evaluated => r.kind === 'evaluated', () => {}, undefined, packedBuffers(packed));
  return reply.comparison;
}
