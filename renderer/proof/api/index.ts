// The proof API: what a proof sees and how its result is judged. Runs in Node, a Worker or a page.
export { createProofContext, PROOF_SCOPE_NAMES } from './context';
export type { ProofContext, ProofContextOptions, ProofContextResult, ProofOutcome, ProofScope, TfForContext } from './context';
export { compileProof, instantiateProof } from './compile';
export type { CompiledProof } from './compile';
export { executeProof, DEFAULT_PROOF_TIMEOUT_MS, timeoutMessage } from './execute';
export type { ExecutedProof, ExecuteProofOptions } from './execute';
export { checkClose, checkEqual, checkTrue, DEFAULT_ATOL, DEFAULT_RTOL } from './checks';
export { makePlot, MAX_PLOT_POINTS, MAX_PLOT_SERIES } from './plots';
export { makeTable } from './tables';
export { describeError, describeValue } from './values';
