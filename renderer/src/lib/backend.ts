// The only place in the renderer that knows the transport: Electron's preload bridge when present,
// else HTTP to the browser-mode host (same origin, token cookie set by the host).
import { API_METHODS, type Api, type ApiErrorPayload, type ApiMethod } from '../../../main/contract/api';

/** What the preload exposes on `window.proofdeck` (see main/preload.ts). */
export interface PreloadBridge {
  invoke(method: ApiMethod, arg: unknown): Promise<{ ok: true; result: unknown } | { ok: false; error: ApiErrorPayload }>;
}

export class BackendError extends Error {
  constructor(readonly payload: ApiErrorPayload) {
    super(payload.message);
    this.name = 'BackendError';
  }
  get code() {
    return this.payload.code;
  }
}

declare global {
  interface Window {
    proofdeck?: PreloadBridge;
  }
}

async function overHttp(method: ApiMethod, arg: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: arg === undefined ? '' : JSON.stringify(arg),
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new BackendError({ code: 'internal', message: `ProofDeck's host is not reachable (is \`npm run web\` still running?): ${(error as Error).message}` });
  }
  let body: { result?: unknown; error?: ApiErrorPayload };
  try {
    body = await response.json();
  } catch {
    throw new BackendError({ code: 'internal', message: `Unexpected reply from the host (HTTP ${response.status}).` });
  }
  if (body.error) throw new BackendError(body.error);
  return body.result;
}

async function overIpc(bridge: PreloadBridge, method: ApiMethod, arg: unknown): Promise<unknown> {
  const reply = await bridge.invoke(method, arg);
  if (!reply.ok) throw new BackendError(reply.error);
  return reply.result;
}

export function createBackend(bridge: PreloadBridge | undefined = window.proofdeck): Api {
  const call = bridge ? (m: ApiMethod, a: unknown) => overIpc(bridge, m, a) : overHttp;
  const api = {} as Record<ApiMethod, (arg: unknown) => Promise<unknown>>;
  for (const method of API_METHODS) api[method] = (arg: unknown) => call(method, arg);
  return api as unknown as Api;
}

export const transportName = (): 'electron' | 'browser' => (window.proofdeck ? 'electron' : 'browser');
