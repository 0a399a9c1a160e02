// The renderer is served from a privileged custom scheme rather than file://, so the CSP and origin checks
// have a real origin to name, and no other file on disk is reachable.
import { net, protocol, type CustomScheme } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveInside } from '../web/static';

export const APP_SCHEME = 'proofdeck-app';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

export function registerAppSchemePrivileges(): CustomScheme {
  return { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } };
}

export function serveAppScheme(rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'app') return new Response('Not found', { status: 404 });
    const path = resolveInside(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!path) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(path).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', csp);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
