// Browser mode's content types for the built renderer (which file is served is main/hosts/rendererFiles.ts).
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { IMAGE_TYPES } from '../files/imageTypes';

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

export function readStatic(path: string): Buffer {
  return readFileSync(path);
}
