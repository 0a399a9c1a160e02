// Baseline for the proof bench: the same proof run directly on this page's main thread (no sandbox, no worker,
// no message passing), on the same backend, so the runner's overhead can be measured in the same browser.
// Needs 'unsafe-eval' on the harness page (the bench's harness server allows it; deck:check's does not).

import type { ProofLang } from '../../../main/contract/deck';
import type { ProofBackend } from '../../../main/contract/proof';
import { DEFAULT_MAX_TENSOR_ELEMENTS } from '../protocol';

export interface DirectRun {
  ok: boolean;
  error: string | null;
  /** Wall time of the call on this page, backend switch excluded. */
  wallMs: number;
}

export async function runDirect(code: string, lang: ProofLang, backend: ProofBackend): Promise<DirectRun> {
  const [{ tf, startBackend }, { executeProof }, { bundledWasmPaths }] = await Promise.all([
    import('../sandbox/backends'),
    import('../api'),
    import('../sandbox/wasmPaths'),
  ]);
  if (tf.getBackend() !== backend) {
    const started = await startBackend(backend, bundledWasmPaths(location.href), DEFAULT_MAX_TENSOR_ELEMENTS, null);
    if (started.backend !== backend) return { ok: false, error: started.error ?? `could not start ${backend}`, wallMs: 0 };
  }
  const begin = performance.now();
  tf.engine().startScope();
  try {
    const result = await executeProof({ tf, code, lang, now: () => performance.now() });
    return { ok: result.ok, error: result.error, wallMs: performance.now() - begin };
  } finally {
    tf.engine().endScope();
    tf.disposeVariables();
  }
}
