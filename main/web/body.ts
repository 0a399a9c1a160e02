// Reading an API request's body: bounded (a body over the limit is answered 413 as soon as it is known, by its
// Content-Length or by counting) and decoded as strict UTF-8 (invalid bytes are refused, never replaced by U+FFFD).
import type { IncomingMessage } from 'node:http';
import { message, type Message } from '../contract/messages';

/**
 * 51 MiB: room for the largest deck file `importDeckFile` takes (25 Mi characters) JSON-escaped. Deck files may hold
 * no control characters but TAB, LF and CR, so escaping at most doubles each one (`\\` → `\\\\`, LF → `\n`).
 */
export const MAX_BODY_BYTES = 51 * 1024 * 1024;

export type BodyResult = { ok: true; text: string } | { ok: false; status: 400 | 413; error: Message };

const tooLarge = (limit: number): BodyResult => ({ ok: false, status: 413, error: message('api.bodyTooLarge', { limit }) });

function decodeUtf8(bytes: Buffer): BodyResult {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, status: 400, error: message('api.badUtf8') };
  }
}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  if (Number(req.headers['content-length']) > limit) return Promise.resolve(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Stop keeping it; Node discards the rest once the 413 is sent, and the connection stays usable.
      req.off('data', onData);
      chunks.length = 0;
      resolve(tooLarge(limit));
    };
    req.on('data', onData);
    req.on('end', () => {
      if (size <= limit) resolve(decodeUtf8(Buffer.concat(chunks)));
    });
    req.on('error', reject);
  });
}
