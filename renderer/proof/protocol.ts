// Messages between the app (host), the sandbox page and its proof worker. Every message that crosses a boundary
// is checked here before use: the sandbox runs untrusted code, so nothing it sends is taken on trust.

import type { CodeBlock, ProofLang } from '../../main/contract/deck';
import { PROOF_BACKENDS, type ProofBackend, type ProofCheck, type ProofPlot, type ProofResult, type ProofTable } from '../../main/contract/proof';

export const PROTOCOL_VERSION = 1;
export type BackendChoice = ProofBackend | 'auto';

export interface BackendInfo {
  backend: ProofBackend;
  available: boolean;
  /** Adapter / renderer name, or why it is unavailable. */
  device: string;
  /** A software implementation (SwiftShader, llvmpipe, a fallback WebGPU adapter). */
  software: boolean;
}

export interface RunRequest {
  code: string;
  lang: ProofLang;
  /** A coding card's code under test, run before the proof (see executeProof). */
  subject?: CodeBlock;
  backend: BackendChoice;
  timeoutMs: number;
  /** Tensors above this many elements are refused before they are allocated. */
  maxTensorElements?: number;
}

/** Host → sandbox page, over the MessagePort handed over in `connect`. */
export type HostRequest =
  | ({ type: 'run'; id: number } & RunRequest)
  | { type: 'backends'; id: number }
  | { type: 'warmUp'; id: number; backend: BackendChoice };

/** Sandbox page → host. `alive` is a heartbeat while a request is in flight: its absence means a crash. */
export type SandboxReply =
  | { type: 'hello'; protocol: number }
  | { type: 'alive' }
  | { type: 'result'; id: number; result: ProofResult; recycle?: boolean }
  | { type: 'backends'; id: number; backends: BackendInfo[] }
  | { type: 'warmedUp'; id: number; backend: ProofBackend | null; ms: number; error: string | null };

/** Sandbox page → worker (the worker never gets the host's port). */
export type WorkerRequest =
  | { type: 'init'; nonce: string; backend: BackendChoice; maxTensorElements: number; backends: BackendInfo[] | null }
  | { type: 'probe'; nonce: string }
  | { type: 'run'; code: string; lang: ProofLang; subject?: CodeBlock; timeoutMs: number };

/** Worker → sandbox page; each carries the nonce of its init message, which proof code never sees. */
export type WorkerReply =
  | { type: 'ready'; nonce: string; backend: ProofBackend | null; device: string; error: string | null; ms: number }
  | { type: 'probed'; nonce: string; backends: BackendInfo[] }
  | { type: 'done'; nonce: string; result: ProofResult };

export const DEFAULT_PROOF_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_TENSOR_ELEMENTS = 2 ** 25; // 128 MiB of float32: far above proof size, far below a GPU's limit

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isNullableNumber = (value: unknown) => value === null || isFiniteNumber(value);
const isNullableString = (value: unknown) => value === null || isString(value);

export function isBackend(value: unknown): value is ProofBackend {
  return (PROOF_BACKENDS as readonly unknown[]).includes(value);
}

export function isBackendChoice(value: unknown): value is BackendChoice {
  return value === 'auto' || isBackend(value);
}

function isCheck(value: unknown): value is ProofCheck {
  return isObject(value) && isString(value.name) && typeof value.ok === 'boolean' && isNullableNumber(value.maxAbsError) &&
    isNullableNumber(value.maxRelError) && isNullableString(value.detail) && (value.inputs === undefined || isString(value.inputs));
}

function isTable(value: unknown): value is ProofTable {
  return isObject(value) && isNullableString(value.title) && Array.isArray(value.shape) && value.shape.every(isFiniteNumber) &&
    Array.isArray(value.rows) && value.rows.every((row) => Array.isArray(row) && row.every((cell) => isString(cell) || isFiniteNumber(cell))) &&
    typeof value.truncated === 'boolean';
}

function isPlot(value: unknown): value is ProofPlot {
  return isObject(value) && ['line', 'scatter', 'bar', 'histogram', 'heatmap'].includes(value.kind as string) && isString(value.title) && isObject(value.spec);
}

/**
 * A result from the sandbox, checked field by field. `ok` is re-derived from the pass rule, so a proof that
 * broke the worker's built-ins cannot report a pass its checks do not support.
 */
export function readProofResult(value: unknown): ProofResult | null {
  if (!isObject(value)) return null;
  const { backend, device, checks, logs, tables, plots, ms, leakedTensors, logsTruncated, error } = value;
  if (!isBackend(backend) || !isString(device) || !Array.isArray(checks) || !checks.every(isCheck)) return null;
  if (!Array.isArray(logs) || !logs.every(isString) || !Array.isArray(tables) || !tables.every(isTable)) return null;
  if (!Array.isArray(plots) || !plots.every(isPlot) || !isFiniteNumber(ms) || !isFiniteNumber(leakedTensors)) return null;
  if (typeof logsTruncated !== 'boolean' || !isNullableString(error) || typeof value.ok !== 'boolean') return null;
  const ok = value.ok && error === null && checks.length > 0 && checks.every((check) => check.ok);
  return { ok, backend, device, checks, logs, tables, plots, ms, leakedTensors, logsTruncated, error };
}

export function readBackendInfos(value: unknown): BackendInfo[] | null {
  if (!Array.isArray(value)) return null;
  const infos = value.filter((info): info is BackendInfo =>
    isObject(info) && isBackend(info.backend) && typeof info.available === 'boolean' && isString(info.device) && typeof info.software === 'boolean');
  return infos.length === value.length ? infos : null;
}

export function readHostRequest(value: unknown): HostRequest | null {
  if (!isObject(value) || !Number.isSafeInteger(value.id)) return null;
  if (value.type === 'backends') return { type: 'backends', id: value.id as number };
  if (value.type === 'warmUp' && isBackendChoice(value.backend)) return { type: 'warmUp', id: value.id as number, backend: value.backend };
  if (value.type !== 'run' || !isString(value.code) || (value.lang !== 'js' && value.lang !== 'ts') || !isBackendChoice(value.backend)) return null;
  if (!isFiniteNumber(value.timeoutMs) || value.timeoutMs <= 0) return null;
  const maxTensorElements = isFiniteNumber(value.maxTensorElements) && value.maxTensorElements > 0 ? value.maxTensorElements : undefined;
  const subject = readCodeBlock(value.subject);
  if (subject === null) return null;
  const lang: ProofLang = value.lang;
  const request = { type: 'run' as const, id: value.id as number, code: value.code, lang, backend: value.backend, timeoutMs: value.timeoutMs, maxTensorElements };
  return subject === undefined ? request : { ...request, subject };
}

/** An optional code block: undefined when absent, null when present but malformed (the request is then refused). */
export function readCodeBlock(value: unknown): CodeBlock | undefined | null {
  if (value === undefined) return undefined;
  if (!isObject(value) || !isString(value.code) || (value.lang !== 'js' && value.lang !== 'ts')) return null;
  return { code: value.code, lang: value.lang };
}

export function readSandboxReply(value: unknown): SandboxReply | null {
  if (!isObject(value)) return null;
  switch (value.type) {
    case 'hello':
      return value.protocol === PROTOCOL_VERSION ? { type: 'hello', protocol: PROTOCOL_VERSION } : null;
    case 'alive':
      return { type: 'alive' };
    case 'result': {
      const result = readProofResult(value.result);
      return result && Number.isSafeInteger(value.id) ? { type: 'result', id: value.id as number, result, recycle: value.recycle === true } : null;
    }
    case 'backends': {
      const backends = readBackendInfos(value.backends);
      return backends && Number.isSafeInteger(value.id) ? { type: 'backends', id: value.id as number, backends } : null;
    }
    case 'warmedUp':
      if (!Number.isSafeInteger(value.id) || !(value.backend === null || isBackend(value.backend)) || !isFiniteNumber(value.ms) || !isNullableString(value.error)) return null;
      return { type: 'warmedUp', id: value.id as number, backend: value.backend, ms: value.ms, error: value.error as string | null };
    default:
      return null;
  }
}

/** Reads a worker message only when it carries the expected nonce (proof code cannot know it). */
export function readWorkerReply(value: unknown, nonce: string): WorkerReply | null {
  if (!isObject(value) || value.nonce !== nonce) return null;
  if (value.type === 'ready' && (value.backend === null || isBackend(value.backend)) && isString(value.device) && isNullableString(value.error) && isFiniteNumber(value.ms)) {
    return { type: 'ready', nonce, backend: value.backend, device: value.device, error: value.error as string | null, ms: value.ms };
  }
  if (value.type === 'probed') {
    const backends = readBackendInfos(value.backends);
    return backends ? { type: 'probed', nonce, backends } : null;
  }
  if (value.type === 'done') {
    const result = readProofResult(value.result);
    return result ? { type: 'done', nonce, result } : null;
  }
  return null;
}

/** A failed result made by the runner itself (timeout, crash, bad message), not by the proof. */
export function failedResult(backend: ProofBackend, device: string, error: string, ms = 0): ProofResult {
  return { ok: false, backend, device, checks: [], logs: [], tables: [], plots: [], ms, leakedTensors: 0, logsTruncated: false, error };
}
