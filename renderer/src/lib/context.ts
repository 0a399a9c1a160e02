// What every screen needs from the app shell, handed down through Svelte's context instead of a prop on every
// view: the backend API and the proof runner. App.svelte sets both once; a component reads them while it is
// being created (the same rule as Svelte's getContext).
import { getContext, hasContext, setContext } from 'svelte';
import type { Api } from '../../../main/contract/api';
import type { ProofContext } from '../state/proofs';

// Symbols, so no other context in the tree can collide with these keys.
const API_KEY = Symbol('proofdeck.api');
const PROOF_RUNNER_KEY = Symbol('proofdeck.proofRunner');

function required<T>(key: symbol, what: string): T {
  if (!hasContext(key)) throw new Error(`${what} is not set: App.svelte sets it with set${what}Context before any view is created.`);
  return getContext<T>(key);
}

export function setApiContext(api: Api): Api {
  return setContext(API_KEY, api);
}

/** The backend API (IPC in Electron, HTTP in browser mode). */
export function getApi(): Api {
  return required<Api>(API_KEY, 'Api');
}

/**
 * The proof runner starts once the host has said where the sandbox is, after App.svelte is created, so the
 * context holds a getter; the views that run proofs are only shown once it has started.
 */
export function setProofRunnerContext(current: () => ProofContext | null): void {
  setContext(PROOF_RUNNER_KEY, current);
}

/** The app's proof runner, its result cache and the user's proof settings. */
export function getProofRunner(): ProofContext {
  const proofs = required<() => ProofContext | null>(PROOF_RUNNER_KEY, 'ProofRunner')();
  if (!proofs) throw new Error('The proof runner has not started yet: show views that run proofs only once App.svelte has started it.');
  return proofs;
}
