// The proof sandbox's own origin in browser mode: a second loopback server that serves ONLY sandbox.html and the
// files it transitively references (its script, the proof worker, tfjs chunks, the wasm binaries), with a CSP that
// allows no network beyond those files. It binds 127.0.0.1 but its URL says `localhost`: the app is served at
// 127.0.0.1, so the sandbox is a different *site* and Chromium gives it its own renderer process.
// The allowlist and headers are shared with the Electron scheme (main/electron/sandboxScheme.ts).

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
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

export interface SandboxServerOptions {
  /** The Vite build output (out/renderer). */
  rootDir: string;
  /** The app's origin, the only one allowed to frame the sandbox (e.g. http://127.0.0.1:5123). */
  appOrigin?: string;
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface SandboxServer {
  /** Full URL of sandbox.html, e.g. http://localhost:43121/sandbox.html */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function startSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const files = sandboxFiles(options.rootDir);
  const appOrigin = options.appOrigin ?? null;
  let allowedHosts: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const host = String(req.headers.host ?? '').toLowerCase();
    if (!allowedHosts.includes(host)) return refuse(res, 421, 'Misdirected request');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
    const urlPath = new URL(req.url ?? '/', 'http://sandbox').pathname;
    const file = files.get(urlPath);
    if (!file) return refuse(res, 404, 'Not found');
    const body = readFileSync(file);
    res.writeHead(200, { ...sandboxHeaders(urlPath, appOrigin), 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  server.keepAliveTimeout = 2000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = [`localhost:${port}`, `127.0.0.1:${port}`];
  const origin = `http://localhost:${port}`;
  return {
    url: `${origin}/${SANDBOX_PAGE}`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': "default-src 'none'" });
  res.end(message);
}
