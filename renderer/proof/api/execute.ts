// executeProof: compile, run with a deadline for async hangs, and apply the pass rule. Shared by the sandbox
// worker and the Node runner. A synchronous infinite loop cannot be stopped from inside its own thread: the
// sandbox host terminates the worker for that; here the deadline covers never-settling promises.

import type { ProofLang } from '../../../main/contract/deck';
import { compileProof, instantiateProof } from './compile';
import { createProofContext, type ProofContextOptions, type ProofContextResult, type ProofOutcome, type TfForContext } from './context';

/** Same default as the sandbox protocol's; kept here so the API has no dependency on it. */
export const DEFAULT_PROOF_TIMEOUT_MS = 10_000;

export interface ExecuteProofOptions<Tf extends TfForContext> extends ProofContextOptions<Tf> {
  code: string;
  lang: ProofLang;
  timeoutMs?: number;
  /** Monotonic clock in ms (performance.now), passed in to keep this module free of ambient time. */
  now: () => number;
}

export type ExecutedProof = ProofContextResult & { ms: number };

export function timeoutMessage(timeoutMs: number): string {
  return `Timed out after ${timeoutMs} ms: the proof did not finish (an endless loop or a promise that never settles?).`;
}

export async function executeProof<Tf extends TfForContext>(options: ExecuteProofOptions<Tf>): Promise<ExecutedProof> {
  const { code, lang, timeoutMs = DEFAULT_PROOF_TIMEOUT_MS, now } = options;
  const context = createProofContext(options);
  const compiled = compileProof(code, lang);
  const proof = compiled.ok ? instantiateProof(compiled.body) : compiled;
  if (!proof.ok) return { ...context.finish({ kind: 'stopped', reason: proof.error }), ms: 0 };
  const { tf, check, log, table, plot } = context.scope;
  const started = now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<ProofOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'stopped', reason: timeoutMessage(timeoutMs) }), timeoutMs);
  });
  let outcome: ProofOutcome;
  try {
    const running = proof.run(tf, check, log, table, plot).then(
      (): ProofOutcome => ({ kind: 'returned' }),
      (thrown: unknown): ProofOutcome => ({ kind: 'threw', thrown }),
    );
    outcome = await Promise.race([running, deadline]);
  } catch (thrown) {
    outcome = { kind: 'threw', thrown }; // only reachable if the engine throws synchronously from the call itself
  } finally {
    clearTimeout(timer);
  }
  const ms = now() - started;
  return { ...context.finish(outcome), ms };
}
