// The renderer is served from a privileged custom scheme rather than file://, so the CSP and origin checks
// have a real origin to name, and no other file on disk is reachable.
import { net, protocol, type CustomScheme } from 'electron';
import { pathToFileURL } from 'node:url';
import { DECK_ASSET_CSP, DECK_ASSET_PATH, type DeckAsset } from '../services/deckAssets';
import { resolveInside } from '../hosts/rendererFiles';

export const APP_SCHEME = 'proofdeck-app';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

export function registerAppSchemePrivileges(): CustomScheme {
  return { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } };
}

export function serveAppScheme(rendererDir: string, csp: string, deckAsset: (params: URLSearchParams) => DeckAsset): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'app') return new Response('Not found', { status: 404 });
    if (url.pathname === DECK_ASSET_PATH) {
      const asset = deckAsset(url.searchParams);
      if (!asset.ok) return new Response(asset.message, { status: asset.status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
      return new Response(new Uint8Array(asset.bytes), {
        headers: { 'content-type': asset.type, 'content-security-policy': DECK_ASSET_CSP, 'x-content-type-options': 'nosniff' },
      });
    }
    const path = resolveInside(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!path) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(path).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', csp);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
