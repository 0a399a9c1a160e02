import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxFiles } from '../../../main/hosts/sandboxFiles';
import { startSandboxServer, type SandboxServer } from '../../../main/web/sandboxServer';

let root: string;
let server: SandboxServer;

function get(url: string, host?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request({ host: '127.0.0.1', port: target.port, path: target.pathname, headers: { host: host ?? target.host } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sandbox-root-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'sandbox.html'), '<script type="module" src="./assets/sandbox-abc.js"></script>');
  writeFileSync(join(root, 'assets/sandbox-abc.js'), 'import "./protocol-x1.js"; new Worker(new URL("/assets/worker-def.js", import.meta.url));');
  writeFileSync(join(root, 'assets/protocol-x1.js'), 'export {}');
  writeFileSync(join(root, 'assets/worker-def.js'), 'const u = new URL("/assets/tfjs-backend-wasm-simd-Q.wasm", import.meta.url);');
  writeFileSync(join(root, 'assets/tfjs-backend-wasm-simd-Q.wasm'), 'wasm');
  writeFileSync(join(root, 'index.html'), '<script src="./assets/index-app.js"></script>');
  writeFileSync(join(root, 'assets/index-app.js'), 'secret app code');
  server = await startSandboxServer({ rootDir: root, appOrigin: 'http://127.0.0.1:5555' });
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('sandbox server', () => {
  it('serves exactly sandbox.html and the files it references, transitively', () => {
    expect([...sandboxFiles(root).keys()].sort()).toEqual([
      '/assets/protocol-x1.js',
      '/assets/sandbox-abc.js',
      '/assets/tfjs-backend-wasm-simd-Q.wasm',
      '/assets/worker-def.js',
      '/sandbox.html',
    ]);
  });

  it('is a different site from the app: its URL names localhost', () => {
    expect(server.url).toMatch(/^http:\/\/localhost:\d+\/sandbox\.html$/);
    expect(server.origin).toBe(new URL(server.url).origin);
  });

  it('sends a CSP with no network beyond itself and only the app as its parent', async () => {
    const page = await get(server.url);
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain('frame-ancestors http://127.0.0.1:5555');
    const wasm = await get(`${server.origin}/assets/tfjs-backend-wasm-simd-Q.wasm`);
    expect(wasm.headers['content-type']).toBe('application/wasm');
    expect(String(wasm.headers['content-security-policy'])).toContain("default-src 'none'");
  });

  it('refuses the app, other files, path tricks and foreign Host headers', async () => {
    expect((await get(`${server.origin}/index.html`)).status).toBe(404);
    expect((await get(`${server.origin}/assets/index-app.js`)).status).toBe(404);
    expect((await get(`${server.origin}/assets/../index.html`)).status).toBe(404);
    expect((await get(server.url, 'evil.example:80')).status).toBe(421);
  });
});
