// Serving the built renderer: files strictly inside the root, with types, and nothing that escapes it.
import { readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { IMAGE_TYPES } from '../files/imageTypes';
import { realInside } from '../files/inside';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  ...IMAGE_TYPES,
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export const contentType = (path: string): string => TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

/** Resolves a URL path inside `root`, or null if it escapes it (`..`, symlinks out) or does not exist. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const real = realInside(root, join(root, decoded));
  return real && statSync(real).isFile() ? real : null;
}

export function readStatic(path: string): Buffer {
  return readFileSync(path);
}
