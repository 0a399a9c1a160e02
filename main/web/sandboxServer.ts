// The proof sandbox's own origin in browser mode: a second loopback server that serves ONLY sandbox.html and the
// files it transitively references (its script, the proof worker, tfjs chunks, the wasm binaries), with a CSP that
// allows no network beyond those files. It binds 127.0.0.1 but its URL says `localhost`: the app is addressed as
// `<random>.localhost` (deck:check's harness as 127.0.0.1), and Chromium counts `localhost`, each `x.localhost` and
// 127.0.0.1 as distinct sites (measured, Chromium 156; tests/e2e/isolation.spec.ts checks it), so the sandbox is a
// different *site* and Chromium gives it its own renderer process.
// The allowlist and headers are shared with the Electron scheme (main/hosts/sandboxFiles.ts).

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SANDBOX_PAGE, sandboxFiles, sandboxHeaders } from '../hosts/sandboxFiles';

export interface SandboxServerOptions {
  /** The Vite build output (out/renderer). */
  rootDir: string;
  /** The app's origin, the only one allowed to frame the sandbox (e.g. http://abc…xyz.localhost:5123). */
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
