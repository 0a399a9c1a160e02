// Browser mode's guards: loopback only, a per-run token, and Host/Origin checks against DNS rebinding and
// cross-site requests from other pages the user has open.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'proofdeck_token';
export const TOKEN_HEADER = 'x-proofdeck-token';

export const newToken = (): string => randomBytes(24).toString('base64url');

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
