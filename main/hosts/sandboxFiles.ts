// What the proof sandbox's origin serves, in both hosts (browser mode's sandbox server, Electron's proofbox scheme):
// sandbox.html and the built files it transitively references, with headers that allow no network beyond them.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { extname, join } from 'node:path';
import { realInside } from '../files/inside';

export const SANDBOX_PAGE = 'sandbox.html';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** References to built files inside HTML/JS output: "./x-abc.js", "/assets/y.wasm", "assets/z.js". */
const FILE_REFERENCE = /[\w./-]*?([\w-]+(?:\.[\w-]+)*\.(?:js|mjs|css|wasm))\b/g;

/**
 * URL path → file, for sandbox.html and every built file reachable from it by name. Everything else in the
 * renderer build (the app itself) is simply not served from the sandbox origin.
 */
export function sandboxFiles(rootDir: string): Map<string, string> {
  const root = realpathSync(rootDir);
  const files = new Map<string, string>();
  const start = join(root, SANDBOX_PAGE);
  if (!existsSync(start)) throw new Error(`${start} is missing: build the renderer first (npx electron-vite build).`);
  files.set(`/${SANDBOX_PAGE}`, start);
  const queue = [start];
  const folders = ['', 'assets'];
  while (queue.length) {
    const file = queue.pop()!;
    if (extname(file) === '.wasm') continue;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(FILE_REFERENCE)) {
      const name = match[1];
      for (const folder of folders) {
        const candidate = join(root, folder, name);
        const urlPath = `/${folder ? `${folder}/` : ''}${name}`;
        if (files.has(urlPath)) continue;
        const real = realInside(root, candidate);
        if (!real) continue;
        files.set(urlPath, real);
        queue.push(real);
      }
    }
  }
  return files;
}

/** No network but the sandbox's own files (wasm is fetched from there); only the app may embed it. */
export function sandboxCsp(appOrigin: string | null): string {
  return [
    "default-src 'none'",
    // Proof code is compiled with new Function (unsafe-eval) — that is what the sandbox is for.
    "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    "connect-src 'self'",
    "style-src 'none'",
    "img-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${appOrigin ?? "'none'"}`,
  ].join('; ');
}

export function sandboxHeaders(urlPath: string, appOrigin: string | null): Record<string, string> {
  return {
    'content-type': TYPES[extname(urlPath).toLowerCase()] ?? 'application/octet-stream',
    'content-security-policy': sandboxCsp(appOrigin),
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    // Hashed build files may be cached (V8 caches compiled code for cacheable scripts); the page is revalidated.
    'cache-control': urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
}
