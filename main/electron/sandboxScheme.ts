// The proof sandbox's own origin in Electron: a privileged, secure, standard custom scheme (so it is a secure
// context with WebGPU and URL workers, and a different site from the app, hence its own renderer process).
// It serves only sandbox.html and what it references, with the same headers as browser mode's sandbox server.

import type { CustomScheme, Session } from 'electron';
import { readFile } from 'node:fs/promises';
import { SANDBOX_PAGE, sandboxFiles, sandboxHeaders } from '../hosts/sandboxFiles';
import { APP_ORIGIN } from './appScheme';

export const SANDBOX_SCHEME = 'proofbox';
export const SANDBOX_ORIGIN = `${SANDBOX_SCHEME}://sandbox`;
export const SANDBOX_URL = `${SANDBOX_ORIGIN}/${SANDBOX_PAGE}`;

/** Pass to protocol.registerSchemesAsPrivileged([...]) before the app is ready. */
export function registerSandboxSchemePrivileges(): CustomScheme {
  return {
    scheme: SANDBOX_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, corsEnabled: false, stream: false },
  };
}

/** Call after app ready. `appOrigin` is the only origin allowed to frame the sandbox (CSP frame-ancestors). */
export function serveSandboxScheme(session: Session, rootDir: string, appOrigin: string = APP_ORIGIN): void {
  let files: Map<string, string> | null = null;
  session.protocol.handle(SANDBOX_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'sandbox' || (request.method !== 'GET' && request.method !== 'HEAD')) return new Response('Not found', { status: 404 });
    files ??= sandboxFiles(rootDir);
    const file = files.get(url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(await readFile(file), { status: 200, headers: sandboxHeaders(url.pathname, appOrigin) });
  });
}
