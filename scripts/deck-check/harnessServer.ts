// The app-origin side for headless runs (deck:check, the proof bench, e2e specs): serves the renderer build's
// proof-harness.html and its assets on 127.0.0.1, next to the real sandbox server on `localhost`, so proofs take
// exactly the path they take in the app (different site, own process, same runner code).

import { createServer } from 'node:http';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { startSandboxServer } from '../../main/web/sandboxServer';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface ProofHosts {
  /** proof-harness.html?sandbox=… on the app-like origin. */
  harnessUrl: string;
  appOrigin: string;
  sandboxUrl: string;
  /** A plain page on the app origin for baselines (tfjs run directly, no sandbox). */
  baseUrl: string;
  close(): Promise<void>;
}

function harnessCsp(sandboxOrigin: string, allowEval: boolean): string {
  return [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval'${allowEval ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    `frame-src ${sandboxOrigin}`,
    "base-uri 'none'",
  ].join('; ');
}

/** `allowEval`: only for the bench's direct (unsandboxed) baseline on the harness page itself. */
export async function startProofHosts(rendererDir: string, { allowEval = false } = {}): Promise<ProofHosts> {
  const root = realpathSync(rendererDir);
  let sandbox: Awaited<ReturnType<typeof startSandboxServer>> | null = null;
  const server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://app').pathname);
    const file = normalize(join(root, urlPath));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': harnessCsp(sandbox?.origin ?? "'none'", allowEval),
      'cache-control': 'no-cache',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const appOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sandbox = await startSandboxServer({ rootDir: root, appOrigin });
  return {
    harnessUrl: `${appOrigin}/proof-harness.html?sandbox=${encodeURIComponent(sandbox.url)}`,
    appOrigin,
    sandboxUrl: sandbox.url,
    baseUrl: appOrigin,
    async close() {
      await sandbox?.close();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
