// The sandbox page's worker handling: one fresh worker per proof, started ahead of time (a "spare") so its
// tfjs start-up is paid before the card is revealed; terminated after its one proof, or on timeout.

import type { ProofBackend, ProofResult } from '../../../main/contract/proof';
import { DEFAULT_MAX_TENSOR_ELEMENTS, failedResult, readWorkerReply, type BackendChoice, type BackendInfo, type RunRequest, type WorkerRequest } from '../protocol';

/** Grace after the proof's own deadline before the worker is killed: covers synchronous endless loops. */
const KILL_GRACE_MS = 500;
const START_TIMEOUT_MS = 30_000;

interface ReadyWorker {
  worker: Worker;
  nonce: string;
  backend: ProofBackend | null;
  device: string;
  error: string | null;
  startMs: number;
}

function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function spawnWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'proof' });
}

/** Resolves with the first valid reply carrying `nonce`, or rejects on a worker error / timeout. */
function nextReply(worker: Worker, nonce: string, timeoutMs: number) {
  return new Promise<NonNullable<ReturnType<typeof readWorkerReply>>>((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(new Error(`the proof worker did not answer within ${timeoutMs} ms`))), timeoutMs);
    const onMessage = (event: MessageEvent) => {
      const reply = readWorkerReply(event.data, nonce);
      if (reply) finish(() => resolve(reply)); // anything else (forged or malformed) is ignored
    };
    const onError = (event: ErrorEvent) => {
      event.preventDefault();
      finish(() => reject(new Error(event.message || 'the proof worker failed to load')));
    };
    function finish(settle: () => void) {
      clearTimeout(timer);
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      settle();
    }
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
  });
}

async function startWorker(choice: BackendChoice, maxTensorElements: number, backends: BackendInfo[] | null): Promise<ReadyWorker> {
  const worker = spawnWorker();
  const nonce = newNonce();
  const init: WorkerRequest = { type: 'init', nonce, backend: choice, maxTensorElements, backends };
  worker.postMessage(init);
  try {
    const reply = await nextReply(worker, nonce, START_TIMEOUT_MS);
    if (reply.type !== 'ready') throw new Error('unexpected reply from the proof worker');
    return { worker, nonce, backend: reply.backend, device: reply.device, error: reply.error, startMs: reply.ms };
  } catch (error) {
    worker.terminate();
    return { worker, nonce, backend: null, device: '', error: `The proof worker could not start: ${(error as Error).message}`, startMs: 0 };
  }
}

export async function probeInWorker(): Promise<BackendInfo[]> {
  const worker = spawnWorker();
  const nonce = newNonce();
  worker.postMessage({ type: 'probe', nonce });
  try {
    const reply = await nextReply(worker, nonce, START_TIMEOUT_MS);
    return reply.type === 'probed' ? reply.backends : [];
  } finally {
    worker.terminate();
  }
}

/** Deletes what a proof may have stored on the sandbox origin despite the removed APIs (belt and braces). */
async function wipeOriginStorage(): Promise<void> {
  try {
    const databases = (await indexedDB.databases?.()) ?? [];
    await Promise.all(databases.map((db) => db.name && new Promise((done) => {
      const request = indexedDB.deleteDatabase(db.name!);
      request.onsuccess = request.onerror = request.onblocked = done;
    })));
  } catch { /* storage may be unavailable: nothing to wipe */ }
  try {
    for (const key of await caches.keys()) await caches.delete(key);
  } catch { /* ditto */ }
  try {
    const root = (await navigator.storage.getDirectory()) as FileSystemDirectoryHandle & { keys(): AsyncIterable<string> };
    for await (const name of root.keys()) await root.removeEntry(name, { recursive: true });
  } catch { /* ditto */ }
}

/**
 * Spare workers kept ready for the backend last asked for. Two, because starting one (parsing tfjs, starting a
 * backend) costs ~250–500 ms of one core here while a proof-sized proof takes milliseconds: with two, one is ready
 * while the next starts, and two start in parallel on two cores.
 */
const SPARE_WORKERS = 1;

interface Spare {
  choice: BackendChoice;
  maxTensorElements: number;
  ready: Promise<ReadyWorker>;
}

export class ProofWorkers {
  /** The page's one probe of what this browser offers, shared with every worker it starts. */
  private probe: Promise<BackendInfo[]> | null = null;
  private spares: Spare[] = [];
  private wiping: Promise<void> = Promise.resolve();

  backends(): Promise<BackendInfo[]> {
    this.probe ??= probeInWorker().catch(() => []);
    return this.probe;
  }

  /** Keeps spare workers for `choice` (dropping others); resolves when the first is ready. */
  warmUp(choice: BackendChoice, maxTensorElements = DEFAULT_MAX_TENSOR_ELEMENTS): Promise<ReadyWorker> {
    const matches = (spare: Spare) => spare.choice === choice && spare.maxTensorElements === maxTensorElements;
    for (const spare of this.spares.filter((s) => !matches(s))) void spare.ready.then((old) => old.worker.terminate());
    this.spares = this.spares.filter(matches);
    while (this.spares.length < SPARE_WORKERS) {
      const ready = this.backends().then((infos) => startWorker(choice, maxTensorElements, infos.length ? infos : null));
      this.spares.push({ choice, maxTensorElements, ready });
    }
    return this.spares[0].ready;
  }

  private async take(choice: BackendChoice, maxTensorElements: number): Promise<ReadyWorker> {
    await this.wiping; // the previous proof's storage is gone before the next proof runs
    this.warmUp(choice, maxTensorElements);
    const taken = this.spares.shift()!;
    this.warmUp(choice, maxTensorElements); // refill now, so it starts while this proof runs
    return taken.ready;
  }

  /** Runs one proof in a fresh worker. `killed`: the worker had to be stopped (timeout or crash). */
  async run(request: RunRequest): Promise<{ result: ProofResult; killed: boolean }> {
    const maxTensorElements = request.maxTensorElements ?? DEFAULT_MAX_TENSOR_ELEMENTS;
    const ready = await this.take(request.backend, maxTensorElements);
    const fallbackBackend: ProofBackend = request.backend === 'auto' ? 'cpu' : request.backend;
    if (!ready.backend) {
      this.afterRun();
      return { result: failedResult(fallbackBackend, ready.device || 'unavailable', ready.error ?? 'No proof backend could start.'), killed: false };
    }
    const { worker, nonce, backend, device } = ready;
    worker.postMessage({ type: 'run', code: request.code, lang: request.lang, subject: request.subject, timeoutMs: request.timeoutMs });
    const started = performance.now();
    let result: ProofResult;
    let killed = false;
    try {
      const reply = await nextReply(worker, nonce, request.timeoutMs + KILL_GRACE_MS);
      result = reply.type === 'done' ? reply.result : failedResult(backend, device, 'The proof worker sent an unexpected reply.');
      // The worker's own answer cannot be trusted about who ran it.
      result = { ...result, backend, device };
    } catch (error) {
      killed = true;
      const message = (error as Error).message;
      const timedOut = message.includes('did not answer');
      result = failedResult(
        backend,
        device,
        timedOut
          ? `Timed out after ${request.timeoutMs} ms: the proof did not finish (an endless loop, a promise that never settles, or self.close()?). Its worker was stopped.`
          : `The proof's worker crashed: ${message}`,
        performance.now() - started,
      );
    } finally {
      worker.terminate();
    }
    this.afterRun();
    return { result, killed };
  }

  private afterRun(): void {
    this.wiping = wipeOriginStorage();
  }
}
