// executeProof: compile, run with a deadline for async hangs, and apply the pass rule. Shared by the sandbox
// worker and the Node runner. A synchronous infinite loop cannot be stopped from inside its own thread: the
// sandbox host terminates the worker for that; here the deadline covers never-settling promises.

import type { CodeBlock, ProofLang } from '../../../main/contract/deck';
import { compileProof, instantiateProof, instantiateSubject } from './compile';
import { createProofContext, type ProofContextOptions, type ProofContextResult, type ProofOutcome, type TfForContext } from './context';
import { topLevelDeclarations } from './declarations';
import { describeError } from './values';

/** Same default as the sandbox protocol's; kept here so the API has no dependency on it. */
export const DEFAULT_PROOF_TIMEOUT_MS = 10_000;

export interface ExecuteProofOptions<Tf extends TfForContext> extends ProofContextOptions<Tf> {
  code: string;
  lang: ProofLang;
  /**
   * A coding card's code under test (the user's code, or the solution or starter in deck:check): run first, seeing
   * only `tf`; its top-level declarations are the proof's bindings by name.
   */
  subject?: CodeBlock;
  timeoutMs?: number;
  /** Monotonic clock in ms (performance.now), passed in to keep this module free of ambient time. */
  now: () => number;
}

export type ExecutedProof = ProofContextResult & { ms: number };

export function timeoutMessage(timeoutMs: number): string {
  return `Timed out after ${timeoutMs} ms: the proof did not finish (an endless loop or a promise that never settles?).`;
}

type ProofFunction = (...scope: unknown[]) => Promise<unknown>;
type Instantiated = { ok: true; run: ProofFunction } | { ok: false; error: string };

/**
 * The proof as a function of the API, once its bindings are known: at once without code under test; with it,
 * after that code has run (under the same deadline) and handed over its top-level declarations.
 */
type Staged = { ok: true; proofFor: (tf: unknown, deadline: Promise<ProofOutcome>) => Promise<Instantiated | ProofOutcome> } | { ok: false; error: string };

function stage(body: string, subject: CodeBlock | undefined): Staged {
  if (subject === undefined) {
    const proof = instantiateProof(body);
    return proof.ok ? { ok: true, proofFor: async () => proof } : proof;
  }
  const compiled = compileProof(subject.code, subject.lang, 'the code under test');
  const code = compiled.ok ? instantiateSubject(compiled.body, topLevelDeclarations(compiled.body)) : compiled;
  if (!code.ok) return code;
  return {
    ok: true,
    proofFor: async (tf, deadline) => {
      const ran = await Promise.race([
        code.run(tf).then(
          (bindings) => instantiateProof(body, bindings),
          // What the code under test throws is its failure, said as such (not the proof's).
          (thrown: unknown): ProofOutcome => ({ kind: 'stopped', reason: `The code under test threw: ${describeError(thrown)}` }),
        ),
        deadline,
      ]);
      return ran;
    },
  };
}

async function runStaged(staged: Staged & { ok: true }, scope: unknown[], deadline: Promise<ProofOutcome>): Promise<ProofOutcome> {
  const proof = await staged.proofFor(scope[0], deadline);
  if ('kind' in proof) return proof;
  if (!proof.ok) return { kind: 'stopped', reason: proof.error };
  const running = proof.run(...scope).then(
    (): ProofOutcome => ({ kind: 'returned' }),
    (thrown: unknown): ProofOutcome => ({ kind: 'threw', thrown }),
  );
  return Promise.race([running, deadline]);
}

export async function executeProof<Tf extends TfForContext>(options: ExecuteProofOptions<Tf>): Promise<ExecutedProof> {
  const { code, lang, timeoutMs = DEFAULT_PROOF_TIMEOUT_MS, now } = options;
  const context = createProofContext(options);
  const compiled = compileProof(code, lang);
  const staged = compiled.ok ? stage(compiled.body, options.subject) : compiled;
  if (!staged.ok) return { ...context.finish({ kind: 'stopped', reason: staged.error }), ms: 0 };
  const { tf, check, log, table, plot } = context.scope;
  const started = now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<ProofOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'stopped', reason: timeoutMessage(timeoutMs) }), timeoutMs);
  });
  let outcome: ProofOutcome;
  try {
    outcome = await runStaged(staged, [tf, check, log, table, plot], deadline);
  } catch (thrown) {
    outcome = { kind: 'threw', thrown }; // only reachable if the engine throws synchronously from the call itself
  } finally {
    clearTimeout(timer);
  }
  const ms = now() - started;
  return { ...context.finish(outcome), ms };
}
