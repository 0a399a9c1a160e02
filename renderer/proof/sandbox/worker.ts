// The proof worker: one per proof. It starts a tfjs backend on `init`, runs exactly one proof on `run`, reports
// it, and is then terminated by the sandbox page, so nothing a proof changes (globals, built-ins, timers, tfjs
// state) reaches the next one. Messages out carry the init nonce, kept in this module's closure where proof code
// cannot read it, so a proof cannot forge a result or control message.

import type { ProofResult } from '../../../main/contract/proof';
import { compileProof, executeProof } from '../api';
import { failedResult, readBackendInfos, readCodeBlock, type WorkerReply } from '../protocol';
import { probeBackends, startBackend, tf, type StartedBackend } from './backends';
import { hardenWorkerGlobals } from './hardening';
import { bundledWasmPaths } from './wasmPaths';

const post: (message: WorkerReply) => void = self.postMessage.bind(self);
const clock = performance.now.bind(performance);
const WASM_PATHS = bundledWasmPaths(self.location.href);

let nonce: string | null = null;
let started: StartedBackend | null = null;
let ranOnce = false;

async function handle(message: Record<string, unknown>): Promise<void> {
  if (message.type === 'probe' && nonce === null && typeof message.nonce === 'string') {
    nonce = message.nonce;
    post({ type: 'probed', nonce, backends: await probeBackends() });
  } else if (message.type === 'init' && nonce === null && typeof message.nonce === 'string') {
    nonce = message.nonce;
    const begin = clock();
    const knownInfos = readBackendInfos(message.backends);
    started = await startBackend(message.backend as never, WASM_PATHS, Number(message.maxTensorElements), knownInfos);
    // Warm the transpiler too (cold, it costs ~10–20 ms on the first proof of each fresh worker).
    compileProof('const warm: number[] = [1];\nfor (const x of warm) check.true(`x${x}`, x > 0);\nawait Promise.resolve();', 'ts');
    post({ type: 'ready', nonce, ...started, ms: clock() - begin });
  } else if (message.type === 'run' && nonce !== null && started?.backend && !ranOnce) {
    ranOnce = true;
    const myNonce = nonce;
    const { backend, device } = started;
    let result: ProofResult;
    try {
      hardenWorkerGlobals();
      const subject = readCodeBlock(message.subject) ?? undefined;
      const executed = await executeProof({ tf, code: String(message.code), lang: message.lang as 'js' | 'ts', subject, timeoutMs: Number(message.timeoutMs), now: clock });
      result = { ...executed, backend, device };
    } catch (error) {
      // Only reachable when the proof broke what the runner itself uses (e.g. overwrote Array.prototype methods).
      result = failedResult(backend, device, `The proof broke the runner: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
    post({ type: 'done', nonce: myNonce, result });
  }
}

self.onmessage = (event: MessageEvent) => {
  if (typeof event.data === 'object' && event.data !== null) void handle(event.data as Record<string, unknown>);
};
