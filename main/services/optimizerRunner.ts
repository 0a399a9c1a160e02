// Runs FSRS's optimizer in a worker thread (optimizerWorker.ts) and hands back its progress and result. The worker
// file is found beside this module: the built `optimizerWorker.js` next to out/main/index.js in the Electron build,
// or the TypeScript source when running from source (browser mode under tsx, tests). Node 20 does not apply
// `--import tsx` from a worker's execArgv to the worker's own entry, so from source a two-line bootstrap registers
// tsx inside the worker first and then imports the entry.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OptimizerReply, OptimizerRequest } from './optimizerProtocol';

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

/** Fits FSRS's parameters to `request.items` off the main thread; `onProgress` hears the optimizer's own progress, if it reports any. */
export function runOptimizer(request: OptimizerRequest, onProgress: (current: number, total: number) => void = () => {}): Promise<OptimizerResult> {
  const { entry, eval: isCode } = workerEntry();
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: request, eval: isCode });
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      done();
      void worker.terminate();
    };
    worker.on('message', (reply: OptimizerReply) => {
      if (reply.kind === 'progress') onProgress(reply.current, reply.total);
      else if (reply.kind === 'done') settle(() => resolve(reply));
      else settle(() => reject(new Error(reply.detail)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the optimizer's worker exited (code ${code}) without an answer`))));
  });
}
