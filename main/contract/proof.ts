// The proof runner's result, as ARCHITECTURE.md "Proofs" fixes it. Pure data, JSON-safe.

export type ProofBackend = 'cpu' | 'wasm' | 'webgl' | 'webgpu';
export const PROOF_BACKENDS: readonly ProofBackend[] = ['cpu', 'wasm', 'webgl', 'webgpu'];

export interface ProofCheck {
  name: string;
  ok: boolean;
  /** Largest |actual − expected| for `close`/`equal` on numbers; null for `true` checks. */
  maxAbsError: number | null;
  /** Largest |actual − expected| / |expected|; null where not defined. */
  maxRelError: number | null;
  /** Why it failed (shape mismatch, NaN, first offending index…), null when it passed. */
  detail: string | null;
  /** The check's `inputs` option as text, shown beside its result; absent when the proof gave none. */
  inputs?: string;
}

export interface ProofTable {
  title: string | null;
  shape: number[];
  /** Row-major values, at most the table cap; `truncated` says if more existed. */
  rows: (number | string)[][];
  truncated: boolean;
}

export type ProofPlotKind = 'line' | 'scatter' | 'bar' | 'histogram' | 'heatmap';

export interface ProofPlot {
  kind: ProofPlotKind;
  title: string;
  /** The options the proof passed, validated and made JSON-safe (numbers as plain arrays). */
  spec: Record<string, unknown>;
}

export interface ProofResult {
  ok: boolean;
  backend: ProofBackend;
  /** What really ran it: the GPU adapter, "SwiftShader (software)", or "CPU (JavaScript)"/"CPU (wasm SIMD)". */
  device: string;
  checks: ProofCheck[];
  logs: string[];
  tables: ProofTable[];
  plots: ProofPlot[];
  /** Wall time of the proof body in the worker, milliseconds. */
  ms: number;
  leakedTensors: number;
  /** Logs beyond the cap were dropped. */
  logsTruncated: boolean;
  error: string | null;
}
