// The proof panel and its helpers, for the app shell.
export { default as ProofPanel } from './ProofPanel.svelte';
export { ProofResultCache, type ProofRunKey, type ProofRunInput } from './proofResultCache';
export { plotOptions } from './plotSpecs';
export { createProofRunner, type ProofRunner, type RunOptions } from '../../../proof/host/runner';
export type { BackendChoice, BackendInfo } from '../../../proof/protocol';
