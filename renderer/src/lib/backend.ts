// The only place in the renderer that knows the transport: Electron's preload bridge when present,
// else HTTP to the browser-mode host (same origin, token cookie set by the host).
import { API_METHODS, type Api, type ApiErrorPayload, type ApiMethod } from '../../../main/contract/api';
import { errorKind } from '../../../main/contract/errors';
import { message } from '../../../main/contract/messages';
import { words } from './words';

/** What the preload exposes on `window.proofdeck` (see main/preload.ts). */
export interface PreloadBridge {
  invoke(method: ApiMethod, arg: unknown): Promise<{ ok: true; result: unknown } | { ok: false; error: ApiErrorPayload }>;
}

/** A refusal or failure from the main process: its message (`payload`) and its wording as `message`, in the UI language of when it arrived. */
export class BackendError extends Error {
  constructor(readonly payload: ApiErrorPayload) {
    super(words(payload));
    this.name = 'BackendError';
  }
  get code() {
    return this.payload.code;
  }
  get kind() {
    return errorKind(this.payload.code);
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
    throw new BackendError(message('api.hostUnreachable', { detail: (error as Error).message }));
  }
  let body: { result?: unknown; error?: ApiErrorPayload };
  try {
    body = await response.json();
  } catch {
    throw new BackendError(message('api.unexpectedReply', { status: response.status }));
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
