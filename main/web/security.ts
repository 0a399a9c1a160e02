// Browser mode's guards: loopback only, a per-run host name and token, and Host/Origin/Sec-Fetch-Site checks
// against DNS rebinding and requests from other pages the user has open.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'proofdeck_token';
export const TOKEN_HEADER = 'x-proofdeck-token';

export const newToken = (): string => randomBytes(24).toString('base64url');

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * The app's per-run host name, `<26 random base32 characters>.localhost` (130 bits). Cookies ignore ports, so a
 * cookie for 127.0.0.1 or localhost reaches every other local server the user visits; one for this name reaches only
 * servers addressed by this very name, which nothing else knows. Chromium resolves `*.localhost` to loopback itself,
 * treats it as a secure context, and counts each such name as its own site (measured, Chromium 156).
 */
export function newHostName(): string {
  const label = [...randomBytes(26)].map((byte) => BASE32[byte % 32]).join('');
  return `${label}.localhost`;
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function cookieToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return undefined;
}

export function hasToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers[TOKEN_HEADER];
  return sameToken(typeof header === 'string' ? header : undefined, token) || sameToken(cookieToken(req), token);
}

/** The Host header must name this very server; anything else is a rebinding attempt or a mistake. */
export function hostAllowed(req: IncomingMessage, allowedHosts: readonly string[]): boolean {
  return typeof req.headers.host === 'string' && allowedHosts.includes(req.headers.host.toLowerCase());
}

/** Requests from a page may carry an Origin; it must be the app's own. */
export function originAllowed(req: IncomingMessage, appOrigin: string): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === appOrigin;
}

/**
 * Browsers say who initiated a request in `Sec-Fetch-Site`: only the app's own pages (`same-origin`) and the user
 * (`none`: typed or bookmarked URL) may use the app. Another site's <img>, <script>, form or fetch is refused even
 * before the token is looked at. Clients that are not browsers send no such header and are judged by the token.
 */
export function fetchSiteAllowed(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}
