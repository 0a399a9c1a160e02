// The browser-mode host's guards, exercised over real HTTP on loopback with a real data dir. Node has no resolver
// for `*.localhost`, so every request connects to 127.0.0.1 and names the host in its Host header, as a browser would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost, type WebHost } from '../../../main/web/server';
import { newHostName } from '../../../main/web/security';

const TOKEN = 'test-token-0123456789abcdefghij';
const MiB = 1024 * 1024;
let root: string;
let host: WebHost;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Call {
  method?: string;
  path?: string;
  /** The Host header; the app's own name by default. */
  hostHeader?: string;
  headers?: Record<string, string>;
  /** Sent in one piece with a Content-Length, or as these chunks without one (chunked encoding). */
  body?: Buffer | Buffer[];
}

function call({ method = 'GET', path = '/', hostHeader, headers = {}, body }: Call = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method, path, agent: false, headers: { host: hostHeader ?? `${host.hostName}:${host.port}`, 'x-proofdeck-token': TOKEN, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (Array.isArray(body)) {
      for (const chunk of body) req.write(chunk);
      req.end();
    } else req.end(body);
  });
}

const api = (method: string, body: Buffer | Buffer[]) =>
  call({ method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json' }, body });

const errorCode = (reply: Reply): string | undefined => JSON.parse(reply.body).error?.code;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'web-host-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><script type="module" src="/assets/index-app.js"></script>');
  writeFileSync(join(rendererDir, 'assets/index-app.js'), 'console.log("app")');
  writeFileSync(join(rendererDir, 'sandbox.html'), '<!doctype html><p>sandbox</p>');
  const decks = join(root, 'data/decks');
  mkdirSync(join(decks, 'img'), { recursive: true });
  writeFileSync(join(decks, 'pics.md'), '---\nid: pics\ndeck: Pictures\nversion: 1\n---\n\n## Which side? {#p1}\n\n![heads](img/heads.png)\n');
  copyFileSync(join(import.meta.dirname, '../../fixtures/images/heads.png'), join(decks, 'img/heads.png'));
  mkdirSync(join(root, 'builtin'));
  host = await startWebHost({ dataDir: join(root, 'data'), builtInDeckDir: join(root, 'builtin'), rendererDir, token: TOKEN });
});

afterAll(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

describe('browser-mode host: the app has its own name', () => {
  it('is addressed as a random per-run name under .localhost, printed in its URL', () => {
    expect(host.hostName).toMatch(/^[a-z2-7]{26}\.localhost$/);
    expect(host.origin).toBe(`http://${host.hostName}:${host.port}`);
    expect(host.url).toBe(`${host.origin}/?token=${TOKEN}`);
    const names = new Set(Array.from({ length: 50 }, newHostName));
    expect(names.size).toBe(50);
  });

  it('answers only requests naming exactly that host: not 127.0.0.1, localhost or another name', async () => {
    expect((await call()).status).toBe(200);
    expect((await call({ hostHeader: `${host.hostName.toUpperCase()}:${host.port}` })).status).toBe(200);
    const others = [`127.0.0.1:${host.port}`, `localhost:${host.port}`, `other.localhost:${host.port}`, `x${host.hostName}:${host.port}`, `${host.hostName}:1`, host.hostName];
    for (const other of others) expect((await call({ hostHeader: other })).status, other).toBe(421);
  });

  it('trades the URL token for a cookie scoped to that name alone (no Domain attribute)', async () => {
    const reply = await call({ path: `/?token=${TOKEN}`, headers: { 'x-proofdeck-token': '' } });
    expect(reply.status).toBe(303);
    expect(reply.headers['set-cookie']).toEqual([`proofdeck_token=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`]);
  });
});

describe('browser-mode host: other sites get nothing', () => {
  const APP_DATA = [
    { method: 'GET', path: '/' },
    { method: 'GET', path: '/assets/index-app.js' },
    { method: 'GET', path: '/deck-asset?deck=pics&path=img%2Fheads.png' },
    { method: 'POST', path: '/api/overview', headers: { 'content-type': 'application/json' } },
  ];

  it('marks every answer Cross-Origin-Resource-Policy: same-origin, refusals included', async () => {
    const replies = [
      ...(await Promise.all(APP_DATA.map((c) => call(c)))),
      await call({ path: '/missing.js' }),
      await call({ headers: { 'x-proofdeck-token': 'wrong' } }),
    ];
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 404, 401]);
    for (const reply of replies) expect(reply.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('refuses app data requested from another site, even with the token; the app itself and non-browsers pass', async () => {
    for (const request of APP_DATA) {
      const withSite = (site: string) => call({ ...request, headers: { ...request.headers, 'sec-fetch-site': site } });
      expect((await withSite('cross-site')).status, `${request.path} cross-site`).toBe(403);
      expect((await withSite('same-site')).status, `${request.path} same-site`).toBe(403);
      expect((await withSite('same-origin')).status, `${request.path} same-origin`).toBe(200);
      expect((await withSite('none')).status, `${request.path} none`).toBe(200);
      expect((await call(request)).status, `${request.path} without the header`).toBe(200);
    }
  });
});

describe('browser-mode host: request bodies', () => {
  // The largest deck importDeckFile takes (25 Mi characters), all backslashes: JSON escaping doubles every one.
  const bigDeck = () => {
    const head = '---\nid: slashes\ndeck: Backslashes\nversion: 1\n---\n\n## All backslashes {#s1}\n\n';
    return head + '\\'.repeat(25 * MiB - head.length - 1) + '\n';
  };

  it('takes the largest deck file, JSON-escaped (about 50 MiB), through to importDeckFile', async () => {
    const text = bigDeck();
    expect(text.length).toBe(25 * MiB);
    const body = Buffer.from(JSON.stringify({ fileName: 'slashes.md', text }));
    expect(body.length).toBeGreaterThan(1.99 * text.length);
    const reply = await api('importDeckFile', body);
    expect(reply.status, reply.body.slice(0, 300)).toBe(200);
    expect(JSON.parse(reply.body).result.message.code).toBe('done.importedDeck');
  }, 60_000);

  it('answers 413 to a body over 51 MiB, declared or streamed, and stays usable', async () => {
    const declared = await api('importDeckFile', Buffer.alloc(52 * MiB, 'a'));
    expect(declared.status).toBe(413);
    expect(errorCode(declared)).toBe('api.bodyTooLarge');
    const streamed = await api('importDeckFile', Array.from({ length: 52 }, () => Buffer.alloc(MiB, 'a')));
    expect(streamed.status).toBe(413);
    expect(errorCode(streamed)).toBe('api.bodyTooLarge');
    expect((await call()).status).toBe(200);
  }, 60_000);

  it('refuses a body that is not valid UTF-8 with 400 api.badUtf8 instead of guessing', async () => {
    const json = (inner: number[]) => Buffer.concat([Buffer.from('{"fileName":"x.md","text":"'), Buffer.from(inner), Buffer.from('"}')]);
    for (const bytes of [[0xff], [0xc3], [0xc0, 0xaf], [0xed, 0xa0, 0x80]]) {
      const reply = await api('importDeckFile', json(bytes));
      expect(reply.status, bytes.join(' ')).toBe(400);
      expect(errorCode(reply)).toBe('api.badUtf8');
    }
    const valid = await api('importDeckFile', Buffer.from(JSON.stringify({ fileName: 'x.md', text: 'é' })));
    expect(errorCode(valid)).toBe('edit.invalidDeckFile');
  });
});
